extensions = [
    "myst_parser",
    "sphinxcontrib.bibtex",
    "amitriptyline_kb.pages.urgent_help",
    "amitriptyline_kb.pages.key_facts",
    "amitriptyline_kb.guards.section_sources",
]
myst_enable_extensions = ["colon_fence"]
bibtex_bibfiles = ["references.bib"]
kb_urgent_help_page = "help"
# The list of sources states no fact of its own, as on the real site.
kb_pages_without_key_facts = ["references"]
kb_pages_without_sources = ["references"]
exclude_patterns = ["_build"]

# The site's reader text (the box's title, "Get help now").
from amitriptyline_kb.tools.site import SOURCE

kb_reader_text = str(SOURCE / "_data" / "page-text.yaml")
