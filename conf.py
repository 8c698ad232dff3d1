"""Sphinx configuration for the amitriptyline and nerve damage knowledge base.

The configuration lives at the repository root and the reader pages live in
``source/``, so every build passes ``-c .`` (see the Makefile). Each option that
is not self-explanatory says why it is set.
"""

import os
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent

# -- Project -----------------------------------------------------------------

# Where the sources live. Every page's "Suggest a change to this page" link
# derives from it. It must point at the real repository: change it here when
# the repository moves, and nowhere else.
REPOSITORY_URL = "https://github.com/nerve-pain-kb/amitriptyline-nerve-damage"

# Where the site is published. The canonical links, sitemap.xml, robots.txt,
# the OpenGraph URLs and the links of the 404 page (which must work at any
# depth, so they are absolute paths) all derive from it. The home of the site
# is GitHub Pages (.github/workflows/deploy.yml); a Read the Docs build names
# its own address in READTHEDOCS_CANONICAL_URL, so that copy points at itself.
SITE_URL = os.environ.get(
    "READTHEDOCS_CANONICAL_URL", "https://nerve-pain-kb.github.io/amitriptyline-nerve-damage/"
)

project = "Does amitriptyline cure nerve damage?"
author = "The nerve pain knowledge base contributors"
publisher = "The nerve pain knowledge base"
# The footer of every page and the book's rights line. A range only once it
# spans two years: "2026–2026" reads as a mistake.
FIRST_YEAR = 2026
_this_year = date.today().year
_years = f"{FIRST_YEAR}–{_this_year}" if _this_year > FIRST_YEAR else f"{FIRST_YEAR}"
copyright = f"{_years}, {author}"
# The edition: year and month of the last content release. EPUB 3 requires a
# version, and readers can tell an old download from a new one.
version = release = "2026.11"
# The pages are written in English; the Spanish edition is built from them
# with `-D language=es` and the catalogues in locales/es/LC_MESSAGES/ (one
# .po file per page, from `make translations`). Sphinx reads a catalogue's
# entries marked fuzzy as untranslated, so a changed English sentence is
# never shown in an old translation (amitriptyline_kb/pages/editions.py).
language = "en"
# Absolute: Sphinx reads it from source/, and the catalogues are at the root.
locale_dirs = [str(ROOT / "locales")]
gettext_compact = False
# Index entries are words readers search for: the Spanish catalogues
# translate them too (a page's keywords are index entries).
gettext_additional_targets = ["index"]

# -- General -----------------------------------------------------------------

extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinxcontrib.bibtex",
    "amitriptyline_kb.pages.aria_roles",
    # Furo's wrapper of each table keeps no copy of the table's id: an id
    # names one element of a page (the W3C checker, tests/site/test_html_validity.py).
    "amitriptyline_kb.pages.wrapper_ids",
    "amitriptyline_kb.epub.tabs",
    "amitriptyline_kb.pages.review_dates",
    "amitriptyline_kb.pages.disclaimer",
    # Urgent-help callouts in three tiers, and "Get help now" on every page.
    "amitriptyline_kb.pages.urgent_help",
    # A box of 3 to 5 key facts, with their sources, under every topic page's title.
    "amitriptyline_kb.pages.key_facts",
    # The files under source/ are pages Sphinx can read safely (encoding,
    # nesting, names, symlinks, size), checked before it reads any.
    "amitriptyline_kb.guards.source_files",
    # What a page may do at all: directives, roles, front matter, links, pictures.
    "amitriptyline_kb.guards.page_capabilities",
    # Checks that turn contributor mistakes into warnings saying how to fix them.
    "amitriptyline_kb.guards.contributor_hints",
    "amitriptyline_kb.guards.glossary_checks",
    "amitriptyline_kb.guards.raw_html",
    "amitriptyline_kb.guards.image_alt",
    "amitriptyline_kb.guards.section_sources",
    "amitriptyline_kb.guards.readability",
    "amitriptyline_kb.search.keywords",
    "amitriptyline_kb.search.synonyms",
    "amitriptyline_kb.search.in_place",
    "amitriptyline_kb.search.index_entries",
    "amitriptyline_kb.search.summaries",
    "amitriptyline_kb.pages.page_meta",
    "amitriptyline_kb.pages.glossary_previews",
    "amitriptyline_kb.epub.download",
    # The Spanish edition: its reader text, title and address, and the link
    # between each page and the same page in the other language.
    "amitriptyline_kb.pages.editions",
    # A Spanish page behind its English page says so, and links to it.
    "amitriptyline_kb.pages.translation_notice",
    # The index A to Z, with every link named by its page's title.
    "amitriptyline_kb.pages.general_index",
    # The ePub as an accessible book: lang, accessibility metadata, navigation.
    "amitriptyline_kb.epub.accessibility",
    # Tables written out row by row in the ePub, readable on a small screen.
    "amitriptyline_kb.epub.tables",
    # Each page links only the CSS and JS it uses (page weight, `make bench`).
    "amitriptyline_kb.speed.page_assets",
    # ... and sphinx-design's stylesheet holds only the rules the pages use.
    "amitriptyline_kb.speed.design_css",
    # Furo's sidebar tree is built once per folder, not once per page (`make bench`).
    "amitriptyline_kb.speed.navigation_cache",
    "sphinx_sitemap",
    # sphinx-sitemap without its helper process, in builds of one process.
    "amitriptyline_kb.speed.sitemap_queue",
    # Before sphinxext.opengraph: it would import matplotlib for cards the
    # site does not draw.
    "amitriptyline_kb.speed.no_social_cards",
    "sphinxext.opengraph",
    "notfound.extension",
    "amitriptyline_kb.pages.not_found",
    # Last: every written page is read back for scripts, handlers and
    # addresses no page may add (the last line of defence).
    "amitriptyline_kb.guards.output_scan",
]

# Paths in this file are relative to the folder of conf.py (the root), except
# exclude_patterns and the ePub cover, which are relative to source/ and the
# built book.
exclude_patterns = ["_templates", "_static", "**/.*"]
# Absolute, because `make translations` (the gettext builder) reads it from
# source/ and the HTML builders from the root; the templates' words are
# translated in locales/es/LC_MESSAGES/sphinx.po.
templates_path = [str(ROOT / "source" / "_templates")]
# Only Markdown pages: an accidental .rst or .txt file is not silently published.
source_suffix = {".md": "markdown"}
# Every "(label)=" and {ref} must resolve; -n makes a missing target a warning.
nitpicky = True
# "Page last reviewed" dates are written the way readers say them.
today_fmt = "%-d %B %Y"
# Plain language for readers in pain (amitriptyline_kb/guards/readability.py): a page whose
# Flesch-Kincaid grade is above this is a warning, so it fails the build.
kb_max_reading_grade = 8
# The Spanish edition's measure: Szigriszt-Pazos ease of at least 65, the
# start of "bastante fácil" (fairly easy) on the INFLESZ scale.
kb_min_reading_ease_es = 65

# -- MyST --------------------------------------------------------------------

myst_enable_extensions = [
    "colon_fence",  # ::: fences read better than nested backticks for tabs
    "deflist",
]
# Headings up to level 3 get slug anchors, so questions can be linked to.
myst_heading_anchors = 3
# Links that leave the site: web pages, e-mail, and phone numbers that a phone
# can call (the urgent-help numbers). Nothing else, so a typo such as
# "htps:" is a broken-link warning, not a dead link.
myst_url_schemes = ["http", "https", "mailto", "tel"]

# -- What a page may do (amitriptyline_kb/guards/page_capabilities.py) ----------------------------

