# The input checks (amitriptyline_kb.guards.raw_html, amitriptyline_kb.guards.page_capabilities) are left out on
# purpose: the output scan must catch what gets past them.
extensions = ["myst_parser", "amitriptyline_kb.guards.output_scan"]
exclude_patterns = ["_build"]
html_baseurl = "https://example.org/kb/"
html_theme = "furo"
myst_url_schemes = ["https", "tel"]
version = release = "1"
copyright = "2026, the authors"
