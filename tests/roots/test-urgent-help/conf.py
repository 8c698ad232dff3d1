extensions = ["myst_parser", "sphinxcontrib.bibtex", "ext.urgent_help"]
myst_enable_extensions = ["colon_fence"]
myst_url_schemes = ["http", "https", "mailto", "tel"]
bibtex_bibfiles = ["references.bib"]
kb_urgent_help = "urgent-help.yaml"
kb_urgent_help_page = "help"
exclude_patterns = ["_build"]