# A page is reviewed by clinical reviewers, who read words, not Sphinx. So a
# page may use only what the site needs; anything else fails the build with
# the line and what to write instead. Each directive lists its options.
kb_allowed_directives = {
    "toctree": ["caption", "maxdepth"],  # no :hidden:: every page is in the navigation
    "index": [],
    "glossary": ["sorted"],
    "bibliography": [],
    "important": [],  # the "talk to your doctor" note
    "note": [],
    "list-table": ["header-rows", "stub-columns", "widths"],
    "tab-set": ["sync-group"],
    "tab-item": ["sync"],
    "urgent-help": [],
    "key-facts": [],
    "image": ["alt", "width"],  # no :target:: a picture links nowhere
    "figure": ["alt", "width"],
}
kb_allowed_roles = ["term", "doc", "ref", "cite:p"]
# The front matter a page may set: what the site reads from it. Not "myst"
# (switches syntax off for one page), "html_meta" (sends readers elsewhere)
# or "orphan" (a page in no navigation).
kb_allowed_front_matter = ["description", "keywords", "last-reviewed", "next-review"]
# Where a link may go; anything else, such as "javascript:", fails the build.
kb_link_schemes = ["https", "http", "mailto", "tel"]

# -- Safety ------------------------------------------------------------------

# The page every "Get help now" link leads to (amitriptyline_kb/pages/urgent_help.py), and the
# title, action and numbers of each urgent-help tier, where reviewers see them.
kb_urgent_help_page = "safety/get-help-now"
kb_urgent_help = "source/_data/urgent-help.yaml"
# Every section of a page cites a source (amitriptyline_kb/guards/section_sources.py), except on
# pages that make no medical statement.
kb_pages_without_sources = ["references", "disclaimer"]
# Every topic page opens with a "Key facts" box (amitriptyline_kb/pages/key_facts.py), but
# not pages that state no medical fact of their own to sum up: the glossary
# only explains words, the list of sources only lists them, and the
# disclaimer says what the site is not.
kb_pages_without_key_facts = ["glossary", "references", "disclaimer"]

# -- References (sphinxcontrib-bibtex) ---------------------------------------

bibtex_bibfiles = ["source/references.bib"]
# Numbered citations ([1]) are the least distracting for lay readers.
bibtex_default_style = "plain"
bibtex_reference_style = "label"

# -- HTML --------------------------------------------------------------------

html_theme = "furo"
html_title = "Amitriptyline and nerve damage"
html_static_path = ["source/_static"]
html_css_files = ["kb.css"]
# No "View page source" link to the raw Markdown: readers are patients and
# carers, and contributors edit the files in the repository.
html_show_sourcelink = False
html_copy_source = False
html_theme_options = {
    # Furo's default footer icons load nothing from elsewhere; keep them empty.
    "footer_icons": [],
    # No edit or view button at the top of the page: an edit pencil means
    # nothing to a patient. "Suggest a change to this page", at the foot of
    # every page (source/_templates/page.html), opens the problem form.
    "top_of_page_buttons": [],
    # Notes (admonitions) in the type of the text around them, not furo's
    # 13 px: a safety note must not be harder to read than the page. (The
    # safety notes' boxes: amitriptyline_kb/pages/static/kb-pages.css.) Furo
    # declares its light variables for both colour schemes.
    "light_css_variables": {
        "admonition-font-size": "1rem",
        "admonition-title-font-size": "1rem",
    },
}
html_context = {
    # The issue form .github/ISSUE_TEMPLATE/page-problem.yml; the page's name is
    # added by source/_templates/page.html and fills in the form's "page" field.
    "kb_suggest_change_url": f"{REPOSITORY_URL}/issues/new?template=page-problem.yml",
}
# Readers search in their own words; this file lists other words for the same
# thing, and question words the search ignores (see amitriptyline_kb/search/synonyms.py).
kb_search_synonyms = "source/_data/search-synonyms.yaml"
html_baseurl = SITE_URL
html_favicon = "source/_static/favicon.svg"
# Furo's default sidebar, with the ePub download after the navigation.
html_sidebars = {
    "**": [
        "sidebar/brand.html",
        "sidebar/search.html",
        "sidebar/scroll-start.html",
        "sidebar/navigation.html",
        "sidebar/epub-download.html",
        "sidebar/scroll-end.html",
    ]
}

