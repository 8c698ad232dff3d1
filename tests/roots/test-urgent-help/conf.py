extensions = ["myst_parser", "sphinxcontrib.bibtex", "amitriptyline_kb.pages.urgent_help"]
myst_enable_extensions = ["colon_fence"]
myst_url_schemes = ["http", "https", "mailto", "tel"]
bibtex_bibfiles = ["references.bib"]
kb_urgent_help = "urgent-help.yaml"
kb_urgent_help_page = "help"
exclude_patterns = ["_build"]

# The site's reader text (disclaimer, review line, "Get help now").
from amitriptyline_kb.tools.site import SOURCE

kb_reader_text = str(SOURCE / "_data" / "page-text.yaml")
