"""Keep what a check notes about each page in the build environment.

Checks that look across pages (every glossary term used somewhere, the
sphinx-design classes of the whole site) note something per page as it is
read, in a dict on the environment keyed by page name. Sphinx keeps the
environment between builds and rereads only changed pages, so an entry must
go when its page is reread or deleted, and entries noted in the processes of
a parallel read must be merged back. ``keep_per_page`` does that for any
number of such dicts; each check calls it once in its ``setup``.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment


def keep_per_page(app: Sphinx, *attributes: str) -> None:
    """Give ``app.env`` a per-page dict for each name, kept across builds."""

    def create(app: Sphinx) -> None:
        for attribute in attributes:
            if not hasattr(app.env, attribute):
                setattr(app.env, attribute, {})

    def purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        for attribute in attributes:
            getattr(env, attribute).pop(docname, None)

    def merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment):
        for attribute in attributes:
            ours, theirs = getattr(env, attribute), getattr(other, attribute)
            for docname in docnames:
                if docname in theirs:
                    ours[docname] = theirs[docname]

    app.connect("builder-inited", create)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
