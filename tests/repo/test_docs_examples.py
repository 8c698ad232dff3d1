"""Every example in docs/authoring.md builds, cleanly, into what the guide says.

The examples are the fences marked ``example=<name>``. They are written into
a copy of the site (so terms, citations and links resolve against the real
glossary, references and pages), built with the Makefile's options, and the
built pages are checked against ``data/docs_examples.yaml``. A change to the
site that makes an example wrong fails here, so the guide cannot drift.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from pybtex.database import parse_file, parse_string

from amitriptyline_kb.tools.site import ROOT, SOURCE, configuration, sphinx_flags
from helpers import data, soup_of

GUIDE = ROOT / "docs" / "authoring.md"
EXPECT = data("docs_examples.yaml")["examples"]
MARKER = re.compile(r"^(?P<language>\S+)\s+example=(?P<name>[\w-]+)$")
WRAPPER = """---
description: Built from the example '{name}' of docs/authoring.md.
last-reviewed: 2026-11-24
next-review: 2027-11-24
---

# Example {name}

{content}"""
EXAMPLES_INDEX = """---
description: The examples of docs/authoring.md.
last-reviewed: 2026-11-24
next-review: 2027-11-24
---

# Examples

```{{toctree}}
{pages}
```
"""


def guide_fences() -> list[tuple[str, str | None, str]]:
    """(language, example name or None, content) of every fence in the guide."""
    tokens = MarkdownIt("commonmark").parse(GUIDE.read_text(encoding="utf-8"))
    fences = []
    for token in tokens:
        if token.type == "fence":
            marked = MARKER.match(token.info.strip())
            language = marked["language"] if marked else token.info.strip().split(" ")[0]
            fences.append((language, marked and marked["name"], token.content))
    return fences


def examples() -> dict[str, str]:
    return {name: content for _, name, content in guide_fences() if name}


def _page_text(name: str, spec: dict, content: str) -> str:
    kind = spec.get("kind")
    if kind == "page":
        return content
    if kind == "front-matter":
        return f"{content}\n# Example {name}\n\nThe page's text.\n"
    return WRAPPER.format(name=name, content=content)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The site with every example added, built as the Makefile builds it."""
    work = tmp_path_factory.mktemp("docs-examples")
    source = work / "source"
    shutil.copytree(SOURCE, source)
    pages = []
    for name, content in examples().items():
        spec = EXPECT.get(name, {})
        if "file" not in spec:
            continue
        page = source / spec["file"]
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(_page_text(name, spec, content), encoding="utf-8")
        pages.append("/" + spec["file"].removesuffix(".md"))
    (source / "examples").mkdir(exist_ok=True)
    (source / "examples" / "index.md").write_text(
        EXAMPLES_INDEX.format(pages="\n".join(p for p in pages if p != "/treatments/how-soon")),
        encoding="utf-8",
    )
    with (source / "index.md").open("a", encoding="utf-8") as index:
        index.write("\n```{toctree}\nexamples/index\n```\n")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            *sphinx_flags(),
            # As the Makefile builds: the configuration at the root, the pages elsewhere.
            "-c",
            ".",
            "-b",
            "html",
            # The glossary example adds a term that no page of the site links to.
            "-D",
            "suppress_warnings=kb.glossary_unused",
            # Each snippet shows one feature, not a sourced medical page; the
            # whole page a contributor copies (treatments/how-soon) must cite.
            "-D",
            "kb_pages_without_sources="
            + ",".join(
                ["references", "disclaimer", "examples/index"]
                + [p.lstrip("/") for p in pages if p.startswith("/examples/")]
            ),
            # Nor does a snippet need a key-facts box; that whole page has one.
            "-D",
            "kb_pages_without_key_facts="
            + ",".join(
                configuration()["kb_pages_without_key_facts"]
                + ["examples/index"]
                + [p.lstrip("/") for p in pages if p != "/treatments/how-soon"]
            ),
            str(source),
            str(work / "html"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    problems = [line for line in result.stderr.splitlines() if "WARNING" in line or "ERROR" in line]
    assert result.returncode == 0 and not problems, (
        "the examples of docs/authoring.md do not build cleanly; fix the guide:\n" + result.stderr
    )
    return work / "html"


def test_every_markdown_fence_of_the_guide_is_a_tested_example():
    unmarked = [
        content[:60]
        for language, name, content in guide_fences()
        if language in {"markdown", "bibtex"} and not name
    ]
    assert not unmarked, f"examples without 'example=<name>', so untested: {unmarked}"
    assert set(examples()) == set(EXPECT), (
        "docs/authoring.md and data/docs_examples.yaml name different examples"
    )


@pytest.mark.parametrize("name", sorted(name for name, spec in EXPECT.items() if "file" in spec))
def test_example_builds_into_what_the_guide_says(built, name):
    spec = EXPECT[name]
    for check in spec["expect"]:
        docname = check.get("page", spec["file"].removesuffix(".md"))
        page = soup_of(built / f"{docname}.html")
        found = page.select(check["selector"])
        assert any(check["text"] in " ".join(tag.get_text(" ").split()) for tag in found), (
            f"example {name!r}: {docname}.html has no {check['selector']!r} "
            f"with {check['text']!r}; found {[tag.get_text(' ', strip=True) for tag in found]}"
        )


def test_the_bibliography_example_is_the_entry_in_references_bib():
    example = parse_string(examples()["bib-entry"], "bibtex").entries
    real = parse_file(SOURCE / "references.bib").entries
    for key, entry in example.items():
        assert key in real, f"the guide's example entry {key!r} is not in references.bib"
        assert dict(entry.fields) == dict(real[key].fields), key
        assert entry.persons == real[key].persons, key
