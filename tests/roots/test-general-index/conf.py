extensions = ["myst_parser", "amitriptyline_kb.pages.general_index"]
exclude_patterns = ["_build"]
html_theme = "furo"
# The site's own index template, which reads what the extension writes.
from pathlib import Path

import amitriptyline_kb

templates_path = [
    str(Path(amitriptyline_kb.__file__).resolve().parents[1] / "source" / "_templates")
]
