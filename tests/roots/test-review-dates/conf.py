extensions = ["myst_parser", "ext.review_dates"]
exclude_patterns = ["_build"]
