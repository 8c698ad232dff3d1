/*
 * Readers' own words find the pages that use the site's words for the same
 * thing (fixtures/search-words.js holds the synonyms; no page of
 * fixtures/searchindex.js says "pins", "needles", "tired" or "lyrica").
 */
"use strict";

const assert = require("node:assert/strict");
const { test } = require("node:test");

const { searchPage } = require("./support/search-page");

const page = searchPage();

test("'pins and needles' finds the section about tingling", () => {
  assert.deepEqual(page.search("pins and needles").results[0], {
    href: "symptoms.html#tingling-and-numbness",
    title: "Nerve pain symptoms > Tingling and numbness",
  });
});

test("a phrase wins over a shorter synonym it starts with, whatever their order in the file", () => {
  // "needles" alone means acupuncture; "needles and pins" means tingling.
  const { pages } = page.search("needles and pins");
  assert.equal(pages[0], "symptoms");
  assert.ok(!pages.includes("treatments"), `got ${pages}`);
});

test("'needles' alone finds the acupuncture section", () => {
  assert.deepEqual(page.search("needles").results, [
    { href: "treatments.html#acupuncture", title: "Other treatments > Acupuncture" },
  ]);
});

test("a reader's word with two site words finds the pages of either", () => {
  // "tired" is "drowsy" or "sleepy": "Feeling sleepy" is a heading of the
  // side-effects page; "Alcohol and driving" says "drowsy".
  const { pages, results } = page.search("tired");
  assert.deepEqual(pages, ["safety/side-effects", "safety/alcohol-and-driving"]);
  assert.equal(results[0].href, "safety/side-effects.html#feeling-sleepy");
});

test("a brand name finds the medicine the pages name", () => {
  assert.equal(page.search("lyrica").results[0].href, "treatments.html#pregabalin-and-gabapentin");
});

test("a phrase of stop and filler words counts ('too much' is an overdose)", () => {
  // Sphinx drops "too"; "much" is a filler word: only the phrase finds the page.
  assert.equal(page.search("what if I took too much").pages[0], "safety/taking-too-much");
});

test("a phrase counts only with its words in order ('much too tired' is about tiredness)", () => {
  const { pages } = page.search("much too tired");
  assert.equal(pages[0], "safety/side-effects");
  assert.ok(!pages.includes("safety/taking-too-much"), `got ${pages}`);
});

test("capitals make no difference", () => {
  assert.equal(page.search("Pins And Needles").pages[0], "symptoms");
});

test("question and filler words are ignored", () => {
  const { pages, summary } = page.search("can I get tingling");
  assert.equal(pages[0], "symptoms");
  assert.match(summary, /^Search finished/);
});

test("the opened page highlights the reader's words and the site's", () => {
  const { highlighted } = page.search("pins and needles");
  for (const word of ["pins", "needles", "tingling"])
    assert.ok(highlighted.includes(word), `${word} not in ${highlighted}`);
});

test("a phrase is read as one thing asked, other words as one thing each", () => {
  const { concepts } = page.exports;
  assert.equal(concepts("pins and needles").length, 1);
  assert.equal(concepts("tingling pins and needles").length, 2);
});
