extensions = ["myst_parser", "notfound.extension", "ext.navigation_cache"]
html_theme = "furo"
exclude_patterns = ["_build", "**/.*"]
