"""Every reader page offers one way to change it: "Suggest a change to this
page" at its foot, which opens the issue form with the page's name filled in.

Readers are patients and carers, so no page shows an edit button (furo's
pencil at the top of the page) or a link into the Markdown source. The link
derives from REPOSITORY_URL in conf.py and must fill in the form's "page"
field (which the form has: repo/test_repository.py).
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from amitriptyline_kb.tools.site import configuration

REPOSITORY_URL = configuration()["REPOSITORY_URL"]
SUGGEST = "Suggest a change to this page"
# What the page's foot used to offer, and furo's edit and view buttons.
GONE = ["Edit this page", "Report a problem with this page", "View this page"]


def _links_named(page, text: str, selector: str = "a[href]") -> list:
    return [link for link in page.select(selector) if link.get_text(" ", strip=True) == text]


def test_every_page_has_one_suggest_a_change_link_in_its_footer(site, reader_pages):
    wrong = []
    for docname in reader_pages:
        page = site.html(docname)
        links = _links_named(page, SUGGEST)
        in_footer = _links_named(page, SUGGEST, "footer .kb-page-links a[href]")
        if len(links) != 1 or links != in_footer:
            wrong.append(f"{docname}: {len(links)} links, {len(in_footer)} in the footer")
            continue
        parts = urlsplit(links[0]["href"])
        if not (
            f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{REPOSITORY_URL}/issues/new"
            and parse_qs(parts.query) == {"template": ["page-problem.yml"], "page": [docname]}
        ):
            wrong.append(f"{docname}: {links[0]['href']}")
    assert not wrong, f'pages without one correct "{SUGGEST}" link:\n' + "\n".join(wrong)


def test_no_page_has_an_edit_button_or_a_link_into_the_source(site, reader_pages):
    found = []
    for docname in reader_pages:
        page = site.html(docname)
        for link in page.select('a[rel="edit"], .edit-this-page, .view-this-page'):
            found.append(f"{docname}: {link}")
        for link in page.select(
            f'a[href^="{REPOSITORY_URL}/edit/"], a[href^="{REPOSITORY_URL}/blob/"]'
        ):
            found.append(f"{docname}: {link['href']}")
        text = " ".join(page.get_text(" ").split())
        found += [f"{docname}: {words!r}" for words in GONE if words in text]
    assert not found, "edit buttons or source links on reader pages:\n" + "\n".join(found)


def test_the_epub_has_no_suggest_or_edit_links(site, reader_pages):
    found = [
        docname
        for docname in reader_pages
        if site.epub(docname).select('a[rel="edit"], .kb-page-links')
        or _links_named(site.epub(docname), SUGGEST)
    ]
    assert not found, f"ePub chapters with links meant for the website: {found}"
