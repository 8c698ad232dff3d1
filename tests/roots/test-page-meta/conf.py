extensions = ["myst_parser", "ext.page_meta"]
exclude_patterns = ["_build"]
