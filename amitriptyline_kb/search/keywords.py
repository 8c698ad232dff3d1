"""Turn a page's ``keywords:`` into index entries, so search finds the page.

Readers search for what a page is about, in words the page may use only once
or not in a heading ("neuropathy", "side effects"). A page lists those words
in its front matter::

    keywords: neuropathy, symptoms, causes of nerve damage

Each keyword becomes an index entry pointing at the top of the page, exactly
as if the page had an ``{index}`` directive: it shows in the site's index
(genindex), and the search page ranks a page whose index entries hold the
query above one that merely mentions it (``_static/search-answers.js``). The
entries are added by a transform that runs before Sphinx collects index
entries, so the index page sees them too. A YAML list in [brackets] works as
well as commas. A keyword that is empty or holds ';' (which Sphinx would read
as a sub-entry) is a warning naming the file and line.
"""

from __future__ import annotations

import json
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from amitriptyline_kb.shared import front_matter_line, is_website
from amitriptyline_kb.warnings import KbWarning, warn

KEYWORDS = "keywords"
EXAMPLE = "keywords: neuropathy, symptoms, causes of nerve damage"


def parse_keywords(value: str) -> list[str] | None:
    """The keywords in ``value``; None when they cannot be read.

    MyST hands front-matter values over as text; a YAML list arrives as JSON.
    """
    value = value.strip()
    if value.startswith("["):
        try:
            items = json.loads(value)
        except ValueError:
            return None
        if not isinstance(items, list):
            return None
    else:
        items = value.split(",")
    keywords = [" ".join(str(item).split()) for item in items]
    if not keywords or "" in keywords or any(";" in keyword for keyword in keywords):
        return None
    return keywords


class PageKeywords(SphinxTransform):
    """Add the page's keywords as index entries at the top of the page."""

    # Before Sphinx's Locale transform (20), so that the Spanish edition's
    # catalogues translate the entries (conf.gettext_additional_targets),
    # and so before SphinxDomains collects them for the index page.
    default_priority = 15

    def apply(self) -> None:
        docname = self.env.current_document.docname
        value = self.env.metadata.get(docname, {}).get(KEYWORDS)
        if value is None:
            return
        keywords = parse_keywords(str(value))
        if keywords is None:
            warn(
                KbWarning.KEYWORDS,
                "'%s' must be words or phrases separated by commas, none of them empty "
                "and none holding ';', for example '%s'",
                KEYWORDS,
                EXAMPLE,
                location=(docname, front_matter_line(Path(self.env.doc2path(docname)), KEYWORDS)),
            )
            return
        config = self.env.config
        too_long = [k for k in keywords if len(k) > config.kb_max_keyword_chars]
        if len(keywords) > config.kb_max_keywords or too_long:
            warn(
                KbWarning.KEYWORDS,
                "a page may have at most %d keywords of at most %d characters each; this one "
                "has %d%s: keep the words readers would type for this page only",
                config.kb_max_keywords,
                config.kb_max_keyword_chars,
                len(keywords),
                f", and '{too_long[0][:30]}…' is {len(too_long[0])} long" if too_long else "",
                location=(docname, front_matter_line(Path(self.env.doc2path(docname)), KEYWORDS)),
            )
            keywords = [k for k in keywords if len(k) <= config.kb_max_keyword_chars]
            keywords = keywords[: config.kb_max_keywords]
        section = next(iter(self.document.findall(nodes.section)), None)
        if section is None or not section["ids"]:
            return
        target = section["ids"][0]
        index = addnodes.index(
            entries=[("single", keyword, target, "", None) for keyword in keywords],
            inline=False,
        )
        # Where the catalogues say the entries come from; without a source,
        # Sphinx treats a node as its own text and leaves it out of them.
        index.source = str(self.env.doc2path(docname))
        index.line = front_matter_line(Path(index.source), KEYWORDS)
        index["translatable"] = True
        # After the page title: the entries point at the top of the page.
        section.insert(1, index)


def check_search_index_size(app: Sphinx, exception: Exception | None) -> None:
    index = Path(app.outdir, "searchindex.js")
    if exception is not None or not is_website(app) or not index.exists():
        return
    size_kb = -(-index.stat().st_size // 1024)
    if index.stat().st_size > app.config.kb_max_search_index_kb * 1024:
        warn(
            KbWarning.SIZE,
            "the search index is %d kB, more than the %d kB a reader's phone should download "
            "before it can search; look for a page that grew too large",
            size_kb,
            app.config.kb_max_search_index_kb,
            location=f"{index}:1",
        )


def setup(app: Sphinx) -> dict:
    app.add_config_value("kb_max_keywords", 16, "env", types=frozenset({int}))
    app.add_config_value("kb_max_keyword_chars", 40, "env", types=frozenset({int}))
    app.add_config_value("kb_max_search_index_kb", 512, "html", types=frozenset({int}))
    app.connect("build-finished", check_search_index_size)
    app.add_transform(PageKeywords)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
