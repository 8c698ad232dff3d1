"""One site in two languages: the English pages, and their Spanish edition.

The pages are written in English. The Spanish edition is the same pages,
built with ``-D language=es`` through the catalogues in
``locales/es/LC_MESSAGES/`` (Sphinx's translation workflow), into ``es/``
inside the English site. This extension makes a build of either language
whole:

* **Its own words around the pages.** Each data file under ``source/_data/``
  (the disclaimer, the urgent-help tiers, the search synonyms) is read from
  ``source/_data/<language>/`` in a translated build, and the conf.py options
  that are reader text (the title, the book's metadata and accessibility
  summary) take their values from ``source/_data/<language>/edition.yaml``.
  Both are under ``source/``, so clinical reviewers review them. A missing
  data file is a warning naming it, as in English.
* **Its own address.** The edition's pages live under ``<language>/`` of the
  site's address (canonical links, sitemap, the 404 page's links).
* **A way to the other language.** Every page links to the same page in the
  other language (``kb_other_edition`` in the templates), and its head lists
  both with ``hreflang``, English as the default. Sphinx writes the page's
  ``lang``.

It also keeps each id of a translated page unique (Sphinx copies them).

Whether each Spanish page is up to date with its English page is
``translation_notice``'s work.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.transforms import SphinxTransform

from amitriptyline_kb.shared import (
    EDITIONS,
    SOURCE_LANGUAGE,
    data_file_for_language,
    edition_root,
    is_translation,
    is_website,
)
from amitriptyline_kb.warnings import KbWarning, warn


def apply_edition(app: Sphinx, config: Config) -> None:
    """Set the translated build's options from its ``edition.yaml``."""
    if not is_translation(config):
        return
    language = config.language
    if language not in EDITIONS:
        warn(
            KbWarning.EDITION,
            "the site has no '%s' edition; build with -D language=%s",
            language,
            " or ".join(code for code in EDITIONS if code != SOURCE_LANGUAGE),
            location=f"{Path(app.confdir, 'conf.py')}:1",
        )
        return
    path = data_file_for_language(config, Path(app.confdir, config.kb_edition_options))
    try:
        values: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        warn(
            KbWarning.EDITION,
            "cannot read the %s edition's options: %s; it holds the translated "
            "title, author, publisher and book metadata",
            language,
            error,
            location=f"{path}:1",
        )
        return
    english_author = config.author
    # Not an option of Sphinx's: conf.py gives it to the book.
    config.epub_publisher = values.pop("publisher", config.epub_publisher)
    for name, value in values.items():
        if name not in config:
            warn(
                KbWarning.EDITION,
                "'%s' is not an option of conf.py; the edition file may only "
                "translate options conf.py sets",
                name,
                location=f"{path}:1",
            )
        elif isinstance(value, dict):
            setattr(config, name, {**getattr(config, name), **value})
        else:
            setattr(config, name, value)
    # The options conf.py derives from these, derived again.
    config.epub_title = config.project
    if "ogp_site_name" in config:
        config.ogp_site_name = config.project
    config.epub_author = config.epub_contributor = config.author
    config.copyright = config.epub_copyright = config.copyright.replace(
        english_author, config.author
    )
    config.epub_uid = config.epub_identifier
    config.epub_language = language
    if "kb_epub_accessibility" in config:
        config.kb_epub_accessibility = {
            **config.kb_epub_accessibility,
            "certified_by": config.epub_publisher,
        }
    # The edition's pages are under <language>/ of the site's address.
    folder = EDITIONS[language][0]
    for option in ("html_baseurl", "ogp_site_url", "notfound_urls_prefix"):
        if option in config and getattr(config, option):
            setattr(config, option, getattr(config, option).rstrip("/") + "/" + folder)


class UniqueIdsAfterTranslation(SphinxTransform):
    """One id, one element, on a translated page too.

    Sphinx gives each reference of a translated sentence the attributes of
    the English reference with the same target, ids included; a sentence
    that cites one source twice then has two elements with one id, which
    the W3C checker and EPUBCheck reject. The second gets an id of its own.
    """

    # After Sphinx's Locale transform (20).
    default_priority = 21

    def apply(self) -> None:
        if not is_translation(self.config):
            return
        seen: set[str] = set()
        for node in self.document.findall(nodes.Element):
            ids = node.get("ids") or []
            unique = [node_id for node_id in ids if node_id not in seen]
            seen.update(ids)
            if unique != ids:
                node["ids"] = unique
                if not unique:
                    self.document.set_id(node)
                    seen.update(node["ids"])


def add_other_edition(app: Sphinx, pagename: str, templatename, context, doctree) -> None:
    """The switcher's link and the ``hreflang`` links of the page's head."""
    if not is_website(app):
        return
    language = app.config.language or SOURCE_LANGUAGE
    # The website's builder (is_website): its pages end in ".html".
    suffix = app.builder.out_suffix  # type: ignore[attr-defined]
    root = edition_root(app.config.html_baseurl, language)
    alternates = [
        f'<link rel="alternate" hreflang="{code}" href="{root}{folder}{pagename}{suffix}">'
        for code, (folder, _name) in EDITIONS.items()
    ]
    alternates.append(
        f'<link rel="alternate" hreflang="x-default" href="{root}{pagename}{suffix}">'
    )
    context["metatags"] = context.get("metatags", "") + "\n" + "\n".join(alternates)
    other = next(code for code in EDITIONS if code != language)
    folder, name = EDITIONS[other]
    if pagename == "404":
        # Served for a missing address at any depth: the other edition's home,
        # by its absolute path.
        home = edition_root(app.config.notfound_urls_prefix, language) + folder
        uri = f"{home}index{suffix}"
    else:
        # Relative, so that it works from disk too: up to this edition's
        # root, up out of its folder, and into the other's.
        up = "../" * (pagename.count("/") + EDITIONS[language][0].count("/"))
        uri = f"{up}{folder}{pagename}{suffix}"
    context["kb_other_edition"] = {"code": other, "name": name, "uri": uri}


def setup(app: Sphinx) -> dict:
    # A translated build reads source/_data/<language>/edition.yaml; the
    # English values are conf.py's own, so there is no English file.
    app.add_config_value(
        "kb_edition_options", "source/_data/edition.yaml", "env", types=frozenset({str})
    )
    # Before the data files' paths are resolved (priority 100), and before
    # the options are read by the builders.
    app.connect("config-inited", apply_edition, priority=50)
    app.connect("html-page-context", add_other_edition)
    app.add_transform(UniqueIdsAfterTranslation)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
