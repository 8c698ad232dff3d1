"""Find the line of a page that a warning should point a contributor to.

Several checks report mistakes with the file and line. MyST gives inline
nodes no line, and front-matter values reach Sphinx without one, so each
check needs one of these two look-ups; they live here once.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes


def node_line(node: nodes.Node | None) -> int | None:
    """The node's line, or its nearest ancestor's: MyST gives inline nodes none."""
    while node is not None and not node.line:
        node = node.parent
    return node.line if node is not None else None


def front_matter_line(source: Path, key: str) -> int:
    """The front-matter line holding ``key``, or 1 when it is absent."""
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1
    for number, line in enumerate(lines, 1):
        if line.startswith(f"{key}:"):
            return number
    return 1
