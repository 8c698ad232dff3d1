extensions = ["myst_parser", "ext.review_dates"]
exclude_patterns = ["_build"]

# The site's reader text (disclaimer, review line, "Get help now").
from pathlib import Path

import ext

kb_reader_text = str(Path(ext.__file__).resolve().parents[1] / "source" / "_data" / "page-text.yaml")
