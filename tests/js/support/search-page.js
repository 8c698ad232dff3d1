/*
 * The site's search page under node: Sphinx's own searchtools.js and English
 * language data (stop words and stemmer), taken from the Sphinx that builds
 * the site, then search-answers.js, then a search index, in the order the
 * page loads them. A search runs the way the search page runs one; the test
 * reads the results, the summary line and the emergency box afterwards.
 */
"use strict";

const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const { fakeWindow, runScript, siteScript } = require("./fake-dom");

const ROOT = path.resolve(__dirname, "..", "..", "..");
const SCRIPT = siteScript("search", "search-answers.js");
const IN_PLACE = siteScript("search", "search-in-place.js");
const FIXTURES = path.join(__dirname, "..", "fixtures");
const PYTHON = path.join(ROOT, ".venv", "bin", "python");

// Sphinx writes the stop words into each build's language_data.js, and copies
// its stemmer in beside them; its Python knows where both are. Asked once per
// test file: the answer does not change while the tests run.
const ASK_SPHINX = `
import json
from pathlib import Path
import sphinx
from sphinx.search import _MINIFIED_JS_PATH
from sphinx.search.en import SearchEnglish
print(json.dumps({
    "searchtools": str(Path(sphinx.__file__).parent / "themes/basic/static/searchtools.js"),
    "stemmers": [str(_MINIFIED_JS_PATH / name)
                 for name in ("base-stemmer.js", SearchEnglish.js_stemmer_rawcode)],
    "stemmer_name": SearchEnglish.language_name + "Stemmer",
    "stopwords": sorted(SearchEnglish.stopwords),
}))
`;
let sphinxFiles = null;
const sphinx = () => {
  if (!fs.existsSync(PYTHON))
    throw new Error(`${PYTHON} is missing: run \`make\` once to create .venv with Sphinx`);
  sphinxFiles ??= JSON.parse(execFileSync(PYTHON, ["-c", ASK_SPHINX], { encoding: "utf-8" }));
  return sphinxFiles;
};

/** The language_data.js that Sphinx writes for an English site. */
const languageData = () => {
  const { stemmers, stemmer_name, stopwords } = sphinx();
  return [
    `const stopwords = new Set(${JSON.stringify(stopwords)});`,
    "window.stopwords = stopwords;",
    ...stemmers.map((file) => fs.readFileSync(file, "utf-8")),
    `window.Stemmer = ${stemmer_name};`,
  ].join("\n");
};

// The parts of source/_templates/search.html and of furo's search page that
// the scripts find by id.
const NOT_COVERED =
  "This site has no answer about “{words}”: ask a pharmacist, or read the leaflet that comes with the medicine.";
const pageBody = ({ notCoveredSentence }) => [
  [
    "main",
    { role: "main" },
    ["section", { id: "kb-search-urgent", hidden: true }],
    ...(notCoveredSentence
      ? [["p", { id: "kb-not-covered", hidden: true, "data-text": NOT_COVERED }]]
      : []),
    ["form", { action: "search.html", method: "get" }, ["input", { name: "q" }]],
    ["p", { id: "search-progress" }],
    ["div", { id: "search-results" }],
  ],
];

/**
 * A search page at `address` with the index in `index` (a file in
 * tests/js/fixtures/) and the site's words in `words`.
 * `notCoveredSentence: false` leaves out the page's "no answer" sentence;
 * `loadIndex: false` leaves the index to page.loadIndex(), as when it
 * arrives after the reader's query; `inPlace: true` adds search-in-place.js,
 * whose exports are then page.inPlace. `summaries: true` shows a summary
 * under each result, as the site does, with the sections' first words in
 * fixtures/search-summaries.js (`summaries: "none"`: without that file);
 * the pages the search fetches instead are in page.fetched.
 */
