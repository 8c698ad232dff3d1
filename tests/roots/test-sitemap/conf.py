extensions = ["myst_parser", "sphinx_sitemap", "amitriptyline_kb.speed.sitemap_queue"]
html_baseurl = "https://example.org/kb/"
sitemap_url_scheme = "{link}"
exclude_patterns = ["_build"]
sitemap_excludes = ["search.html", "genindex.html"]
