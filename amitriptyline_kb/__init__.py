"""The Sphinx extensions of the amitriptyline and nerve damage knowledge base.

One sub-package per concern, each extension a module with its own ``setup()``
(so a tiny test project can load just one):

- ``guards``: contributor mistakes become located warnings before a reader
  sees them, and nothing a page holds can run, load or publish what it should not.
- ``pages``: what every reader page shows besides its own words: the
  disclaimer, review dates, urgent help, glossary previews, page metadata.
- ``search``: search that finds what readers type and says when it cannot.
- ``epub``: the downloadable book, accessible and readable on a small screen.
- ``speed``: build and page-load speed (``make bench`` measures them).

``shared`` and ``warnings`` are what all of them use; ``tools`` is not an
extension but what tests, audits and benchmarks use to serve and read the site.
"""

__version__ = "2026.11"
