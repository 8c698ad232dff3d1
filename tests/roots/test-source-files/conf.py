extensions = ["myst_parser", "amitriptyline_kb.guards.source_files"]
exclude_patterns = ["_build"]
kb_max_nesting = 4
kb_max_page_kb = 2
