"""Contributor guards: a mistake in a page fails the build with its file, line and fix.

What a page may do at all (``page_capabilities``, ``source_files``), what it
must do (``section_sources``, ``image_alt``, ``readability``), what a
contributor most often gets wrong (``contributor_hints``, ``glossary_checks``,
``raw_html``), and a last read of every written page (``output_scan``).
"""
