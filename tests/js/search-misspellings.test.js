/*
 * A misspelt word finds the word the pages use, when it is close enough for
 * its length; a word a page has is always read as typed. The pages are
 * those of fixtures/searchindex.js, which spells every word right.
 */
"use strict";

const assert = require("node:assert/strict");
const { test } = require("node:test");

const { searchPage } = require("./support/search-page");

const page = searchPage();
const { editDistance, isUrgent } = page.exports;

for (const [typed, meant, how] of [
  ["alchohol", "alcohol", "a letter added"],
  ["pregablin", "pregabalin", "a letter dropped"],
  ["acupunture", "acupuncture", "a letter dropped"],
  ["alcohlo", "alcohol", "two letters swapped"],
  ["tablit", "tablet", "one vowel for another"],
  ["gabbapentinn", "gabapentin", "two letters added to a long word"],
  ["neuropahty", "neuropathy", "two letters swapped in a long word"],
  ["withdrawl", "withdrawal", "a letter dropped"],
  ["drowsyness", "drowsiness", "one vowel for another"],
])
  test(`'${typed}' (${how}) finds what '${meant}' finds`, () => {
    const found = page.search(typed);
    assert.ok(found.pages.length, `'${typed}' found nothing`);
    assert.deepEqual(found.pages, page.search(meant).pages);
  });

test("the misspellings of amitriptyline readers type most find what it finds", () => {
  const expected = page.search("amitriptyline").pages;
  for (const typed of ["amitriptiline", "amitryptyline", "amitryptiline", "amitriptylene"])
    assert.deepEqual(page.search(typed).pages, expected, typed);
});

test("a misspelt word next to a word spelt right finds the page with both", () => {
  const { results } = page.search("dry mouht");
  assert.equal(results[0].href, "safety/side-effects.html#dry-mouth");
});

test("a misspelt word is highlighted as the word it was read as", () => {
  assert.ok(page.search("alchohol").highlighted.includes("alcohol"));
});

test("a word a page has is read as typed, not as a word a letter away", () => {
  // "heat" is on "Other treatments"; "heart" on two other pages.
  assert.deepEqual(page.search("heat").pages, ["treatments"]);
});

test("a word of fewer than four letters is never read as another", () => {
  // "pian" is "pain" with two letters swapped; "pai" is three letters.
  assert.ok(page.search("pian").pages.includes("symptoms"));
  assert.deepEqual(page.search("pai").pages, []);
});

test("in a short word, a changed letter other than a vowel makes another word", () => {
  // "mouth" with its "t" changed, and "dose" with its "d": not misspellings.
  assert.deepEqual(page.search("mouch").pages, []);
  assert.deepEqual(page.search("nose").pages, []);
});

test("a word further from every page's words than its length allows finds nothing", () => {
  // Three letters changed in "acupuncture", two in the six letters of "tablet".
  assert.deepEqual(page.search("acapunktire").pages, []);
  assert.deepEqual(page.search("tobleet").pages, []);
});

test("a misspelt word that finds its page still counts less than one spelt right", () => {
  // "alcohol" is the word the side-effects page's keywords name; misspelt,
  // the page still ranks, but the query spelt right scores it higher.
  const right = page.exports.answer(page.index, "alcohol").ranked[0];
  const wrong = page.exports.answer(page.index, "alchohol").ranked[0];
  assert.equal(wrong.file, right.file);
  assert.ok(wrong.score < right.score, `${wrong.score} is not below ${right.score}`);
});

test("a misspelt urgent word still shows the emergency guidance", () => {
  for (const query of ["sucidal", "I took an overdoes", "overdoze"])
    assert.equal(isUrgent(query), true, query);
  assert.equal(page.search("sucidal").urgent, true);
});

test("a word a page has is not read as an urgent word it is close to", () => {
  // "dose" is on two pages, and one edit from nothing urgent; "tablet" is a
  // page's word, not a misspelling of an urgent one.
  for (const query of ["dose", "miss a dose", "tablet"]) assert.equal(isUrgent(query), false);
});

test("edits are counted as Damerau-Levenshtein counts them", () => {
  assert.equal(editDistance("withdrawl", "withdraw", 2), 1, "a letter dropped");
  assert.equal(editDistance("cost", "coat", 1, true), 2, "in a short word, a letter for a vowel");
  assert.equal(editDistance("cost", "coat", 1), 1, "in a long one, any letter for another");
  assert.equal(editDistance("nueropathi", "neuropathi", 2), 1, "two letters swapped");
  assert.equal(editDistance("pregnent", "pregnant", 2), 1, "one letter changed");
  assert.equal(editDistance("acupunktire", "acupunctur", 2), 3, "more than the most is most + 1");
});
