extensions = ["myst_parser", "ext.raw_html"]
exclude_patterns = ["_build"]
