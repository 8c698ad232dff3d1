extensions = ["myst_parser", "ext.source_files"]
exclude_patterns = ["_build"]
kb_max_nesting = 4
kb_max_page_kb = 2
