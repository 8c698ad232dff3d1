"""Every page carries what search engines, link previews and browsers read:
its description, OpenGraph tags and a favicon; and the landing page's ePub
link names the file the build puts on the site.

That they are served and work in Chromium: browser/test_reader_site.py.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from amitriptyline_kb.tools.site import configuration, front_matter

SITE_URL = configuration()["SITE_URL"]


def test_every_page_has_its_description_opengraph_tags_and_a_favicon(site, reader_pages):
    wrong = []
    for name in reader_pages:
        html = site.html(name)
        description = " ".join(front_matter(name)["description"].split())

        def meta(selector, html=html):
            tag = html.select_one(selector)
            return tag["content"] if tag else None

        expected = {
            'meta[name="description"]': description,
            'meta[property="og:description"]': description,
            'meta[property="og:url"]': f"{SITE_URL}{name}.html",
            'meta[property="og:type"]': "website",
        }
        for selector, value in expected.items():
            if meta(selector) != value:
                wrong.append(f"{name}: {selector} is {meta(selector)!r}, expected {value!r}")
        for selector in ['meta[property="og:title"]', 'meta[property="og:site_name"]']:
            if not meta(selector):
                wrong.append(f"{name}: no {selector}")
        if not html.select_one('link[rel~="icon"]'):
            wrong.append(f"{name}: no favicon link")
    assert not wrong, "\n".join(wrong)


def test_the_epub_link_names_the_file_on_the_site(site):
    link = site.html("index").select_one("article a[download]")
    assert urlsplit(link["href"]).path == site.epub_file.name
    assert (site.html_dir / site.epub_file.name).is_file()
