extensions = ["myst_parser", "sphinx_design", "ext.page_assets"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
