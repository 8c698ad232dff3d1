extensions = ["myst_parser", "amitriptyline_kb.search.keywords", "amitriptyline_kb.search.synonyms"]
exclude_patterns = ["_build"]
html_theme = "furo"
kb_search_synonyms = "search-synonyms.yaml"
