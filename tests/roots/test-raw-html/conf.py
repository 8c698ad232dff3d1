extensions = ["myst_parser", "amitriptyline_kb.guards.raw_html"]
exclude_patterns = ["_build"]
