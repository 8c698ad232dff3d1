"""The one measure loop: every suite's figures are sampled RUNS times by it.

A suite hands ``measure`` one function per variant (our site, plain Sphinx,
plain Sphinx plus one feature...). Each call measures that variant once and
returns the values of its figures and the detail behind them (each page's
files, each query's timing). The loop calls every variant once per run, in
turns, and gathers one sample per figure per run, so no suite has a run loop
of its own and every figure is the median of the same number of runs.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from .figures import Samples
from .recipes import RecipeFailed

T = TypeVar("T")


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


@dataclass
class Measurement:
    """One variant measured once: its figures' values and what lies behind them."""

    values: dict[str, float]
    detail: dict = field(default_factory=dict)


@dataclass
class Measured:
    """Every run of every variant.

    ``samples``: variant -> figure key -> one value per run. ``runs``: per
    run, ``{"run": n, variant: values and detail}`` for results.json.
    ``failed``: variants whose build failed, with the last line it printed.
    """

    samples: dict[str, dict[str, Samples]]
    runs: list[dict] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)


def in_turn(variants: dict[str, T], run: int) -> list[tuple[str, T]]:
    """The variants, starting with a different one in each run.

    The first build of a run is often slower than the rest (a cold file
    cache after the browser or the tests); taking turns spreads that over
    every variant instead of always charging the same one.
    """
    items = list(variants.items())
    start = (run - 1) % len(items)
    return items[start:] + items[:start]


def measure(
    name: str,
    runs: int,
    variants: dict[str, Callable[[str], Measurement]],
    keep_going: bool = False,
) -> Measured:
    """Call each variant's measurement once per run; gather the samples.

    Each call gets a step name for its log lines ("today, run 2/5, plain").
    A failed build stops the benchmark, unless ``keep_going``: then that
    variant is left out of the later runs and its failure recorded.
    """
    measured = Measured(samples={variant: {} for variant in variants})
    for run in range(1, runs + 1):
        record: dict = {"run": run}
        for variant, measure_once in in_turn(variants, run):
            if variant in measured.failed:
                continue
            try:
                measurement = measure_once(f"{name}, run {run}/{runs}, {variant}")
            except RecipeFailed as error:
                if not keep_going:
                    raise
                measured.failed[variant] = str(error).strip().splitlines()[-1][:100]
                continue
            for key, value in measurement.values.items():
                measured.samples[variant].setdefault(key, Samples()).values.append(value)
            record[variant] = {**measurement.values, **measurement.detail}
        measured.runs.append(record)
    return measured
