"""No page of the build links a script, style, font or image from another host.

Also pages no browser test opens: every HTML file of the build. (What the
pages request in Chromium: browser/test_privacy.py.)
"""

from __future__ import annotations

from helpers import soup_of


def test_no_page_links_a_script_style_font_or_image_from_elsewhere(site):
    outside = []
    for path in site.html_dir.rglob("*.html"):
        html = soup_of(path)
        for tag in html.select("script[src], link[href], img[src], source[srcset], iframe"):
            if tag.name == "link" and not {"stylesheet", "preload", "icon", "prefetch"} & set(
                tag.get("rel", [])
            ):
                continue
            address = tag.get("src") or tag.get("href") or tag.get("srcset") or ""
            if "://" in address or address.startswith("//"):
                outside.append(f"{path.relative_to(site.html_dir)}: <{tag.name}> {address}")
    assert not outside, "\n".join(outside)
