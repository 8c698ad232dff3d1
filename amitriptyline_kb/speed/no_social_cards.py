"""Keep sphinxext-opengraph from importing matplotlib for cards the site does not draw.

Social cards are off (``ogp_social_cards`` in conf.py), yet sphinxext-opengraph
imports matplotlib as it loads, when matplotlib is installed (it is, for
``make bench``'s plot): about half a second of every sphinx-build, and
``make html`` starts two. Importing this module first puts in place of its card
module exactly what it uses when matplotlib is absent, so nothing else changes.
It must come before ``sphinxext.opengraph`` in ``extensions``.
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any

from sphinx.application import Sphinx

CARDS_MODULE = "sphinxext.opengraph._social_cards"

_no_social_cards = ModuleType(CARDS_MODULE)
_no_social_cards.DEFAULT_SOCIAL_CONFIG = {}  # type: ignore[attr-defined]
_no_social_cards.create_social_card = None  # type: ignore[attr-defined]
sys.modules.setdefault(CARDS_MODULE, _no_social_cards)


def setup(app: Sphinx) -> dict[str, Any]:
    return {"parallel_read_safe": True, "parallel_write_safe": True}
