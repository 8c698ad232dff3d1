"""Files Sphinx cannot read safely give one located message each, never a
traceback, and the rest of the site still builds; an SVG picture refused by
the same check (its messages are a guard rail, roots/test-svg-pictures/) is
left out of the website and the ePub, its alt text in its place.

The tiny project ``roots/test-source-files/`` lists the pages; the bad files
themselves are written by the test (a file that is not UTF-8, a binary one,
a symbolic link), so the repository holds none of them.
"""

from __future__ import annotations

import pytest

from helpers import build_root, copy_root, warnings_of

NOT_UTF8 = "# Café\n\nSome words.\n".encode("latin-1")
# Six levels, two more than the project's limit of 4; at about ten, markdown
# stops reading and the deeper items vanish without a word.
DEEP = "# Deep\n\n" + "\n".join("  " * level + "- item" for level in range(6)) + "\n"
# Deep enough to exhaust Python's stack if Sphinx tried to read it.
DEEPEST = "# Deepest\n\n" + "\n".join("  " * level + "- item" for level in range(3000)) + "\n"


@pytest.fixture
def project(rootdir, tmp_path):
    srcdir = copy_root(rootdir, "source-files", tmp_path)
    (srcdir / "latin.md").write_bytes(NOT_UTF8)
    (srcdir / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
    (srcdir / "deep.md").write_text(DEEP, encoding="utf-8")
    (srcdir / "deepest.md").write_text(DEEPEST, encoding="utf-8")
    (srcdir / "genindex.md").write_text("# My index\n", encoding="utf-8")
    (srcdir / "long.md").write_text("# Long\n\n" + "Words and more words. " * 200, encoding="utf-8")
    (srcdir / "Side Effects.md").write_text("# Side effects\n", encoding="utf-8")
    outside = tmp_path / "outside.md"
    outside.write_text("# A file of the machine\n", encoding="utf-8")
    (srcdir / "linked.md").symlink_to(outside)
    return srcdir


def test_each_unreadable_file_gives_one_located_message(project, make_app):
    app = make_app("html", srcdir=project)
    app.build()
    assert sorted(warnings_of(app)) == sorted(
        [
            "Side Effects.md:1: WARNING: the file name 'Side Effects.md' is not lower case with "
            "hyphens; rename it, for example to 'side-effects.md', and use that name in the "
            "contents list [kb.file_name]",
            "binary.md:1: WARNING: 'binary.md' is a binary file, not a page; pages are Markdown "
            "text, so keep pictures and other files out of the page's name ending in '.md' "
            "[kb.encoding]",
            "deep.md:8: WARNING: lists or quotes are nested 6 levels deep here, more than the 4 a "
            "page may nest (deeper levels would be lost); use fewer levels, or headings "
            "[kb.nesting]",
            "deepest.md:3002: WARNING: lists or quotes are nested 3000 levels deep here, more than "
            "the 4 a page may nest (deeper levels would be lost); use fewer levels, or headings "
            "[kb.nesting]",
            "genindex.md:1: WARNING: a page may not be called 'genindex': the site writes a page "
            "of that name itself, and one of the two would be lost; choose another name "
            "[kb.file_name]",
            "latin.md:1: WARNING: this line is not UTF-8 text (byte 0xe9); save the file as UTF-8 "
            "in your editor [kb.encoding]",
            "linked.md:1: WARNING: 'linked.md' is a symbolic link; a link would publish whatever "
            "it points to, so copy the file into source/ instead [kb.path]",
            "long.md:1: WARNING: the page is 4 kB, more than the 2 kB a page may be; split it into "
            "pages of one topic each [kb.size]",
        ]
    )


def test_the_good_pages_still_build_and_nothing_from_a_link_is_published(project, make_app):
    app = make_app("html", srcdir=project)
    app.build()
    assert (app.outdir / "good.html").exists()
    assert "four" in (app.outdir / "good.html").read_text(encoding="utf-8")
    assert not (app.outdir / "linked.html").exists()
    assert not (app.outdir / "latin.html").exists()
    assert "My index" not in (app.outdir / "genindex.html").read_text(encoding="utf-8")


def test_a_link_among_the_static_files_is_refused_too(project, make_app, tmp_path):
    """html_static_path copies its files as they are, so a link there would
    publish what it points to."""
    static = project / "_static"
    static.mkdir()
    (static / "settings.txt").symlink_to(tmp_path / "outside.md")
    app = make_app("html", srcdir=project)
    app.build()
    assert (
        "_static/settings.txt:1: WARNING: '_static/settings.txt' is a symbolic link; a link "
        "would publish whatever it points to, so copy the file into source/ instead [kb.path]"
    ) in warnings_of(app)


@pytest.mark.parametrize("builder", ["html", "epub"])
def test_a_refused_svg_is_left_out_and_gives_way_to_its_alt_text(
    make_app, rootdir, tmp_path, builder
):
    """Warnings fail the real build; without -W, the picture that runs a script
    must still not be published, and its page keeps the picture's words."""
    app = build_root("svg-pictures", make_app, rootdir, tmp_path, builder)
    page = (app.outdir / f"index.{'xhtml' if builder == 'epub' else 'html'}").read_text(
        encoding="utf-8"
    )
    assert sorted(path.name for path in (app.outdir / "_images").iterdir()) == ["good.svg"]
    assert 'src="_images/good.svg"' in page
    assert "script.svg" not in page
    assert "A picture that runs a script" in page
