"""The cost of each feature: today's site built by plain Sphinx plus one of ours.

Plain Sphinx, then plain Sphinx with one feature back (furo with our
templates and sidebars, or one extension from conf.py), then our whole
configuration: a clean HTML build of each, every run. A feature that cannot
build without the others (an extension that needs another) is reported as
failed with the line it stopped on, and the other builds go on.
"""

from __future__ import annotations

from functools import partial

from . import sites
from .builds import SiteBuild, Workbench
from .figures import Samples
from .measure import Measurement, log, measure
from .settings import FigureSpec

PLAIN = "plain Sphinx"
OURS = "ours (all of them)"


def clean_html(spec: FigureSpec, build: SiteBuild, step: str) -> Measurement:
    """One clean HTML build of one variant."""
    log(f"{step}: clean HTML build")
    return Measurement({spec.key: build.clean(build.html_steps).total})


def measure_features(bench: Workbench) -> tuple[FigureSpec, dict[str, Samples], dict[str, str]]:
    """The features suite's one figure, its samples per build, and the builds that failed."""
    (spec,) = bench.settings.figures_of("features")
    snapshot, work, parsers = bench.snapshot, bench.work, bench.settings.content_parsers
    source, builddir = snapshot / "source", work / "feature-build"
    confdir = sites.plain_configuration(snapshot, work / "feature-plain", parsers)
    builds = {PLAIN: SiteBuild(snapshot, source, builddir, plain_conf=confdir)}
    for number, feature in enumerate(sites.features(snapshot, parsers)):
        confdir = sites.plain_configuration(
            snapshot, work / f"feature-{number}", parsers, feature=feature
        )
        label = "furo, our templates and sidebars" if feature == sites.THEME else feature
        builds[f"+ {label}"] = SiteBuild(snapshot, source, builddir, plain_conf=confdir)
    builds[OURS] = SiteBuild(snapshot, source, builddir)
    measured = measure(
        "features",
        bench.runs,
        {label: partial(clean_html, spec, build) for label, build in builds.items()},
        keep_going=True,
    )
    samples = {label: measured.samples[label].get(spec.key, Samples()) for label in builds}
    return spec, samples, measured.failed
