"""The sites the benchmark builds: today's, plain Sphinx's, and synthetic ones.

- A snapshot of the working tree in a temporary folder, so that the timed
  builds see one fixed state of the pages and of our package (imported
  from the snapshot: recipes.environment) while contributors keep editing,
  and touching a page for the incremental build changes nothing of theirs.
- The plain-Sphinx configuration: our conf.py with alabaster instead of furo
  and only the extensions the pages' syntax needs (``content_parsers`` in
  settings.toml), so a ratio to it is the cost of everything we add.
- Synthetic knowledge bases of N pages: the real source folder plus copies of
  the real content pages, so every copy has their exact shape (front matter,
  glossary references, tab sets, index entries, citations) and text that
  passes every check the real text passes. A copy lives beside its original,
  so its relative links resolve, gets its own title and labels, and is listed
  in a toctree of its folder's index page. Pages that conf.py spares a
  check by name (the disclaimer, say) are not copied. The copies reuse the real
  vocabulary: the search index's word list does not grow as a real, larger
  knowledge base's would; its lists of pages per word do.
"""

from __future__ import annotations

import re
import shutil
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from amitriptyline_kb.tools.site import configuration, reader_docnames

# Not copied into the snapshot: build output, caches and the virtual
# environment (linked instead, as it is large and must stay the same).
SNAPSHOT_SKIP = (".git", "_build", ".venv", "node_modules", "__pycache__", ".pytest_cache", "*.pyc")
LINKED = (".venv", "node_modules")

LABEL = re.compile(r"^\((?P<label>[^()\s]+)\)=[ \t]*$", re.MULTILINE)
TITLE = re.compile(r"^# (?P<title>.+)$", re.MULTILINE)
# A page with any of these is structural (section index, glossary,
# bibliography): copying it would duplicate terms or citations.
NOT_A_TEMPLATE = re.compile(r"^[`:]{3,}\{(toctree|glossary|bibliography)\}", re.MULTILINE)
# conf.py's lists of pages that a check leaves alone by name.
EXEMPT = "kb_pages_without_"


def snapshot(root: Path, dest: Path) -> Path:
    """Copy the working tree to ``dest``; link the virtual environment."""
    shutil.copytree(root, dest, ignore=shutil.ignore_patterns(*SNAPSHOT_SKIP), symlinks=True)
    for name in LINKED:
        if (root / name).exists():
            (dest / name).symlink_to((root / name).resolve())
    return dest


def leaf_pages(source: Path) -> list[str]:
    """Content pages: no toctree, glossary or bibliography of their own."""
    return [
        docname
        for docname in reader_docnames(source)
        if not NOT_A_TEMPLATE.search((source / f"{docname}.md").read_text(encoding="utf-8"))
    ]


def largest_leaf_page(source: Path) -> str:
    """The page touched for the incremental build: the most work for one page."""
    return max(leaf_pages(source), key=lambda d: (source / f"{d}.md").stat().st_size)


def plain_configuration(
    root: Path, dest: Path, content_parsers: list[str], feature: str | None = None
) -> Path:
    """Write a conf.py for plain Sphinx that reuses ours; return its folder.

    Paths in our conf.py are relative to the root; this one lives elsewhere,
    so they are made absolute. Templates and CSS are ours, so they go. It
    runs inside sphinx-build, so it reads our conf.py itself, with runpy,
    as Sphinx does. With ``feature``, plain Sphinx gets that one of our
    features back: one of our extensions, or ``THEME`` (furo with our
    templates and sidebars).
    """
    dest.mkdir(parents=True)
    (dest / "conf.py").write_text(
        f'''"""Plain Sphinx: our settings, alabaster, and only the content parsers."""

import runpy
from pathlib import Path

ROOT = Path({str(root)!r})
ours = runpy.run_path(str(ROOT / "conf.py"))
globals().update({{k: v for k, v in ours.items() if not k.startswith("_")}})

extensions = [name for name in ours["extensions"] if name in {content_parsers!r}]
html_theme = "alabaster"
html_theme_options = {{}}
html_sidebars = {{}}
templates_path = []
html_css_files = []
html_js_files = []
html_static_path = [str(ROOT / path) for path in ours.get("html_static_path", [])]
bibtex_bibfiles = [str(ROOT / path) for path in ours.get("bibtex_bibfiles", [])]
for name in ("html_logo", "html_favicon"):
    if ours.get(name):
        globals()[name] = str(ROOT / ours[name])
'''
        + _with_feature(feature),
        encoding="utf-8",
    )
    return dest


