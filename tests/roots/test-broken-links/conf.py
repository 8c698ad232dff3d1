extensions = ["myst_parser", "amitriptyline_kb.guards.contributor_hints"]
myst_heading_anchors = 3
nitpicky = True
exclude_patterns = ["_build"]
