extensions = ["myst_parser", "sphinx_design", "amitriptyline_kb.guards.contributor_hints"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
