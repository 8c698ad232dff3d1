extensions = ["myst_parser", "amitriptyline_kb.pages.review_dates"]
exclude_patterns = ["_build"]

# The site's reader text (disclaimer, review line, "Get help now").
from amitriptyline_kb.tools.site import SOURCE

kb_reader_text = str(SOURCE / "_data" / "page-text.yaml")
