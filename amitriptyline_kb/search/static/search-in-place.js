/*
 * A search submitted on the search page runs in place.
 *
 * The search form is a plain GET form: submitting it loads search.html?q=...
 * again, with its stylesheets, its scripts and the whole search index, before
 * Sphinx can rank anything (most of the wait of a second search, measured by
 * `make bench`). On the search page, which already has the index, this script
 * catches the submit instead and:
 *
 *   1. puts the query in the address, as the form would (history.pushState),
 *      so the address can be shared and Back returns to the last query;
 *   2. clears the last results, summary line included, so nothing waiting for
 *      the "Search finished" line can take the last search's for this one;
 *   3. runs Sphinx's own search (Search.performSearch), which builds the same
 *      results, summary and headings as loading the page with the query does;
 *   4. moves focus to the results heading, which is described by the summary
 *      line, so a screen reader says how many pages were found.
 *
 * Back and Forward between queries show the results of the address's query.
 * Without JavaScript, and on every other page, the form loads the search page
 * as before. It uses these parts of Sphinx 9.0's searchtools.js: Search.init's
 * reading of the query, Search.performSearch, Search.title, Search.status and
 * _removeChildren.
 */
"use strict";

(() => {
  const results = document.getElementById("search-results");
  if (typeof Search === "undefined" || !results) return;

  const SUMMARY_ID = "search-summary";

  /** The query of an address, as Search.init reads it: null when none. */
  const queryOf = (address) => new URL(address).searchParams.get("q");

  // The query whose results are on the page.
  let shownQuery = queryOf(location.href);

  // Every search, the first as much as later ones, gets a heading that can
  // take focus and that the summary line describes: the page is the same
  // whichever way the search started.
  const performSearch = Search.performSearch;
  Search.performSearch = (query) => {
    performSearch(query);
    Search.status.id = SUMMARY_ID;
    Search.title.tabIndex = -1;
    Search.title.setAttribute("aria-describedby", SUMMARY_ID);
  };

  /** Show the results of `query` as loading the page with it does. */
  const show = (query) => {
    shownQuery = query;
    _removeChildren(results);
    document.querySelectorAll('input[name="q"]').forEach((box) => (box.value = query));
    if (query) Search.performSearch(query);
  };

  const focusResults = () => results.querySelector("h2")?.focus();

  /** Where `form` would go when submitted, if that is this page; else null. */
  const addressOnThisPage = (form, submitter) => {
    if (form.method !== "get" || (form.target && form.target !== "_self")) return null;
    const address = new URL(form.action);
    if (address.origin !== location.origin || address.pathname !== location.pathname) return null;
    address.search = new URLSearchParams(new FormData(form, submitter)).toString();
    // An action of "#" leaves an empty fragment that means nothing.
    if (!address.hash) address.hash = "";
    return address;
  };

  document.addEventListener("submit", (event) => {
    if (event.defaultPrevented) return;
    const address = addressOnThisPage(event.target, event.submitter);
    if (!address || !address.searchParams.has("q")) return;
    event.preventDefault();
    // The same address again reloads in place of itself, as the form would.
    if (address.href === location.href) history.replaceState(null, "", address);
    else history.pushState(null, "", address);
    show(address.searchParams.get("q"));
    focusResults();
  });

  addEventListener("popstate", () => {
    const query = queryOf(location.href);
    // Moving between anchors of the page leaves the results as they are.
    if (query === shownQuery) return;
    // Focus on a result that is about to go would be lost to the page's top.
    const hadFocus = results.contains(document.activeElement);
    show(query);
    if (hadFocus) focusResults();
  });

  // For the unit tests in tests/js/, which run this file under node with
  // stand-ins for the search page; a browser has no `module`.
  if (typeof module !== "undefined" && module.exports)
    module.exports = { addressOnThisPage, queryOf };
})();
