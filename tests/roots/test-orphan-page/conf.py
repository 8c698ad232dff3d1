extensions = ["myst_parser", "amitriptyline_kb.guards.contributor_hints"]
exclude_patterns = ["_build"]
