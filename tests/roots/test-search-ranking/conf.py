extensions = ["myst_parser", "ext.search_keywords", "ext.search_synonyms"]
exclude_patterns = ["_build"]
html_theme = "furo"
kb_search_synonyms = "search-synonyms.yaml"

# The site's own search script, which lives with the site's static files.
from pathlib import Path

import ext

html_static_path = [str(Path(ext.__file__).resolve().parents[1] / "source" / "_static")]
