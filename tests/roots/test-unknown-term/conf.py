extensions = ["myst_parser", "amitriptyline_kb.guards.contributor_hints"]
nitpicky = True
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence"]
