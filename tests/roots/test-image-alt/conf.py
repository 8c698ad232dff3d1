extensions = ["myst_parser", "ext.image_alt"]
exclude_patterns = ["_build"]
