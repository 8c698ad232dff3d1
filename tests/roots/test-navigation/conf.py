extensions = ["myst_parser", "notfound.extension", "amitriptyline_kb.speed.navigation_cache"]
html_theme = "furo"
exclude_patterns = ["_build", "**/.*"]
