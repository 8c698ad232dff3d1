extensions = ["myst_parser", "sphinx_design", "amitriptyline_kb.speed.design_css"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
