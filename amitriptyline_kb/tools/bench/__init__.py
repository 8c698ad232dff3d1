"""``make bench``: build times, page weights and search times, today and at scale.

Run as ``python -m amitriptyline_kb.tools.bench`` (``__main__.py`` reads the
options, ``run.py`` does the work). What is measured is declared in
settings.toml; docs/maintaining.md says how to read the results.
"""
