"""The sidebar tree built once per folder is the one furo builds per page.

amitriptyline_kb/speed/navigation_cache.py fills in each page's marks on a tree rendered once
per folder. The test project has three levels of folders, two toctrees with
captions (one hidden), a link to another site and pages with sections; it is
built with the extension and without it, and every page must come out the
same, byte for byte.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from amitriptyline_kb.speed import navigation_cache


def _pages(outdir: Path) -> dict[str, str]:
    return {
        path.relative_to(outdir).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(outdir.rglob("*.html"))
    }


@pytest.fixture
def calls(monkeypatch) -> dict[str, int]:
    """How often the extension renders a folder's tree, and falls back to furo's way."""
    counted = {"folder_tree": 0, "furo_fallback": 0}

    def counting(name: str, key: str):
        original = getattr(navigation_cache, name)

        def wrapper(*args, **kwargs):
            counted[key] += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(navigation_cache, name, wrapper)

    counting("folder_tree", "folder_tree")
    counting("furo_navigation_tree", "furo_fallback")
    return counted


# sphinx-notfound-page replaces the toctree() function on the 404 page; the
# extension must leave that page to it whichever of the two is listed first.
ORDERS = {
    "cache-first": ["myst_parser", "amitriptyline_kb.speed.navigation_cache", "notfound.extension"],
    "cache-last": ["myst_parser", "notfound.extension", "amitriptyline_kb.speed.navigation_cache"],
}


@pytest.mark.parametrize("order", sorted(ORDERS))
@pytest.mark.sphinx("html", testroot="navigation", freshenv=True)
def test_every_page_is_the_same_as_furos_own(app, make_app, tmp_path, calls, order):
    def build(name: str, extensions: list[str]) -> dict[str, str]:
        site = make_app(
            "html",
            srcdir=app.srcdir,
            builddir=tmp_path / name,
            confoverrides={"extensions": extensions},
        )
        site.build()
        assert site.statuscode == 0
        return _pages(Path(site.outdir))

    ours = build("ours", ORDERS[order])
    reference = build(
        "furo", [e for e in ORDERS[order] if e != "amitriptyline_kb.speed.navigation_cache"]
    )
    assert sorted(ours) == sorted(reference)
    different = [page for page in ours if ours[page] != reference[page]]
    assert different == []
    assert calls["furo_fallback"] == 0


@pytest.mark.sphinx("html", testroot="navigation", freshenv=True)
def test_the_tree_is_rendered_once_per_folder(app, calls):
    app.build()
    folders = {str(Path(docname).parent) for docname in app.env.found_docs}
    # genindex and search sit in the top folder, which has pages already.
    assert calls == {"folder_tree": len(folders), "furo_fallback": 0}
