"""The benchmark's own parts build what it claims to build.

These check the benchmark's machinery only (make's commands, the baseline
configuration, the synthetic pages, the measure loop, the figures declared
in settings.toml), quickly and without building a site. Speed and size
targets are checked by `make bench` itself, never here. What a test expects
comes from the repository's files (settings.toml, conf.py, the pages) or is
written out in the test, not from the benchmark's code.
"""

from __future__ import annotations

import gzip
import re
import runpy
import shlex
import sys
import tomllib
import urllib.request
from collections import Counter
from pathlib import Path

import pytest

from amitriptyline_kb.tools.bench import builds, measure, recipes, sites
from amitriptyline_kb.tools.bench.figures import Figure, Samples, collect
from amitriptyline_kb.tools.bench.settings import load
from amitriptyline_kb.tools.site import ROOT, SOURCE, serve, sphinx_flags

SETTINGS_FILE = ROOT / "amitriptyline_kb" / "tools" / "bench" / "settings.toml"
SETTINGS = tomllib.loads(SETTINGS_FILE.read_text(encoding="utf-8"))
EXTRA_PAGES = 25
# The page syntax, as authors write it: "# Title" and "(label)=" lines.
TITLE = re.compile(r"^# (.+)$", re.MULTILINE)
LABEL = re.compile(r"^\((\S+)\)=\s*$", re.MULTILINE)


def _reader_pages(source: Path) -> list[Path]:
    """Every page a reader can open: no folder or file starting with _ or ."""
    return [
        path
        for path in source.rglob("*.md")
        if not any(part.startswith(("_", ".")) for part in path.relative_to(source).parts)
    ]


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


# Pages that conf.py spares a check by name (kb_pages_without_sources, ...): a
# copy, named otherwise, would fail it.
SPARED = {
    page
    for name, pages in runpy.run_path(str(ROOT / "conf.py")).items()
    if name.startswith("kb_pages_without_")
    for page in pages
}


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    """Today's pages grown by EXTRA_PAGES copies, as the benchmark grows them."""
    dest = tmp_path_factory.mktemp("synthetic") / "source"
    wanted = len(_reader_pages(SOURCE)) + EXTRA_PAGES
    return sites.synthesize(SOURCE, dest, wanted, not_copied=sites.exempt_by_name(ROOT))


def test_synthetic_site_has_the_pages_asked_for_each_listed_once(synthetic):
    pages = _reader_pages(synthetic)
    assert len(pages) == len(_reader_pages(SOURCE)) + EXTRA_PAGES
    copies = {
        p.relative_to(synthetic).with_suffix("").as_posix() for p in pages if "-copy-" in p.name
    }
    assert len(copies) == EXTRA_PAGES
    listed = Counter()
    for index in synthetic.rglob("index.md"):
        folder = index.parent.relative_to(synthetic).as_posix()
        for entry in _toctree_entries(index):
            listed[f"{folder}/{entry}".removeprefix("./")] += 1
    assert {d: listed[d] for d in copies} == dict.fromkeys(copies, 1)


def test_pages_spared_a_check_by_name_are_not_copied(synthetic):
    assert SPARED, "conf.py spares some pages, so the check below checks something"
    assert set(sites.exempt_by_name(ROOT)) == SPARED
    originals = {
        (copy.parent.relative_to(synthetic) / copy.name.split("-copy-")[0]).as_posix()
        for copy in synthetic.rglob("*-copy-*.md")
    }
    assert originals
    assert not originals & SPARED


def test_synthetic_pages_have_unique_titles_and_labels(synthetic):
    titles, labels = Counter(), Counter()
    for page in synthetic.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        titles.update(TITLE.findall(text))
        labels.update(LABEL.findall(text))
    assert labels, "the pages have labels, so the check below checks something"
    assert not [t for t, n in titles.items() if n > 1]
    assert not [label for label, n in labels.items() if n > 1]


def test_copies_keep_the_shape_of_their_page(synthetic):
    """Same directives, roles and front matter as the original, title aside."""
    copies = list(synthetic.rglob("*-copy-*.md"))
    assert len(copies) == EXTRA_PAGES
    for copy in copies:
        original = (SOURCE / copy.relative_to(synthetic)).with_name(
            copy.name.split("-copy-")[0] + ".md"
        )
        text = original.read_text(encoding="utf-8")
        shape = [line.split("}")[0] for line in text.splitlines()]
        copied = [line.split("}")[0] for line in copy.read_text(encoding="utf-8").splitlines()]
        assert len(shape) == len(copied), copy.name
        assert sum(a != b for a, b in zip(shape, copied)) <= 1 + len(LABEL.findall(text)), copy.name