THEME = "theme"


def _with_feature(feature: str | None) -> str:
    if feature is None:
        return ""
    if feature == THEME:
        return """
# The theme as we use it: furo, its options, our templates and sidebars.
for name in ("html_theme", "html_theme_options", "html_sidebars", "html_css_files"):
    if name in ours:
        globals()[name] = ours[name]
templates_path = [str(ROOT / path) for path in ours.get("templates_path", [])]
"""
    return f"\nextensions.append({feature!r})\n"


def features(root: Path, content_parsers: list[str]) -> list[str]:
    """What we add to plain Sphinx, one by one: the theme, then each extension.

    ``root`` holds our conf.py: the snapshot's, or the repository's.
    """
    extensions = configuration(root)["extensions"]
    return [THEME, *(name for name in extensions if name not in content_parsers)]


def copy_of_page(text: str, number: int) -> str:
    """A real page as copy ``number``: its own title, its own labels."""
    suffix = f"-copy-{number}"
    labels = set(LABEL.findall(text))
    text = LABEL.sub(lambda m: f"({m['label']}{suffix})=", text)
    for label in labels:
        escaped = re.escape(label)
        # {ref}`label`, {ref}`text <label>` and [text](#label)
        text = re.sub(
            rf"(\{{ref\}}`(?:[^`<]*<)?){escaped}(>?`)", rf"\g<1>{label}{suffix}\g<2>", text
        )
        text = re.sub(rf"\]\(#{escaped}\)", f"](#{label}{suffix})", text)
    return TITLE.sub(lambda m: f"# {m['title']} (copy {number})", text, count=1)


def _index_page_for(source: Path, docname: str) -> str:
    """The nearest index page above ``docname`` (its folder's, or the root's)."""
    folder = PurePosixPath(docname).parent
    while True:
        index = folder / "index"
        if (source / f"{index}.md").exists():
            return index.as_posix()
        if folder == folder.parent:
            raise FileNotFoundError(f"no index.md above {docname}")
        folder = folder.parent


def exempt_by_name(root: Path) -> list[str]:
    """Pages our conf.py in ``root`` exempts from a check by their name.

    Pages that make no medical statement, such as the disclaimer, are spared
    the checks of what such a statement needs, in conf.py's lists named
    ``kb_pages_without_...`` (sources, say). A copy has another name, and
    would fail the check its original is spared.
    """
    conf = configuration(root)
    return sorted(
        {page for name, pages in conf.items() if name.startswith(EXEMPT) for page in pages}
    )


def synthesize(source: Path, dest: Path, pages: int, not_copied: Iterable[str] = ()) -> Path:
    """A copy of ``source`` grown to ``pages`` reader pages; returns its folder.

    The pages in ``not_copied`` stay as they are, and are never copied.
    """
    shutil.copytree(source, dest)
    real = reader_docnames(dest)
    skipped = set(not_copied)
    templates = [docname for docname in leaf_pages(dest) if docname not in skipped]
    if pages < len(real):
        raise ValueError(f"{pages} pages is fewer than the {len(real)} real pages")
    listed: dict[str, list[str]] = defaultdict(list)
    for number in range(1, pages - len(real) + 1):
        template = templates[(number - 1) % len(templates)]
        docname = f"{template}-copy-{number}"
        text = (dest / f"{template}.md").read_text(encoding="utf-8")
        (dest / f"{docname}.md").write_text(copy_of_page(text, number), encoding="utf-8")
        index = _index_page_for(dest, docname)
        listed[index].append(
            PurePosixPath(docname).relative_to(PurePosixPath(index).parent).as_posix()
        )
    for index, entries in listed.items():
        with (dest / f"{index}.md").open("a", encoding="utf-8") as page:
            page.write("\n```{toctree}\n:caption: More pages\n:maxdepth: 1\n\n")
            page.write("".join(f"{entry}\n" for entry in entries))
            page.write("```\n")
    return dest
