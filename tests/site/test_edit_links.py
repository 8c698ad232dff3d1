"""Every reader page links to its source for editing, and to the issue form.

Both links derive from REPOSITORY_URL in conf.py; the edit link must name a
file that exists, and the report link must fill in the form's "page" field
(which the form has: repo/test_repository.py).
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from amitriptyline_kb.tools.site import ROOT, configuration

REPOSITORY_URL = configuration()["REPOSITORY_URL"]
REPOSITORY_BRANCH = configuration()["REPOSITORY_BRANCH"]


def _edit_target(href: str) -> str:
    """The repository path an edit link opens, checked against the repository."""
    prefix = f"{REPOSITORY_URL}/edit/{REPOSITORY_BRANCH}/"
    assert href.startswith(prefix), f"{href} is not an edit link into {REPOSITORY_URL}"
    return href.removeprefix(prefix)


def test_every_page_links_to_its_own_source_for_editing(site, reader_pages):
    wrong = []
    for docname in reader_pages:
        page = site.html(docname)
        links = page.select('a[rel="edit"]')
        targets = {_edit_target(link["href"]) for link in links}
        # Furo's pencil button at the top, and the text link at the bottom.
        if len(links) != 2 or targets != {f"source/{docname}.md"}:
            wrong.append(f"{docname}: {[link['href'] for link in links]}")
        elif not (ROOT / f"source/{docname}.md").is_file():
            wrong.append(f"{docname}: the edit link names a file that does not exist")
    assert not wrong, "pages without a correct edit link:\n" + "\n".join(wrong)


def test_every_page_links_to_the_problem_form_with_its_name_filled_in(site, reader_pages):
    wrong = []
    for docname in reader_pages:
        link = site.html(docname).select_one(".kb-page-links a.kb-report-problem")
        parts = urlsplit(link["href"]) if link else None
        if not (
            link
            and link.get_text(strip=True) == "Report a problem with this page"
            and f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{REPOSITORY_URL}/issues/new"
            and parse_qs(parts.query) == {"template": ["page-problem.yml"], "page": [docname]}
        ):
            wrong.append(f"{docname}: {link}")
    assert not wrong, "pages without a correct problem-report link:\n" + "\n".join(wrong)


def test_the_epub_has_no_edit_or_report_links(site, reader_pages):
    found = [
        docname
        for docname in reader_pages
        if site.epub(docname).select('a[rel="edit"], .kb-page-links')
    ]
    assert not found, f"ePub chapters with links meant for the website: {found}"
