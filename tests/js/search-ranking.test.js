/*
 * search-answers.js ranks the pages of a small search index
 * (fixtures/searchindex.js) as a reader would rank them: the page about what
 * was asked first, the section that answers linked to, passing mentions left
 * out. The search runs as on the search page, with Sphinx's own
 * searchtools.js, stop words and stemmer (support/search-page.js).
 */
"use strict";

const assert = require("node:assert/strict");
const { test } = require("node:test");

const { fakeWindow, runScript, siteScript } = require("./support/fake-dom");
const { searchPage } = require("./support/search-page");

const page = searchPage();

test("the page titled 'Taking too much' ranks first for 'overdose'", () => {
  assert.equal(page.search("overdose").pages[0], "safety/taking-too-much");
});

test("'overdose' also lists the glossary's entry, but not a page that mentions it in passing", () => {
  // "How to take amitriptyline" says "overdose" once in its text only.
  assert.deepEqual(page.search("overdose").pages, ["safety/taking-too-much", "glossary"]);
});

test("a page found by its keywords links to where its keywords are", () => {
  assert.equal(page.search("overdose").results[0].href, "safety/taking-too-much.html#index-0");
});

test("a heading that holds the whole query ranks first and the result links to its section", () => {
  assert.deepEqual(page.search("physical therapy").results[0], {
    href: "treatments.html#physical-therapy",
    title: "Other treatments > Physical therapy",
  });
});

test("the page whose title names the query ranks above one that only lists it in its keywords", () => {
  // "Side effects" has alcohol in its keywords; "Alcohol and driving" is about it.
  assert.deepEqual(page.search("alcohol").pages, [
    "safety/alcohol-and-driving",
    "safety/side-effects",
  ]);
});

test("the page with every word of the query ranks above a page with only one of them", () => {
  const { pages, results } = page.search("dry mouth alcohol");
  assert.equal(pages[0], "safety/side-effects");
  assert.equal(results[0].href, "safety/side-effects.html#dry-mouth");
  const alcoholPage = pages.indexOf("safety/alcohol-and-driving");
  assert.ok(alcoholPage === -1 || alcoholPage > 0, `got ${pages}`);
});

test("a word on nearly every page counts for little beside a rare one", () => {
  // Every page but one says "amitriptyline"; two say "tingling".
  assert.deepEqual(page.search("amitriptyline tingling").pages.slice(0, 2), [
    "symptoms",
    "glossary",
  ]);
});

test("a word that no page uses does not keep the others from finding their page", () => {
  const { pages, summary } = page.search("tingling feet");
  assert.equal(pages[0], "symptoms");
  assert.match(summary, /^Search finished/);
});

test("the start of a long word finds the pages with the word", () => {
  assert.deepEqual(page.search("gaba").pages, ["treatments"]);
});

test("each page is listed once, however many of its headings and entries match", () => {
  const { pages } = page.search("nerve pain");
  assert.ok(pages.includes("symptoms") && pages.includes("index"), `got ${pages}`);
  assert.equal(new Set(pages).size, pages.length, `got ${pages}`);
});

test("Sphinx's own summary line counts the pages shown", () => {
  assert.equal(
    page.search("overdose").summary,
    "Search finished, found 2 pages matching the search query.",
  );
});

test("the opened page highlights the words the reader typed", () => {
  assert.deepEqual(page.search("physical therapy").highlighted, ["physical", "therapy"]);
});

test("a query typed before the index has loaded is answered once it arrives", () => {
  const early = searchPage({ loadIndex: false });
  assert.deepEqual(early.search("overdose").pages, []);
  early.loadIndex();
  assert.equal(early.shown().pages[0], "safety/taking-too-much");
});

test("on a page without Sphinx's search the script does nothing", () => {
  const script = siteScript("search", "search-answers.js");
  // No Search, no stemmer: the script must return before it needs either.
  assert.equal(runScript(fakeWindow("https://kb.example/index.html"), script), null);
});
