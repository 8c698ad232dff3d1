/*
 * The glossary says what a word means; a page explains the topic. So the
 * glossary never ranks above a page that has as much of what was asked
 * (fixtures/searchindex.js: "Side effects" says "constipation" only in its
 * text; the glossary has it as a term, which alone would count for more).
 */
"use strict";

const assert = require("node:assert/strict");
const { test } = require("node:test");

const { searchPage } = require("./support/search-page");

const page = searchPage();

test("the page that mentions a topic ranks above the glossary's entry for it", () => {
  assert.deepEqual(page.search("constipation").pages, ["safety/side-effects", "glossary"]);
});

test("the glossary's entry still links to the word's meaning", () => {
  const { results } = page.search("constipation");
  assert.equal(results[1].href, "glossary.html#term-constipation");
});

test("every page with the whole query ranks above the glossary", () => {
  const { pages } = page.search("amitriptyline tingling");
  assert.deepEqual(pages.slice(0, 2), ["symptoms", "glossary"]);
});

test("the glossary stays above a page that has less of the query", () => {
  // Only the glossary is titled "Glossary"; the side-effects page has
  // constipation but not the rest.
  assert.equal(page.search("glossary constipation").pages[0], "glossary");
});

test("a word only the glossary explains still finds the glossary", () => {
  // "Overdose" is the glossary's term and the keyword of "Taking too much".
  assert.deepEqual(page.search("overdose").pages, ["safety/taking-too-much", "glossary"]);
});
