extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinxcontrib.bibtex",
    "amitriptyline_kb.guards.page_capabilities",
]
myst_enable_extensions = ["colon_fence"]
myst_url_schemes = ["https", "mailto", "tel"]
bibtex_bibfiles = ["references.bib"]
exclude_patterns = ["_build"]
kb_allowed_directives = {
    "toctree": ["caption"],
    "image": ["alt"],
    "list-table": ["header-rows"],
    "bibliography": [],
}
kb_allowed_roles = ["doc", "cite:p"]
kb_allowed_front_matter = ["description"]
