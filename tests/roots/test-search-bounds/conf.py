extensions = ["myst_parser", "amitriptyline_kb.search.keywords"]
exclude_patterns = ["_build"]
kb_max_keywords = 3
kb_max_keyword_chars = 20
kb_max_search_index_kb = 0