# -- Search engines and link previews ----------------------------------------

# sitemap.xml lists the pages at their published address; the default scheme
# would add "en/<version>/" to SITE_URL, which already holds both.
sitemap_url_scheme = "{link}"
sitemap_locales = [None]
sitemap_excludes = ["search.html", "genindex.html", "404.html"]
ogp_site_url = SITE_URL
ogp_site_name = project
# Social cards would be drawn with matplotlib for every page (slow, and one
# more image per page); the title and description are the preview.
ogp_social_cards = {"enable": False}
# (amitriptyline_kb.speed.no_social_cards keeps it from importing matplotlib.)

# -- 404 page (sphinx-notfound-page) -----------------------------------------

# The host serves 404.html for any missing address, at any depth, so its links
# are absolute paths under the site's own path.
notfound_urls_prefix = urlsplit(SITE_URL).path
# Its words are reader text, in source/_data/page-text.yaml ("not found"),
# made into the page by amitriptyline_kb/pages/not_found.py.

# -- ePub --------------------------------------------------------------------

epub_basename = "amitriptyline-nerve-damage"
epub_title = project
epub_author = author
epub_publisher = publisher
epub_copyright = copyright
epub_language = language
# EPUBCheck reports NCX-001 unless the uid equals the identifier, and the
# uid may not contain ':'; a plain token satisfies both.
epub_identifier = "amitriptyline-nerve-damage-kb"
epub_uid = epub_identifier
epub_scheme = "URL"
epub_cover = ("_static/cover.png", "epub-cover.html")
epub_description = (
    "A plain-language guide for people with nerve pain and their carers: "
    "amitriptyline eases neuropathic pain but does not repair damaged nerves."
)
# The ePub has no search page and no sidebar; genindex stays, as a way in.
# The ePub builder packs every file of its output folder: Sphinx's backup of
# the build info (after a configuration change) and the sitemap that
# sphinx-sitemap writes after each build are not part of the book.
# The cover page is written by every build; left in the folder by the last
# one, it would be packed twice (EPUBCheck RSC-005 and OPF-096), so the
# builder adds it itself and the copy in the folder is not collected.
epub_exclude_files = ["search.html", ".buildinfo.bak", "sitemap.xml", "epub-cover.xhtml"]
epub_show_urls = "no"
epub_contributor = author
# EPUB Accessibility 1.1 (amitriptyline_kb/epub/accessibility.py): what the book offers,
# as reading systems and shops show it. Claim only what the book does; Ace by
# DAISY checks it at every `make test` (tests/browser/test_epub_accessibility.py).
kb_epub_accessibility = {
    "access_modes": ["textual", "visual"],  # visual: the cover and the figures
    # Text alone is enough: the words around each figure say what it shows.
    "access_modes_sufficient": ["textual"],
    "features": [
        "structuralNavigation",
        "tableOfContents",
        "index",
        "readingOrder",
        "alternativeText",
        "longDescription",
        "displayTransformability",
    ],
    "hazards": ["none"],
    "summary": """
        This book is text that reflows to fit any screen. It has a table of
        contents, landmarks, a heading at the start of every chapter and
        section, a glossary and an index. Every picture has a text
        description: the cover, and the figures, whose facts the text
        around each also gives in words. Treatment options and the
        comparison table are written out in reading order. The language of
        every chapter is marked. It has no sound, video, animation or
        flashing content. Every build is checked with Ace by DAISY and
        EPUBCheck.
    """,
    "conforms_to": "EPUB Accessibility 1.1 - WCAG 2.1 Level AA",
    "certified_by": publisher,
    "landmark_titles": {
        "heading": "Landmarks",
        "bodymatter": "Start of the book",
        "glossary": "What the medical words mean",
        "index": "Index",
    },
}
