extensions = ["myst_parser", "sphinxcontrib.bibtex", "amitriptyline_kb.guards.section_sources"]
bibtex_bibfiles = ["references.bib"]
kb_pages_without_sources = ["about"]
exclude_patterns = ["_build"]
