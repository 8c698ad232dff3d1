extensions = ["myst_parser", "amitriptyline_kb.pages.general_index"]
exclude_patterns = ["_build"]
html_theme = "furo"
# The site's own index template, which reads what the extension writes.
from amitriptyline_kb.tools.site import SOURCE

templates_path = [str(SOURCE / "_templates")]
