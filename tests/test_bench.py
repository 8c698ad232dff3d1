"""The benchmark's own parts build what it claims to build.

These check the benchmark's machinery only (make's commands, the baseline
configuration, the synthetic pages), quickly and without building a site.
Speed and size targets are checked by `make bench` itself, never here.
"""

from __future__ import annotations

import runpy
import tomllib
from collections import Counter
from pathlib import Path

from bench import recipes, sites
from bench.__main__ import in_turn
from helpers import ROOT, SOURCE, reader_docnames

SETTINGS = tomllib.loads((ROOT / "bench" / "settings.toml").read_text(encoding="utf-8"))
EXTRA_PAGES = 25


def _toctree_entries(page: Path) -> list[str]:
    entries, inside = [], False
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith(("```{toctree}", ":::{toctree}")):
            inside = True
        elif inside and line.startswith(("```", ":::")):
            inside = False
        elif inside and line and not line.startswith(":"):
            entries.append(line.strip())
    return entries


def test_synthetic_site_has_the_pages_asked_for_each_listed_once(tmp_path):
    wanted = len(reader_docnames()) + EXTRA_PAGES
    source = sites.synthesize(SOURCE, tmp_path / "source", wanted)
    docnames = sites.reader_docnames(source)
    assert len(docnames) == wanted
    copies = {d for d in docnames if "-copy-" in d}
    assert len(copies) == EXTRA_PAGES
    listed = Counter()
    for index in source.rglob("index.md"):
        folder = index.parent.relative_to(source).as_posix()
        for entry in _toctree_entries(index):
            listed[f"{folder}/{entry}".removeprefix("./")] += 1
    assert {d: listed[d] for d in copies} == dict.fromkeys(copies, 1)


def test_synthetic_pages_have_unique_titles_and_labels(tmp_path):
    source = sites.synthesize(SOURCE, tmp_path / "source", len(reader_docnames()) + EXTRA_PAGES)
    titles, labels = Counter(), Counter()
    for page in source.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        titles.update(m["title"] for m in sites.TITLE.finditer(text))
        labels.update(sites.LABEL.findall(text))
    assert not [t for t, n in titles.items() if n > 1]
    assert not [label for label, n in labels.items() if n > 1]


def test_copies_keep_the_shape_of_their_page(tmp_path):
    """Same directives, roles and front matter as the original, title aside."""
    source = sites.synthesize(SOURCE, tmp_path / "source", len(reader_docnames()) + EXTRA_PAGES)
    for copy in source.rglob("*-copy-*.md"):
        original = (SOURCE / copy.relative_to(source)).with_name(
            copy.name.split("-copy-")[0] + ".md"
        )
        shape = [line.split("}")[0] for line in original.read_text(encoding="utf-8").splitlines()]
        copied = [line.split("}")[0] for line in copy.read_text(encoding="utf-8").splitlines()]
        assert len(shape) == len(copied), copy.name
        assert sum(a != b for a, b in zip(shape, copied)) <= 1 + len(
            sites.LABEL.findall(original.read_text(encoding="utf-8"))
        ), copy.name


def test_make_html_and_epub_commands_are_found_and_timed_by_builder(tmp_path):
    steps = recipes.recipe(ROOT, ["html", "epub"], {"BUILDDIR": str(tmp_path)})
    builders = [step.builder for step in steps if step.builder]
    assert sorted(set(builders)) == ["epub", "html"]
    assert all("-c" in step.words for step in steps if step.builder)


def test_plain_sphinx_runs_the_same_commands_with_another_configuration(tmp_path):
    steps = recipes.recipe(ROOT, ["html", "epub"], {"BUILDDIR": str(tmp_path)})
    plain = recipes.swap_configuration(steps, tmp_path / "plain-conf")
    for ours, theirs in zip(steps, plain, strict=True):
        if ours.builder is None:
            assert ours == theirs
            continue
        assert theirs.words[theirs.words.index("-c") + 1] == str(tmp_path / "plain-conf")
        assert "-W" not in theirs.words
        assert [w for w in ours.words if w not in ("-W", ".")] == [
            w for w in theirs.words if w != str(tmp_path / "plain-conf")
        ]


def test_plain_configuration_is_alabaster_with_only_the_content_parsers(tmp_path):
    confdir = sites.plain_configuration(ROOT, tmp_path / "plain-conf", SETTINGS["content_parsers"])
    plain = runpy.run_path(str(confdir / "conf.py"))
    ours = runpy.run_path(str(ROOT / "conf.py"))
    assert plain["html_theme"] == "alabaster"
    assert set(plain["extensions"]) <= set(SETTINGS["content_parsers"])
    assert set(plain["extensions"]) == set(SETTINGS["content_parsers"]) & set(ours["extensions"])
    for path in plain["html_static_path"] + plain["bibtex_bibfiles"]:
        assert Path(path).is_absolute() and Path(path).exists(), path


def test_bench_server_sends_each_file_gzipped_as_on_disk(tmp_path):
    """The benchmark's server is the tests' one, compressing each file once."""
    import gzip
    import urllib.request

    from bench import chromium

    page = ROOT / "source" / "_static" / "kb.css"
    (tmp_path / "kb.css").write_bytes(page.read_bytes())
    with chromium.serve(tmp_path, 6) as url:
        bodies = []
        for _ in range(2):
            request = urllib.request.Request(url + "kb.css", headers={"Accept-Encoding": "gzip"})
            with urllib.request.urlopen(request) as response:
                assert response.headers["Content-Encoding"] == "gzip"
                bodies.append(response.read())
    assert bodies[0] == bodies[1]
    assert gzip.decompress(bodies[0]) == page.read_bytes()


def test_each_feature_is_measured_alone_on_top_of_plain_sphinx(tmp_path):
    ours = runpy.run_path(str(ROOT / "conf.py"))
    parsers = SETTINGS["content_parsers"]
    features = sites.features(ROOT, parsers)
    assert features == [sites.THEME, *(e for e in ours["extensions"] if e not in parsers)]
    for number, feature in enumerate(features):
        confdir = sites.plain_configuration(ROOT, tmp_path / str(number), parsers, feature=feature)
        conf = runpy.run_path(str(confdir / "conf.py"))
        if feature == sites.THEME:
            assert conf["html_theme"] == ours["html_theme"]
            assert set(conf["extensions"]) <= set(parsers)
        else:
            assert conf["html_theme"] == "alabaster"
            assert set(conf["extensions"]) - set(parsers) == {feature}


def test_each_variant_is_built_first_in_turn():
    variants = {"ours": 1, "plain": 2, "plain + furo": 3}
    orders = [[name for name, _ in in_turn(variants, run)] for run in range(1, 4)]
    assert all(sorted(order) == sorted(variants) for order in orders)
    assert [order[0] for order in orders] == list(variants)
