extensions = ["myst_parser", "amitriptyline_kb.pages.wrapper_ids"]
# Furo wraps each table in a <div> (the copy of the table's id this test is about).
html_theme = "furo"
exclude_patterns = ["_build"]
