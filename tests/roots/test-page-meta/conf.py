extensions = ["myst_parser", "amitriptyline_kb.pages.page_meta"]
exclude_patterns = ["_build"]
