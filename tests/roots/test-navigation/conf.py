extensions = ["myst_parser", "ext.navigation_cache"]
html_theme = "furo"
exclude_patterns = ["_build", "**/.*"]
