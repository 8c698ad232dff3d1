# A Spanish edition of two pages: one translated in full, one behind its
# English page (a fuzzy entry and a missing one).
from pathlib import Path

from amitriptyline_kb.tools.site import SOURCE

extensions = [
    "myst_parser",
    "amitriptyline_kb.pages.editions",
    "amitriptyline_kb.pages.translation_notice",
    "amitriptyline_kb.guards.readability",
]
exclude_patterns = ["_build", "_data", "locales"]
language = "es"
locale_dirs = [str(Path(__file__).parent / "locales")]
gettext_compact = False
html_baseurl = "https://example.org/kb/"
# The site's reader text, in its Spanish copy (the notice's words).
kb_reader_text = str(SOURCE / "_data" / "page-text.yaml")
kb_edition_options = "_data/edition.yaml"
kb_reading_grade_min_words = 20
