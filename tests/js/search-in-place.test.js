/*
 * A search submitted on the search page runs in place: the address changes
 * as the form would change it, the new results replace the last ones, focus
 * goes to their heading, and Back shows the last query's results again.
 * The page is the search page of support/search-page.js, with
 * search-in-place.js loaded after search-answers.js, as the site loads them.
 */
"use strict";

const assert = require("node:assert/strict");
const { test } = require("node:test");

const { fakeWindow, runScript, siteScript } = require("./support/fake-dom");
const { searchPage } = require("./support/search-page");

const ADDRESS = "https://kb.example/search.html?q=tingling";

/** The search page as a reader opens it from a search for "tingling". */
const openedPage = () => {
  const page = searchPage({ address: ADDRESS, inPlace: true });
  page.load();
  return page;
};

test("the query of an address is its q parameter, or none", () => {
  const { queryOf } = openedPage().inPlace;
  assert.equal(queryOf("https://kb.example/search.html?q=pins+and+needles"), "pins and needles");
  assert.equal(queryOf("https://kb.example/search.html"), null);
});

test("a form that would load this page gives the address it would load", () => {
  const page = openedPage();
  const form = page.document.build(["form", { action: "search.html" }, ["input", { name: "q" }]]);
  form.querySelector("input").value = "too much";
  assert.equal(
    page.inPlace.addressOnThisPage(form, null).href,
    "https://kb.example/search.html?q=too+much",
  );
});

test("an action of '#' leaves no empty fragment in the address", () => {
  const page = openedPage();
  const form = page.document.build(["form", { action: "search.html#" }, ["input", { name: "q" }]]);
  assert.equal(
    page.inPlace.addressOnThisPage(form, null).href,
    "https://kb.example/search.html?q=",
  );
});

for (const [why, attributes] of [
  ["goes to another page", { action: "index.html" }],
  ["goes to another site", { action: "https://elsewhere.example/search.html" }],
  ["posts", { action: "search.html", method: "post" }],
  ["opens a new tab", { action: "search.html", target: "_blank" }],
])
  test(`a form that ${why} is left to the browser`, () => {
    const page = openedPage();
    const form = page.document.build(["form", attributes, ["input", { name: "q" }]]);
    assert.equal(page.inPlace.addressOnThisPage(form, null), null);
  });

test("the first search, from the address, has a heading that can take focus", () => {
  const page = openedPage();
  const heading = page.document.getElementById("search-results").querySelector("h2");
  assert.equal(heading.tabIndex, -1);
  assert.equal(heading.getAttribute("aria-describedby"), "search-summary");
  assert.match(page.document.getElementById("search-summary").textContent, /^Search finished/);
});

test("a search from the page runs in place, with its query in the address", () => {
  const page = openedPage();
  const submit = page.submit("overdose");
  assert.equal(submit.defaultPrevented, true, "the browser would have loaded the page");
  assert.equal(page.window.location.href, "https://kb.example/search.html?q=overdose");
  assert.equal(page.window.history.entries.length, 2);
  assert.equal(page.shown().pages[0], "safety/taking-too-much");
});

test("the new results replace the last ones, and focus goes to their heading", () => {
  const page = openedPage();
  page.submit("overdose");
  const results = page.document.getElementById("search-results");
  assert.equal(results.querySelectorAll("h2").length, 1);
  assert.equal(results.querySelectorAll("ul").length, 1);
  assert.equal(page.document.activeElement, results.querySelector("h2"));
});

test("searching again for the same address replaces it in the history", () => {
  const page = openedPage();
  page.submit("tingling");
  assert.deepEqual([...page.window.history.entries], [ADDRESS]);
});

test("Back shows the last query's results and puts it in the search box", () => {
  const page = openedPage();
  page.submit("overdose");
  page.window.history.back();
  assert.equal(page.shown().pages[0], "symptoms");
  assert.equal(page.document.querySelector("form").querySelector("input").value, "tingling");
});

test("Back keeps focus on the results when it was on a result", () => {
  const page = openedPage();
  page.submit("overdose");
  page.document.getElementById("search-results").querySelector("a").focus();
  page.window.history.back();
  const heading = page.document.getElementById("search-results").querySelector("h2");
  assert.equal(page.document.activeElement, heading);
});

test("Back leaves focus where it was when it was not on the results", () => {
  const page = openedPage();
  page.submit("overdose");
  const box = page.document.querySelector("form").querySelector("input");
  box.focus();
  page.window.history.back();
  assert.equal(page.document.activeElement, box);
});

test("moving to an anchor of the same query leaves the results as they are", () => {
  const page = openedPage();
  const list = page.document.getElementById("search-results").querySelector("ul");
  page.window.history.pushState(null, "", `${ADDRESS}#search-results`);
  page.window.fire("popstate");
  assert.equal(page.document.getElementById("search-results").querySelector("ul"), list);
});

test("a submit another script has handled is left alone", () => {
  const page = openedPage();
  const form = page.document.querySelector("form");
  form.addEventListener("submit", (event) => event.preventDefault());
  form.querySelector("input").value = "overdose";
  form.fire("submit", { submitter: null });
  assert.equal(page.window.location.href, ADDRESS);
});

test("on a page without search results the script does nothing", () => {
  const script = siteScript("search", "search-in-place.js");
  const window = fakeWindow("https://kb.example/index.html");
  window.Search = {};
  assert.equal(runScript(window, script), null);
  assert.equal(window.document.listeners.size, 0);
});
