"""Every glossary link of the built pages carries what its preview shows:
the glossary's own definition, and the site's own script to show it.

How the previews behave in a browser: browser/test_glossary_previews.py.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from helpers import GLOSSARY, glossary_definitions, main_element, squash


def test_every_glossary_link_carries_its_terms_definition(site, reader_pages):
    definitions = glossary_definitions(site.html(GLOSSARY))
    assert definitions, "no terms found in the glossary page"
    checked, wrong = 0, []
    for name in reader_pages:
        for link in main_element(site.html(name)).select("a:has(> span.std-term)"):
            term_id = urlsplit(link["href"]).fragment
            if term_id not in definitions:
                continue
            checked += 1
            if "kb-term" not in link.get("class", []):
                wrong.append(f"{name}: {link['href']} has no preview")
            elif squash(link.get("title", "")) != squash(definitions[term_id]):
                wrong.append(f"{name}: {link['href']} title differs from the glossary")
    assert checked, "no links to glossary terms found"
    assert not wrong, "\n".join(wrong)


def test_the_scripts_of_the_previews_are_the_sites_own(site, term_page):
    page = site.html(term_page)
    scripts = [tag["src"] for tag in page.select("script[src]")]
    assert any("glossary-previews.js" in src for src in scripts)
    assert all("://" not in src for src in scripts), scripts
