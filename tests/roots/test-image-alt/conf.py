extensions = ["myst_parser", "amitriptyline_kb.guards.image_alt"]
exclude_patterns = ["_build"]