function searchPage({
  address = "https://kb.example/search.html",
  index = "searchindex.js",
  words = "search-words.js",
  notCoveredSentence = true,
  loadIndex = true,
  inPlace = false,
  summaries = false,
} = {}) {
  const context = fakeWindow(address, pageBody({ notCoveredSentence }));
  const stored = new Map();
  const fetched = [];
  const highlighted = [];
  Object.assign(context, {
    // What Sphinx's other scripts (doctools.js, documentation_options.js,
    // sphinx_highlight.js) give searchtools.js.
    DOCUMENTATION_OPTIONS: {
      BUILDER: "html",
      FILE_SUFFIX: ".html",
      LINK_SUFFIX: ".html",
      SHOW_SEARCH_SUMMARY: Boolean(summaries),
    },
    SPHINX_HIGHLIGHT_ENABLED: true,
    Documentation: {
      gettext: (text) => text,
      ngettext: (one, many, count) => (count === 1 ? one : many),
    },
    _: (text) => text,
    _ready: () => {},
    localStorage: {
      getItem: (key) => stored.get(key) ?? null,
      setItem: (key, value) => stored.set(key, String(value)),
    },
    // A page that is never answered: the test sees what was asked for.
    fetch: (url) => {
      fetched.push(url);
      return new Promise(() => {});
    },
    // sphinx_highlight.js's, which marks `term` in the text under `node`.
    _highlightText: (node, term) => highlighted.push(term),
  });
  context.document.documentElement.dataset.content_root = "./";
  vm.runInContext(languageData(), context, { filename: "language_data.js" });
  const { searchtools } = sphinx();
  vm.runInContext(fs.readFileSync(searchtools, "utf-8"), context, { filename: searchtools });
  runScript(context, path.join(FIXTURES, words));
  if (summaries === true) runScript(context, path.join(FIXTURES, "search-summaries.js"));
  const exports = runScript(context, SCRIPT);
  const inPlaceExports = inPlace ? runScript(context, IN_PLACE) : null;
  const Search = vm.runInContext("Search", context);
  const document = context.document;
  const page = {
    exports,
    inPlace: inPlaceExports,
    window: context,
    fetched,
    /** The words highlighted in the results' summaries. */
    highlightedInSummaries: highlighted,
    document,
    Search,
    /** The index as the page holds it, for the exported functions. */
    get index() {
      return Search._index;
    },
    loadIndex: () => runScript(context, path.join(FIXTURES, index)),
    /** Search as the page does, in place of the last search's results. */
    search(query) {
      const results = document.getElementById("search-results");
      for (const child of [...results.childNodes]) results.removeChild(child);
      Search.performSearch(query);
      return page.shown();
    },
    /** What the page does when it has loaded: search for the address's query. */
    load: () => Search.init(),
    /** Type `query` into the page's search box and press Enter: the event,
     *  which says whether a script kept the browser from loading the page. */
    submit(query) {
      const form = document.querySelector("form");
      form.querySelector("input").value = query;
      return form.fire("submit", { submitter: null });
    },
    /** What the page shows now. */
    shown() {
      const results = document.getElementById("search-results");
      const list = results.querySelector("ul");
      const links = list ? list.children.map((item) => item.querySelector("a")) : [];
      return {
        results: links.map((link) => ({
          href: link.getAttribute("href"),
          title: link.textContent,
        })),
        /** The text under each result; null where there is none. */
        summaries: list
          ? list.children.map((item) => item.querySelector("p.context")?.textContent ?? null)
          : [],
        pages: links.map((link) =>
          link
            .getAttribute("href")
            .split("#")[0]
            .replace(/\.html$/, ""),
        ),
        summary: results.querySelector("p")?.textContent ?? "",
        urgent: !document.getElementById("kb-search-urgent").hidden,
        highlighted: (stored.get("sphinx_highlight_terms") ?? "").split(" ").filter(Boolean),
      };
    },
  };
  if (loadIndex) page.loadIndex();
  return page;
}

module.exports = { searchPage, NOT_COVERED };
