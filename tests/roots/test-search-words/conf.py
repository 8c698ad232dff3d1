extensions = ["myst_parser", "ext.search_keywords", "ext.search_synonyms"]
exclude_patterns = ["_build"]
kb_search_synonyms = "search-synonyms.yaml"
