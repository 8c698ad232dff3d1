extensions = ["myst_parser", "ext.contributor_hints"]
exclude_patterns = ["_build"]
