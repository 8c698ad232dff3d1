/*
 * A query about taking too much or self-harm shows the emergency guidance
 * above every result ("urgent words" of fixtures/search-words.js), and
 * nothing else does.
 */
"use strict";

const assert = require("node:assert/strict");
const { test } = require("node:test");

const { searchPage } = require("./support/search-page");

const page = searchPage();
const { isUrgent } = page.exports;

for (const query of [
  "overdose",
  "OVERDOSE",
  "overdosing on amitriptyline",
  "I took too many tablets",
  "what if I took too much",
  "took a double dose by mistake",
  "thoughts of self-harm",
  "feeling suicidal",
  "swallowed the whole bottle",
])
  test(`'${query}' is urgent`, () => {
    assert.equal(isUrgent(query), true);
  });

for (const query of [
  "tingling",
  "how many tablets a day",
  "much too tired",
  "dose at night",
  "double vision",
  "does it harm the nerves",
])
  test(`'${query}' is not urgent`, () => {
    assert.equal(isUrgent(query), false);
  });

test("an urgent query shows the emergency box and still lists its pages", () => {
  const { urgent, pages } = page.search("I took too many tablets");
  assert.equal(urgent, true);
  assert.equal(pages[0], "safety/taking-too-much");
});

test("another query hides the emergency box again", () => {
  assert.equal(page.search("overdose").urgent, true);
  assert.equal(page.search("tingling").urgent, false);
});

test("the emergency box shows even when the site has no answer", () => {
  const { urgent, pages, summary } = page.search("swallowed whole bottle");
  assert.equal(urgent, true);
  assert.deepEqual(pages, []);
  assert.match(summary, /no answer/);
});
