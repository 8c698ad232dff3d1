"""Make the ePub an accessible book, as EPUB Accessibility 1.1 and Ace by DAISY ask.

Sphinx's ePub builder writes a valid book, but not an accessible one:

- its chapters have no ``lang``, so a screen reader guesses the language
  (Ace: ``html-has-lang``, serious, on every chapter);
- the package has none of the accessibility metadata a reading system or a
  shop shows a reader before they buy or open the book;
- the navigation document's ``epub:type="toc"`` has no matching ARIA role,
  there is no landmarks navigation, and the general index is in the book's
  spine but not in its table of contents.

So, for the ePub builder only, this extension gives every chapter
``lang`` and ``xml:lang``; after Sphinx writes ``content.opf`` it adds the
metadata from ``kb_epub_accessibility`` in conf.py; and after it writes
``nav.xhtml`` and ``toc.ncx`` it adds the role, a landmarks list and the
index. Each step edits the file Sphinx has just written, before the book is
zipped, because Sphinx's templates for these files cannot be overridden.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.builders.epub3 import HTML_TAG, Epub3Builder

INDEX_PAGE = "genindex.xhtml"


def _metadata(config) -> str:
    """The EPUB Accessibility 1.1 metadata, one line each, from conf.py."""
    a11y = config.kb_epub_accessibility
    lines = [f'<meta property="schema:accessMode">{m}</meta>' for m in a11y["access_modes"]]
    lines += [
        f'<meta property="schema:accessModeSufficient">{m}</meta>'
        for m in a11y["access_modes_sufficient"]
    ]
    lines += [f'<meta property="schema:accessibilityFeature">{f}</meta>' for f in a11y["features"]]
    lines += [f'<meta property="schema:accessibilityHazard">{h}</meta>' for h in a11y["hazards"]]
    lines.append(
        '<meta property="schema:accessibilitySummary">'
        f"{html.escape(' '.join(a11y['summary'].split()))}</meta>"
    )
    lines.append(f'<meta property="dcterms:conformsTo">{html.escape(a11y["conforms_to"])}</meta>')
    lines.append(f'<meta property="a11y:certifiedBy">{html.escape(a11y["certified_by"])}</meta>')
    return "\n    ".join(lines)


def _add_metadata(outdir: Path, config) -> None:
    path = outdir / "content.opf"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  </metadata>", f"    {_metadata(config)}\n  </metadata>", 1)
    # The a11y: prefix (for certifiedBy) is not one EPUB reserves.
    text = text.replace(
        'prefix="', 'prefix="a11y: http://www.idpf.org/epub/vocab/package/a11y/# ', 1
    )
    path.write_text(text, encoding="utf-8")


def _landmarks(config) -> str:
    names = config.kb_epub_accessibility["landmark_titles"]
    # No "toc" landmark: it would point at nav.xhtml, which is not in the
    # spine (EPUBCheck RSC-011); reading systems open the contents anyway.
    items = [
        ("bodymatter", f"{config.root_doc}.xhtml", names["bodymatter"]),
        ("glossary", "glossary.xhtml", names["glossary"]),
        ("index", INDEX_PAGE, names["index"]),
    ]
    entries = "\n".join(
        f'        <li><a epub:type="{kind}" href="{href}">{html.escape(title)}</a></li>'
        for kind, href, title in items
    )
    return (
        f'    <nav epub:type="landmarks" id="landmarks" hidden="">\n'
        f"      <h2>{html.escape(names['heading'])}</h2>\n      <ol>\n{entries}\n"
        f"      </ol>\n    </nav>\n"
    )


def _complete_navigation(outdir: Path, config) -> None:
    path = outdir / "nav.xhtml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('<nav epub:type="toc">', '<nav epub:type="toc" role="doc-toc" id="toc">', 1)
    index_title = html.escape(config.kb_epub_accessibility["landmark_titles"]["index"])
    if INDEX_PAGE not in text:
        # The last </ol> closes the top level of the table of contents.
        at = text.rindex("</ol>")
        text = (
            text[:at] + f'  <li>\n          <a href="{INDEX_PAGE}">{index_title}</a>\n'
            "        </li>\n      " + text[at:]
        )
    text = text.replace("  </body>", _landmarks(config) + "  </body>", 1)
    path.write_text(text, encoding="utf-8")


def _index_in_ncx(outdir: Path, config) -> None:
    path = outdir / "toc.ncx"
    text = path.read_text(encoding="utf-8")
    if INDEX_PAGE in text:
        return
    orders = [int(n) for n in re.findall(r'playOrder="(\d+)"', text)]
    ids = [int(n) for n in re.findall(r'id="navPoint(\d+)"', text)]
    title = html.escape(config.kb_epub_accessibility["landmark_titles"]["index"])
    point = (
        f'    <navPoint id="navPoint{max(ids, default=0) + 1}" '
        f'playOrder="{max(orders, default=0) + 1}">\n'
        f"      <navLabel>\n        <text>{title}</text>\n      </navLabel>\n"
        f'      <content src="{INDEX_PAGE}" />\n    </navPoint>\n'
    )
    text = text.replace("  </navMap>", point + "  </navMap>", 1)
    path.write_text(text, encoding="utf-8")


def prepare(app: Sphinx) -> None:
    builder = app.builder
    if not isinstance(builder, Epub3Builder):
        return
    language = html.escape(app.config.epub_language or app.config.language or "en")
    builder.html_tag = HTML_TAG.replace(">", f' lang="{language}" xml:lang="{language}">', 1)
    outdir = Path(builder.outdir)
    steps = {
        "build_content": _add_metadata,
        "build_navigation_doc": _complete_navigation,
        "build_toc": _index_in_ncx,
    }
    for name, step in steps.items():
        original = getattr(builder, name)

        def run(original=original, step=step) -> None:
            original()
            step(outdir, app.config)

        setattr(builder, name, run)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("kb_epub_accessibility", {}, "epub", types=frozenset({dict}))
    app.connect("builder-inited", prepare)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
