extensions = ["myst_parser", "amitriptyline_kb.guards.source_files"]
exclude_patterns = ["_build"]
