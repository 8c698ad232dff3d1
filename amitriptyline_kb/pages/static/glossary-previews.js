/*
 * Glossary previews: a glossary link shows the term's meaning in place.
 *
 * Each link to a glossary term (class "kb-term") carries the definition in
 * its title, written at build time by amitriptyline_kb/pages/glossary_previews.py. This script
 * moves it into a hidden role="tooltip" element per term, referenced by the
 * link's aria-describedby (so screen readers read it as the description), and
 * shows that element:
 *   - while a mouse hovers over the link or the preview itself,
 *   - while the link has keyboard focus,
 *   - on a first tap on a touch screen, with a link to the glossary entry;
 *     a second tap on the term follows the link.
 * Esc or a tap elsewhere hides it. Without this script the link simply goes
 * to the glossary and the browser shows the title on hover.
 *
 * The previews live in the page's main landmark (all text must be in one) and
 * open as popovers, in the browser's top layer, so no scrolling box (a wide
 * table, furo's content column on phones) can clip them.
 */
(function () {
  "use strict";

  var HIDE_DELAY_MS = 200; // time to move the pointer from link to preview
  var MARGIN = 8;
  var links = document.querySelectorAll("a.kb-term[title]");
  if (!links.length) return;
  // The words of the link to the glossary entry are reader text, from
  // source/_data/page-text.yaml; the script element carries them.
  var OPEN_LABEL = document.currentScript.dataset.openLabel;

  var previews = {}; // term id -> tooltip element
  var shown = null; // {link, preview}
  var hideTimer = null;
  var lastPointer = "mouse";
  var tapWillOpen = false;

  function termId(link) {
    return new URL(link.href, document.baseURI).hash.slice(1);
  }

  function previewFor(link) {
    var id = termId(link);
    if (!previews[id]) {
      var preview = document.createElement("div");
      preview.id = "kb-preview-" + id;
      preview.className = "kb-glossary-preview";
      preview.setAttribute("role", "tooltip");
      preview.setAttribute("popover", "manual");
      preview.hidden = true;
      var text = document.createElement("span");
      text.className = "kb-glossary-preview-text";
      text.textContent = link.title;
      preview.appendChild(text);
      preview.addEventListener("pointerenter", cancelHide);
      preview.addEventListener("pointerleave", scheduleHide);
      (link.closest("main, [role=main]") || document.body).appendChild(preview);
      previews[id] = preview;
    }
    return previews[id];
  }

  // Below the link, or above it when it fits only there; never past the
  // sides of the viewport, so the whole meaning can be read.
  function position(box, width, height, viewWidth, viewHeight) {
    var left = Math.min(Math.max(MARGIN, box.left), viewWidth - width - MARGIN);
    var below = box.bottom + MARGIN;
    var top =
      below + height > viewHeight && box.top - MARGIN - height > 0
        ? box.top - MARGIN - height
        : below;
    return { left: Math.max(MARGIN, left), top: top };
  }

  function place(link, preview) {
    var at = position(
      link.getBoundingClientRect(),
      preview.offsetWidth,
      preview.offsetHeight,
      document.documentElement.clientWidth,
      window.innerHeight,
    );
    // Viewport coordinates: a popover is fixed in place, like the top layer.
    preview.style.left = at.left + "px";
    preview.style.top = at.top + "px";
  }

  function show(link, byTouch) {
    cancelHide();
    var preview = previewFor(link);
    if (shown && shown.preview !== preview) hide();
    var more = preview.querySelector(".kb-glossary-preview-more");
    if (byTouch && !more) {
      more = document.createElement("a");
      more.className = "kb-glossary-preview-more";
      more.href = link.href;
      more.textContent = OPEN_LABEL;
      preview.appendChild(document.createTextNode(" "));
      preview.appendChild(more);
    }
    preview.hidden = false;
    if (preview.showPopover && !preview.matches(":popover-open")) preview.showPopover();
    place(link, preview);
    shown = { link: link, preview: preview };
  }

  function hide() {
    cancelHide();
    if (!shown) return;
    if (shown.preview.hidePopover && shown.preview.matches(":popover-open")) {
      shown.preview.hidePopover();
    }
    shown.preview.hidden = true;
    shown = null;
  }

  function scheduleHide() {
    cancelHide();
    hideTimer = window.setTimeout(hide, HIDE_DELAY_MS);
  }

  function cancelHide() {
    if (hideTimer !== null) window.clearTimeout(hideTimer);
    hideTimer = null;
  }

  Array.prototype.forEach.call(links, function (link) {
    var preview = previewFor(link);
    link.setAttribute("aria-describedby", preview.id);
    // The tooltip replaces the browser's own, which would show on top of it.
    link.removeAttribute("title");

    link.addEventListener("pointerenter", function (event) {
      if (event.pointerType === "mouse" || event.pointerType === "pen") show(link, false);
    });
    link.addEventListener("pointerleave", function (event) {
      if (event.pointerType === "mouse" || event.pointerType === "pen") scheduleHide();
    });
    link.addEventListener("focus", function () {
      if (lastPointer !== "touch") show(link, false);
    });
    link.addEventListener("blur", function () {
      if (shown && shown.link === link && lastPointer !== "touch") scheduleHide();
    });
    link.addEventListener("pointerdown", function (event) {
      lastPointer = event.pointerType;
      tapWillOpen = event.pointerType === "touch" && !(shown && shown.link === link);
    });
    link.addEventListener("click", function (event) {
      if (!tapWillOpen) return;
      // First tap: show the meaning here; a second tap follows the link.
      tapWillOpen = false;
      event.preventDefault();
      show(link, true);
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && shown) {
      hide();
    } else if (event.key === "Tab") {
      lastPointer = "keyboard";
    }
  });
  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType;
    if (shown && !shown.link.contains(event.target) && !shown.preview.contains(event.target)) {
      hide();
    }
  });
  function follow() {
    if (shown) place(shown.link, shown.preview);
  }
  window.addEventListener("resize", follow);
  window.addEventListener("scroll", follow, { passive: true, capture: true });

  // For the unit tests in tests/js/, which run this file under node with
  // stand-ins for the page; a browser has no `module`.
  if (typeof module !== "undefined" && module.exports) {
    module.exports = { position: position, termId: termId };
  }
})();
