/*
 * A glossary link shows the term's meaning in place: with a mouse while it
 * hovers, with the keyboard while the link has focus, on a touch screen at
 * the first tap (a second tap follows the link); Esc or a tap elsewhere
 * hides it. The page is a fake one (support/fake-dom.js) with one link, as
 * amitriptyline_kb/pages/glossary_previews.py writes it.
 */
"use strict";

const assert = require("node:assert/strict");
const { test } = require("node:test");

const { fakeWindow, runScript, siteScript } = require("./support/fake-dom");

const SCRIPT = siteScript("pages", "glossary-previews.js");
const MEANING = "Pain caused by damage to, or disease of, the nerves.";

/** A page whose text links "nerve pain" to the glossary. */
const openPage = () => {
  const window = fakeWindow("https://kb.example/safety/index.html", [
    [
      "main",
      {},
      [
        "p",
        {},
        [
          "a",
          {
            class: "kb-term reference internal",
            href: "../glossary.html#term-nerve-pain",
            title: MEANING,
          },
          ["span", { text: "nerve pain" }],
        ],
      ],
    ],
  ]);
  // As the page's <script data-open-label> carries it (source/_data/page-text.yaml).
  window.document.currentScript = { dataset: { openLabel: "Open in the glossary" } };
  const exports = runScript(window, SCRIPT);
  const link = window.document.querySelector("a.kb-term");
  const preview = window.document.getElementById(link.getAttribute("aria-describedby"));
  return { window, document: window.document, exports, link, preview };
};

const shown = (preview) => !preview.hidden && preview.popoverOpen;

// -- Where the preview goes --------------------------------------------------

const placing = openPage().exports;
// Copied out of the page's realm, whose objects deepEqual tells apart.
const position = (...args) => ({ ...placing.position(...args) });
const VIEW = [1000, 800];

test("the preview opens below the link, at its left edge", () => {
  assert.deepEqual(position({ left: 100, top: 50, bottom: 70 }, 200, 80, ...VIEW), {
    left: 100,
    top: 78,
  });
});

test("near the bottom of the screen the preview opens above the link", () => {
  assert.deepEqual(position({ left: 100, top: 700, bottom: 720 }, 200, 80, ...VIEW), {
    left: 100,
    top: 612,
  });
});

test("when it fits neither above nor below, the preview opens below", () => {
  assert.deepEqual(position({ left: 100, top: 60, bottom: 80 }, 200, 760, ...VIEW), {
    left: 100,
    top: 88,
  });
});

test("a link near the right edge keeps the whole preview on screen", () => {
  assert.equal(position({ left: 900, top: 50, bottom: 70 }, 200, 80, ...VIEW).left, 792);
});

test("a link at the left edge keeps a margin", () => {
  assert.equal(position({ left: 2, top: 50, bottom: 70 }, 200, 80, ...VIEW).left, 8);
});

test("a preview wider than the screen starts at its left margin", () => {
  assert.equal(position({ left: 50, top: 50, bottom: 70 }, 400, 80, 300, 800).left, 8);
});

// -- The preview ----------------------------------------------------------------

test("the term is the link's fragment, wherever the page is", () => {
  const { exports, link } = openPage();
  assert.equal(exports.termId(link), "term-nerve-pain");
});

test("the link is described by a hidden tooltip in the main landmark holding the meaning", () => {
  const { document, link, preview } = openPage();
  assert.equal(preview.getAttribute("role"), "tooltip");
  assert.equal(preview.textContent, MEANING);
  assert.ok(document.querySelector("main").contains(preview));
  assert.equal(shown(preview), false);
  // The browser's own tooltip would show on top of it.
  assert.equal(link.hasAttribute("title"), false);
});

test("hovering with a mouse shows the meaning, placed by the link", () => {
  const { link, preview } = openPage();
  link.rect = { left: 100, top: 50, right: 180, bottom: 70 };
  preview.offsetWidth = 200;
  preview.offsetHeight = 80;
  link.fire("pointerenter", { pointerType: "mouse" });
  assert.equal(shown(preview), true);
  assert.deepEqual({ ...preview.style }, { left: "100px", top: "78px" });
});

test("leaving the link hides the meaning after a moment, not at once", () => {
  const { window, link, preview } = openPage();
  link.fire("pointerenter", { pointerType: "mouse" });
  link.fire("pointerleave", { pointerType: "mouse" });
  assert.equal(shown(preview), true);
  window.runTimers();
  assert.equal(shown(preview), false);
});

test("moving from the link onto the preview keeps it open", () => {
  const { window, link, preview } = openPage();
  link.fire("pointerenter", { pointerType: "mouse" });
  link.fire("pointerleave", { pointerType: "mouse" });
  preview.fire("pointerenter", { pointerType: "mouse" });
  window.runTimers();
  assert.equal(shown(preview), true);
});

test("keyboard focus shows the meaning and Esc hides it", () => {
  const { document, link, preview } = openPage();
  link.focus();
  assert.equal(shown(preview), true);
  document.fire("keydown", { key: "Escape" });
  assert.equal(shown(preview), false);
});

test("a first tap shows the meaning with a link to the glossary, instead of following the link", () => {
  const { link, preview } = openPage();
  link.fire("pointerdown", { pointerType: "touch" });
  assert.equal(link.fire("click").defaultPrevented, true);
  assert.equal(shown(preview), true);
  const more = preview.querySelector("a");
  assert.equal(more.textContent, "Open in the glossary");
  assert.equal(more.href, link.href);
});

test("a second tap on the term follows the link", () => {
  const { link } = openPage();
  link.fire("pointerdown", { pointerType: "touch" });
  link.fire("click");
  link.fire("pointerdown", { pointerType: "touch" });
  assert.equal(link.fire("click").defaultPrevented, false);
});

test("a tap elsewhere hides the meaning", () => {
  const { document, link, preview } = openPage();
  link.fire("pointerdown", { pointerType: "touch" });
  link.fire("click");
  document.body.fire("pointerdown", { pointerType: "touch" });
  assert.equal(shown(preview), false);
});

test("on a page without glossary links the script does nothing", () => {
  const window = fakeWindow("https://kb.example/index.html", [
    ["main", {}, ["p", { text: "No terms." }]],
  ]);
  assert.equal(runScript(window, SCRIPT), null);
  assert.equal(window.document.listeners.size, 0);
});
