"""Read the reader text that every page shows from ``source/_data/page-text.yaml``.

It also holds what every data file under ``source/_data/`` needs: an option
naming the file from the configuration folder (``data_file_option``), and
reading it once per version of the file (``read_once``), so ``make serve``
sees a change without reading the file for every page. A translated build
reads each file from ``source/_data/<language>/`` (``editions``).

The disclaimer, the review line, the "Get help now" link and the ePub
download line are medical or reader-facing words. Written in Python they
would be reviewed by maintainers only; in a data file under ``source/`` they
go to clinical reviewers like every page. ``reader_text(config, part, key)``
returns one entry, as one line of text; the file is read once per version
(``make serve`` sees a change). A missing file or entry is a warning naming
the file, and the caller shows nothing in its place.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from sphinx.config import Config

from amitriptyline_kb.shared import data_file_for_language
from amitriptyline_kb.warnings import KbWarning, warn

T = TypeVar("T")
_read: dict[tuple[str, float, Callable], Any] = {}


def read_once(path: Path, read: Callable[[Path], T]) -> T:
    """``read(path)``, once for each version of the file."""
    key = (str(path), path.stat().st_mtime if path.exists() else 0.0, read)
    if key not in _read:
        _read[key] = read(path)
    return _read[key]


def data_file_option(app, name: str, default: str) -> None:
    """Add the option ``name``: a data file's path from the configuration
    folder, which the option holds as an absolute path once conf.py is read."""
    if name in app.config:
        return
    app.add_config_value(name, default, "env", types=frozenset({str}))

    def resolve(app, config: Config) -> None:
        path = Path(app.confdir, getattr(config, name))
        setattr(config, name, str(data_file_for_language(config, path)))

    app.connect("config-inited", resolve, priority=100)


def load_data_file(path: Path, kind: KbWarning, what: str, option: str) -> tuple[Any, str | None]:
    """The YAML data of ``path`` and its text; ({}, None) and a warning if unreadable.

    ``what`` names the data in the message ("the reader text"), and ``option``
    is the conf.py option that names the file.
    """
    try:
        text = path.read_text(encoding="utf-8")
        return yaml.safe_load(text) or {}, text
    except (OSError, yaml.YAMLError) as error:
        warn(
            kind,
            "cannot read %s: %s; check %s in conf.py",
            what,
            error,
            option,
            location=f"{path}:1",
        )
        return {}, None


def _read_page_text(path: Path) -> Any:
    return load_data_file(path, KbWarning.READER_TEXT, "the reader text", "kb_reader_text")[0]


def reader_data(config: Config) -> Any:
    """The whole reader text file, as YAML data."""
    return read_once(Path(config.kb_reader_text), _read_page_text)


def reader_text(config: Config, *keys: str) -> str:
    """The text at ``keys`` (``"disclaimer", "text"``), with its lines joined."""
    path = Path(config.kb_reader_text)
    value: Any = read_once(path, _read_page_text)
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    if not isinstance(value, str):
        warn(
            KbWarning.READER_TEXT,
            "the reader text '%s' is missing; add it to %s",
            ": ".join(keys),
            path.name,
            location=f"{path}:1",
        )
        return ""
    # Keep one trailing space ("Medical disclaimer: "): it separates two texts.
    return " ".join(value.split()) + (" " if value.endswith(" ") else "")


def setup_reader_text(app) -> None:
    """Add the ``kb_reader_text`` option once; each extension that reads it calls this."""
    data_file_option(app, "kb_reader_text", "source/_data/page-text.yaml")
