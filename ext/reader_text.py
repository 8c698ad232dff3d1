"""Read the reader text that every page shows from ``source/_data/page-text.yaml``.

The disclaimer, the review line, the "Get help now" link and the ePub
download line are medical or reader-facing words. Written in Python they
would be reviewed by maintainers only; in a data file under ``source/`` they
go to clinical reviewers like every page. ``reader_text(config, part, key)``
returns one entry, as one line of text; the file is read once per version
(``make serve`` sees a change). A missing file or entry is a warning naming
the file, and the caller shows nothing in its place.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from sphinx.config import Config
from sphinx.util import logging

from ext.warnings import KbWarning

logger = logging.getLogger(__name__)

_read: dict[tuple[str, float], Any] = {}


def _data(path: Path) -> Any:
    key = (str(path), path.stat().st_mtime if path.exists() else 0.0)
    if key not in _read:
        try:
            _read[key] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as error:
            logger.warning("cannot read the reader text: %s; check kb_reader_text in conf.py",
                           error, location=f"{path}:1", type="kb",
                           subtype=KbWarning.READER_TEXT.subtype)
            _read[key] = {}
    return _read[key]


def reader_text(config: Config, *keys: str) -> str:
    """The text at ``keys`` (``"disclaimer", "text"``), with its lines joined."""
    path = Path(config.kb_reader_text)
    value: Any = _data(path)
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    if not isinstance(value, str):
        logger.warning("the reader text '%s' is missing; add it to %s", ": ".join(keys),
                       path.name, location=f"{path}:1", type="kb",
                       subtype=KbWarning.READER_TEXT.subtype)
        return ""
    # Keep one trailing space ("Medical disclaimer: "): it separates two texts.
    return " ".join(value.split()) + (" " if value.endswith(" ") else "")


def setup_reader_text(app) -> None:
    """Add the ``kb_reader_text`` option once; each extension that reads it calls this."""
    if "kb_reader_text" not in app.config:
        app.add_config_value("kb_reader_text", "source/_data/page-text.yaml", "env",
                             types=frozenset({str}))
        app.connect("config-inited", _resolve, priority=100)


def _resolve(app, config: Config) -> None:
    # From the configuration folder, as every path in conf.py is.
    config.kb_reader_text = str(Path(app.confdir, config.kb_reader_text))
