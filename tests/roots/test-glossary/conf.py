extensions = [
    "myst_parser",
    "amitriptyline_kb.guards.contributor_hints",
    "amitriptyline_kb.guards.glossary_checks",
]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
