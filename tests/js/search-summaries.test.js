/*
 * Under each result, the search page shows the first words of the section
 * the result links to, as the build wrote them (fixtures/search-summaries.js),
 * and fetches no page for them: a page opened from disk may not fetch
 * another. Sphinx's own summary, fetched from the page, is what a page the
 * build wrote no summaries for still gets.
 */
"use strict";

const assert = require("node:assert/strict");
const { test } = require("node:test");

const { searchPage } = require("./support/search-page");

const page = searchPage({ summaries: true });

test("a result linked to a section shows that section's words", () => {
  const { results, summaries } = page.search("dry mouth");
  assert.equal(results[0].href, "safety/side-effects.html#dry-mouth");
  assert.equal(summaries[0], "A dry mouth is common. Sip water, or chew sugar-free gum.");
});

test("a result linked to another section of the same page shows that one's words", () => {
  const { results, summaries } = page.search("feeling sleepy");
  assert.equal(results[0].href, "safety/side-effects.html#feeling-sleepy");
  assert.equal(summaries[0], "You may feel sleepy at first. Take it in the evening.");
});

test("a result linked to a page's keywords shows the words at the top of the page", () => {
  const { results, summaries } = page.search("overdose");
  assert.equal(results[0].href, "safety/taking-too-much.html#index-0");
  assert.equal(summaries[0], "Taking too much amitriptyline is dangerous, even if you feel well.");
});

test("a result linked to a glossary term shows what the term means", () => {
  const { results, summaries } = page.search("overdose");
  assert.equal(results[1].href, "glossary.html#term-overdose");
  assert.equal(summaries[1], "overdose: Taking more of a medicine than is safe.");
});

test("a result linked to the top of a page shows the page's first words", () => {
  const { results, summaries } = page.search("driving");
  assert.equal(results[0].href, "safety/alcohol-and-driving.html");
  assert.equal(
    summaries[0],
    "Alcohol makes the sleepiness worse. Do not drive if you feel sleepy.",
  );
});

test("every result has its summary, and no page is fetched for one", () => {
  const before = page.fetched.length;
  const { pages, summaries } = page.search("nerve pain");
  assert.ok(pages.length > 1, `got ${pages}`);
  assert.ok(
    summaries.every((summary) => summary),
    `results without a summary: ${pages.filter((_, i) => !summaries[i])}`,
  );
  assert.equal(page.fetched.length, before);
});

test("the words the reader typed are highlighted in the summaries", () => {
  page.highlightedInSummaries.length = 0;
  page.search("dry mouth");
  assert.ok(page.highlightedInSummaries.includes("dry"), `got ${page.highlightedInSummaries}`);
  assert.ok(page.highlightedInSummaries.includes("mouth"));
});

test("a page the build wrote no summaries for gets Sphinx's, fetched from the page", () => {
  // "How to take amitriptyline" is not in fixtures/search-summaries.js.
  const { pages, results, summaries } = page.search("miss a dose");
  const at = pages.indexOf("how-to-take");
  assert.ok(at >= 0, `got ${pages}`);
  assert.equal(summaries[at], null);
  assert.ok(page.fetched.includes("./how-to-take.html"), `fetched ${page.fetched}`);
  assert.equal(results[at].href, "how-to-take.html#if-you-miss-a-dose");
});

test("without the summaries file every result's page is fetched, as Sphinx does", () => {
  const plain = searchPage({ summaries: "none" });
  const { pages } = plain.search("dry mouth");
  assert.deepEqual(
    plain.fetched,
    pages.map((name) => `./${name}.html`),
  );
});

test("with Sphinx's summaries switched off, no summary is shown and nothing fetched", () => {
  const off = searchPage();
  const { pages, summaries } = off.search("dry mouth");
  assert.ok(pages.length);
  assert.deepEqual(
    summaries,
    pages.map(() => null),
  );
  assert.deepEqual(off.fetched, []);
});
