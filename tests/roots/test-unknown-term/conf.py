extensions = ["myst_parser", "ext.contributor_hints"]
nitpicky = True
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence"]
