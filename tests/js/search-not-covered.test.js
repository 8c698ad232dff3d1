/*
 * When the site has no answer, the search page says so in one sentence,
 * naming what found nothing, instead of listing every page that has the
 * query's common words.
 */
"use strict";

const assert = require("node:assert/strict");
const { test } = require("node:test");

const { NOT_COVERED, searchPage } = require("./support/search-page");

const page = searchPage();
const noAnswerAbout = (words) => NOT_COVERED.replace("{words}", words);

test("'amitriptyline price' lists nothing and says the site has no answer about the price", () => {
  // Almost every page says "amitriptyline"; no page says "price".
  const { pages, summary } = page.search("amitriptyline price");
  assert.deepEqual(pages, []);
  assert.equal(
    summary,
    "This site has no answer about “price”: ask a pharmacist, or read the leaflet that comes with the medicine.",
  );
});

test("the sentence names the words as the reader typed them", () => {
  assert.equal(page.search("amitriptyline prices").summary, noAnswerAbout("prices"));
});

test("a word no page has is named", () => {
  assert.equal(page.search("xylophone").summary, noAnswerAbout("xylophone"));
});

test("question and filler words are left out of the sentence", () => {
  assert.equal(page.search("how much does it cost").summary, noAnswerAbout("cost"));
});

test("a query of question words only is named whole", () => {
  assert.equal(page.search("how is it").summary, noAnswerAbout("how is it"));
});

test("a missing word beside a word few pages have still lists those pages", () => {
  const { pages, summary } = page.search("tingling price");
  assert.equal(pages[0], "symptoms");
  assert.equal(summary, "Search finished, found 2 pages matching the search query.");
});

test("without the page's own sentence a plain one is said", () => {
  const bare = searchPage({ notCoveredSentence: false });
  assert.equal(
    bare.search("amitriptyline price").summary,
    'This site has no answer about "price".',
  );
});

test("the sentence fills in the page's wording with the words that found nothing", () => {
  const { answer, notCoveredSentence } = page.exports;
  const { ranked, notCovered } = answer(page.index, "amitriptyline price");
  // An array of the page's own realm: its length, not deepEqual, says it is empty.
  assert.equal(ranked.length, 0);
  assert.equal(
    notCoveredSentence(notCovered, "amitriptyline price", "Nothing here on {words}."),
    "Nothing here on price.",
  );
});
