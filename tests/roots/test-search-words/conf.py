extensions = [
    "myst_parser",
    "ext.search_keywords",
    "ext.search_synonyms",
    "ext.search_index_entries",
]
exclude_patterns = ["_build"]
kb_search_synonyms = "search-synonyms.yaml"