def test_make_html_and_epub_commands_are_found_and_timed_by_builder(tmp_path):
    steps = recipes.recipe(ROOT, ["html", "epub"], {"BUILDDIR": str(tmp_path)})
    builders = [step.builder for step in steps if step.builder]
    assert sorted(set(builders)) == ["epub", "html"]
    assert all("-c" in step.words for step in steps if step.builder)


def test_builds_import_our_package_from_the_snapshot_they_build(tmp_path):
    """Not from the working tree, which make installs editable and people edit."""
    (tmp_path / "amitriptyline_kb").mkdir()
    (tmp_path / "amitriptyline_kb" / "__init__.py").write_text("", encoding="utf-8")
    check = (
        "import sys, amitriptyline_kb; "
        f"sys.exit(0 if amitriptyline_kb.__file__.startswith({str(tmp_path)!r}) else 3)"
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    command = shlex.join([sys.executable, "-c", check])
    recipes.run([recipes.Step(f"cd {shlex.quote(str(elsewhere))} && {command}")], tmp_path)


def test_the_sphinx_flags_are_the_makefiles_and_every_build_gets_them(tmp_path):
    """-W --keep-going -n, as docs/testing.md promises, on every sphinx-build."""
    flags = sphinx_flags(ROOT)
    assert flags == ("-W", "--keep-going", "-n")
    steps = recipes.recipe(ROOT, ["html", "epub"], {"BUILDDIR": str(tmp_path)})
    for step in steps:
        if step.builder:
            assert set(flags) <= set(step.words), step.command


def test_plain_sphinx_runs_the_same_commands_with_another_configuration(tmp_path):
    conf = tmp_path / "plain-conf"
    ours = builds.SiteBuild(ROOT, SOURCE, tmp_path / "build")
    plain = builds.SiteBuild(ROOT, SOURCE, tmp_path / "build", plain_conf=conf)
    for mine, theirs in zip(ours.clean_steps, plain.clean_steps, strict=True):
        if mine.builder is None:
            assert mine == theirs
            continue
        assert theirs.words[theirs.words.index("-c") + 1] == str(conf)
        assert "-W" in mine.words
        assert "-W" not in theirs.words
        assert [w for w in mine.words if w not in ("-W", ".")] == [
            w for w in theirs.words if w != str(conf)
        ]


def test_plain_configuration_is_alabaster_with_only_the_content_parsers(tmp_path):
    parsers = SETTINGS["content_parsers"]
    confdir = sites.plain_configuration(ROOT, tmp_path / "plain-conf", parsers)
    plain = runpy.run_path(str(confdir / "conf.py"))
    ours = runpy.run_path(str(ROOT / "conf.py"))
    assert plain["html_theme"] == "alabaster"
    assert set(plain["extensions"]) == set(parsers) & set(ours["extensions"])
    assert plain["html_static_path"] and plain["bibtex_bibfiles"]
    for path in plain["html_static_path"] + plain["bibtex_bibfiles"]:
        assert Path(path).is_absolute() and Path(path).exists(), path


def test_bench_server_sends_each_file_gzipped_as_on_disk(tmp_path):
    """The benchmark's server is the tests' one, compressing each file once."""
    page = ROOT / "source" / "_static" / "kb.css"
    (tmp_path / "kb.css").write_bytes(page.read_bytes())
    with serve(tmp_path, 6) as url:
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
    orders = [[name for name, _ in measure.in_turn(variants, run)] for run in range(1, 4)]
    assert all(sorted(order) == sorted(variants) for order in orders)
    assert [order[0] for order in orders] == list(variants)


def test_the_loop_gathers_one_sample_per_run_of_every_variant():
    calls = []

    def variant(name, value):
        def measure_once(step):
            calls.append(step)
            return measure.Measurement({"size": value + len(calls)}, {"note": name})

        return measure_once

    measured = measure.measure(
        "site", 3, {"ours": variant("ours", 0), "plain": variant("plain", 100)}
    )
    assert len(calls) == 6
    assert calls[:2] == ["site, run 1/3, ours", "site, run 1/3, plain"]
    assert calls[2:4] == ["site, run 2/3, plain", "site, run 2/3, ours"]
    assert measured.samples["ours"]["size"].values == [1, 4, 5]
    assert measured.samples["plain"]["size"].values == [102, 103, 106]
    assert [run["run"] for run in measured.runs] == [1, 2, 3]
    assert measured.runs[0]["plain"] == {"size": 102, "note": "plain"}


def test_a_failed_build_stops_the_loop_unless_it_keeps_going():
    def fails(step):
        raise recipes.RecipeFailed("exit 2: sphinx-build\nExtension error: needs another")

    def works(step):
        return measure.Measurement({"time": 1.0})

    with pytest.raises(recipes.RecipeFailed):
        measure.measure("features", 2, {"+ one": fails, "ours": works})
    measured = measure.measure("features", 3, {"+ one": fails, "ours": works}, keep_going=True)
    assert measured.failed == {"+ one": "Extension error: needs another"}
    assert measured.samples["ours"]["time"].values == [1.0, 1.0, 1.0]
    assert "+ one" not in measured.runs[1]


def test_every_figure_in_settings_toml_is_read_with_its_target():
    entries = SETTINGS["figures"]
    specs = load().figures
    assert [(s.suite, s.key, s.label, s.unit) for s in specs] == [
        (e["suite"], e["key"], e["label"], e["unit"]) for e in entries
    ]
    for spec, entry in zip(specs, entries):
        assert spec.measures, spec.key
        expected = SETTINGS["targets"][entry["target"]] if "target" in entry else None
        assert spec.target == expected, spec.key
    # Each suite's figures, in the order of the table.
    for suite in ("today", "features", "scale"):
        keys = [e["key"] for e in entries if e["suite"] == suite]
        assert [s.key for s in load().figures_of(suite)] == keys


@pytest.mark.parametrize(
    "change, message",
    [
        ('target = "clean_html_epub_s"', "no target 'no_such_limit'"),
        ('unit = "s"', "unit 'minutes'"),
        ('suite = "today"', "suite 'tomorrow'"),
    ],
)
def test_a_figure_with_an_unknown_target_unit_or_suite_is_refused(tmp_path, change, message):
    name, _ = change.split(" = ")
    wrong = {"target": '"no_such_limit"', "unit": '"minutes"', "suite": '"tomorrow"'}[name]
    text = SETTINGS_FILE.read_text(encoding="utf-8")
    assert change in text
    path = tmp_path / "settings.toml"
    path.write_text(text.replace(change, f"{name} = {wrong}", 1), encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(message)):
        load(path)


def test_figures_take_their_label_and_target_from_the_declaration():
    spec = next(s for s in load().figures_of("scale") if s.key == "search_slowest")
    samples = {
        "ours": {"search_slowest": Samples([0.2])},
        "plain": {"search_slowest": Samples([0.4])},
    }
    small = collect([spec], samples, ("scale.100.", "100 pages: "), {}, pages=100)
    large = collect([spec], samples, ("scale.1000.", "1000 pages: "), {}, pages=1000)
    assert small["search_slowest"].key == "scale.100.search_slowest"
    assert small["search_slowest"].label == "100 pages: search, slowest query"
    assert small["search_slowest"].target is None
    assert large["search_slowest"].target == SETTINGS["targets"]["search_1000_s"]
    assert large["search_slowest"].holds is True


def test_a_suite_must_measure_exactly_the_figures_declared():
    specs = load().figures_of("scale")
    measured = {spec.key: Samples([1.0]) for spec in specs}
    collect(
        specs, {"ours": measured, "plain": measured}, ("scale.1.", "1 page: "), {"touched": "x"}
    )
    with pytest.raises(ValueError, match="measured but not declared.*'extra'"):
        extra = {**measured, "extra": Samples([1.0])}
        collect(specs, {"ours": extra, "plain": extra}, ("scale.1.", ""), {"touched": "x"})
    with pytest.raises(ValueError, match="declared but not measured: \\['clean_html'\\]"):
        fewer = {k: v for k, v in measured.items() if k != "clean_html"}
        collect(specs, {"ours": fewer, "plain": fewer}, ("scale.1.", ""), {"touched": "x"})


def test_a_ratio_target_is_checked_on_ours_over_plain():
    figure = Figure("today.overhead", "overhead", "s", ours=Samples([3.0, 2.0, 2.2]))
    figure.plain = Samples([2.0, 1.9, 2.1])
    figure.ratio_target = True
    figure.target = 1.05
    assert figure.ratio == pytest.approx(2.2 / 2.0)
    assert figure.holds is False
    figure.target = 1.15
    assert figure.holds is True
