extensions = ["myst_parser", "ext.readability"]
exclude_patterns = ["_build"]
