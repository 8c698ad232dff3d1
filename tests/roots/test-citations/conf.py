extensions = ["myst_parser", "sphinxcontrib.bibtex", "amitriptyline_kb.guards.contributor_hints"]
bibtex_bibfiles = ["references.bib"]
bibtex_default_style = "plain"
exclude_patterns = ["_build"]
