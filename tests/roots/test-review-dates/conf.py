extensions = ["myst_parser", "amitriptyline_kb.pages.review_dates"]
exclude_patterns = ["_build"]

# The site's reader text (disclaimer, review line, "Get help now").
from pathlib import Path

import amitriptyline_kb

kb_reader_text = str(
    Path(amitriptyline_kb.__file__).resolve().parents[1] / "source" / "_data" / "page-text.yaml"
)
