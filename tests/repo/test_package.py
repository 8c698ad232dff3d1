"""The package of our extensions: installed wherever the site is built, and
what may import what (docs/architecture.md), read from its source.

An extension imports only the shared modules of the package, so each can be
read, tested and loaded alone; the package never imports its tools, and
nothing imports the tests.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import yaml

from helpers import ROOT

PACKAGE = ROOT / "amitriptyline_kb"
# Written out, not read from the package: the rule as docs/architecture.md says it.
SHARED = {
    "amitriptyline_kb.shared",
    "amitriptyline_kb.warnings",
    "amitriptyline_kb.pages.reader_text",
}


def imports_of(path: Path) -> set[str]:
    """The modules ``path`` imports, as dotted names."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


EXTENSIONS = sorted(
    path
    for path in PACKAGE.rglob("*.py")
    if "tools" not in path.relative_to(PACKAGE).parts and path.name != "__init__.py"
)


def test_the_package_has_extensions_to_check():
    assert len(EXTENSIONS) > 20


@pytest.mark.parametrize("path", EXTENSIONS, ids=module_name)
def test_an_extension_imports_only_the_shared_modules_of_the_package(path):
    ours = {name for name in imports_of(path) if name.split(".")[0] == "amitriptyline_kb"}
    others = ours - SHARED - {module_name(path)}
    assert not others, f"{module_name(path)} imports {sorted(others)}; only {sorted(SHARED)}"


def test_nothing_imports_the_tests():
    for path in [*PACKAGE.rglob("*.py"), ROOT / "conf.py"]:
        found = {name for name in imports_of(path) if name.split(".")[0] in {"tests", "helpers"}}
        assert not found, f"{path.relative_to(ROOT)} imports {sorted(found)}"


def test_conf_py_imports_no_extension_of_ours():
    assert not {n for n in imports_of(ROOT / "conf.py") if n.startswith("amitriptyline_kb")}


def test_a_rule_breaker_is_found(tmp_path):
    """The check reads real imports: a module importing another extension is caught."""
    module = tmp_path / "breaker.py"
    module.write_text("from amitriptyline_kb.search.synonyms import read_search_words\n")
    assert imports_of(module) - SHARED == {"amitriptyline_kb.search.synonyms"}


def test_every_build_installs_the_package():
    """conf.py names extensions of the package, so each build must install it."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "pip install" in makefile and " -e ." in makefile
    read_the_docs = yaml.safe_load((ROOT / ".readthedocs.yaml").read_text(encoding="utf-8"))
    installs = read_the_docs["python"]["install"]
    assert {"method": "pip", "path": "."} in installs
    assert installs.index({"method": "pip", "path": "."}) > installs.index(
        {"requirements": "requirements.lock"}
    ), "the package installs after its pinned dependencies"
