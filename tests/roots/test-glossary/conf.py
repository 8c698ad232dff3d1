extensions = ["myst_parser", "ext.contributor_hints", "ext.glossary_checks"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
