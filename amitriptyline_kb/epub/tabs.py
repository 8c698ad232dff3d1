"""Write sphinx-design tab sets as plain, linear text in the ePub.

In HTML a tab set is a row of radio buttons with one visible panel. In the
ePub that markup fails twice: the ``<input>`` elements are not closed, which
is fatal in XHTML (EPUBCheck RSC-016, and e-readers stop rendering the page
there), and the CSS hides every panel but the first. A reader of the ePub
must see every option, so for the ePub builder only this post-transform
replaces each tab set, before sphinx-design turns it into radio buttons, with
each tab's label as a heading-like line followed by that tab's full content.
The HTML keeps its real tabs.
"""

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx_design.shared import is_component
from sphinx_design.tabs import TabSetHtmlTransform

from amitriptyline_kb.shared import add_static_files

STATIC_DIR = Path(__file__).with_name("static")


class LinearTabSets(SphinxPostTransform):
    """Replace every tab set with its labels and contents, one after another."""

    builders = ("epub",)
    # Run before sphinx-design builds the radio-button markup.
    default_priority = TabSetHtmlTransform.default_priority - 1

    def run(self, **kwargs: Any) -> None:
        for tab_set in list(self.document.findall(nodes.Element)):
            if not is_component(tab_set, "tab-set"):
                continue
            linear = nodes.container(classes=["kb-tabs-linear"], ids=tab_set["ids"])
            for child in tab_set.children:
                # A malformed item is reported by sphinx-design in the HTML build.
                if (
                    isinstance(child, nodes.Element)
                    and is_component(child, "tab-item")
                    and len(child.children) == 2
                ):
                    linear.extend(self._linear_tab(child))
                else:
                    # Hyperlink targets stay, so references to them resolve.
                    linear.append(child)
            # Not replace_self(): it would copy the sd-tab-set class, whose CSS
            # hides every panel but the first.
            tab_set.parent.replace(tab_set, linear)

    @staticmethod
    def _linear_tab(tab_item: nodes.Element) -> list[nodes.Node]:
        label, content = tab_item.children
        assert isinstance(label, nodes.Element) and isinstance(content, nodes.Element)
        heading = nodes.rubric(
            "", "", *label.children, classes=["kb-tab-heading"], ids=label["ids"] + tab_item["ids"]
        )
        section = nodes.container(classes=["kb-tab-panel"])
        section.extend(content.children)
        return [heading, section]


def setup(app: Sphinx) -> dict:
    add_static_files(app, STATIC_DIR, "kb-epub.css", builders=("epub",))
    app.setup_extension("sphinx_design")
    app.add_post_transform(LinearTabSets)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
