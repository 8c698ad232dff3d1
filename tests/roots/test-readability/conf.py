extensions = ["myst_parser", "amitriptyline_kb.guards.readability"]
exclude_patterns = ["_build"]
