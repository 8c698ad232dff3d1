extensions = [
    "myst_parser",
    "amitriptyline_kb.search.keywords",
    "amitriptyline_kb.search.synonyms",
    "amitriptyline_kb.search.index_entries",
]
exclude_patterns = ["_build"]
kb_search_synonyms = "search-synonyms.yaml"
