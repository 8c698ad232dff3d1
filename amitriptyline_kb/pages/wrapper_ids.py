"""Keep the id of a table (or a numbered equation) on the table alone.

Furo wraps every table and every display equation in a ``<div>`` that can
scroll sideways on a narrow screen (``furo.WrapTableAndMathInAContainerTransform``,
a post-transform of priority 500). It gives the wrapper all the attributes of
what it wraps with ``update_all_atts``, the ids among them, so a table that
has an id, as every table with a caption has (the caption's "¶" link points
at it), is written as two elements with one id: ``<div class="table-wrapper"
id="id17"><table id="id17">``. An id must be unique in a page (the W3C
checker reports "Duplicate ID"), and a link to it may land on either.

This post-transform runs right after furo's and takes the ids off each
wrapper whose child still carries them. The wrapper keeps its classes; the
table keeps its id, so links to it and its caption's "¶" link lead where
they did. No option of furo's turns the copy
off, and its wrapper is still needed for the sideways scroll.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

# furo.WrapTableAndMathInAContainerTransform.default_priority, and its classes.
FURO_WRAP_PRIORITY = 500
WRAPPER_CLASSES = {"table-wrapper", "math-wrapper"}


class WrapperIds(SphinxPostTransform):
    """Remove from furo's wrappers the ids their child keeps."""

    formats = ("html",)
    default_priority = FURO_WRAP_PRIORITY + 1

    def run(self, **kwargs: Any) -> None:
        for wrapper in self.document.findall(nodes.container):
            if not WRAPPER_CLASSES & set(wrapper["classes"]) or len(wrapper.children) != 1:
                continue
            wrapped = wrapper.children[0]
            if not isinstance(wrapped, nodes.Element):
                continue
            kept = set(wrapped["ids"])
            wrapper["ids"] = [value for value in wrapper["ids"] if value not in kept]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_post_transform(WrapperIds)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
