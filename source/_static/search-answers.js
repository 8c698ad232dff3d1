/*
 * Search that answers readers' own words: symptoms, brand names,
 * abbreviations and whole questions.
 *
 * Sphinx's search (searchtools.js) keeps a page only if it contains every
 * word of the query, and knows no other words for a thing, so "how long does
 * it take to work" or "tingling feet" find nothing. This script replaces the
 * ranking step of Sphinx's search on the search page. It still reads Sphinx's
 * own search index and shows results with Sphinx's own code, so the page,
 * its summaries and its "Search finished" line stay as they were. It:
 *
 *   1. reads the query as words, and swaps in the site's words for a
 *      reader's ("pins and needles" is also "tingling"), from
 *      source/_data/search-synonyms.yaml, given to this page as
 *      KB_SEARCH_WORDS;
 *   2. drops question and filler words ("how", "can", "does"), and words that
 *      no page uses ("feet" in "tingling feet");
 *   3. ranks every page that matches ANY remaining word: a word in the page
 *      title counts most, then the page's index entries and `keywords:`,
 *      then section headings, then glossary terms, then body text; rare
 *      words count more than common ones; a page that matches more of the
 *      query ranks higher; a heading or index entry that holds the whole
 *      query adds more, and the result links to that section;
 *   4. shows one result per page.
 *
 * Everything happens in the browser from the hosted files: no server.
 * It uses these parts of Sphinx 9.0's searchtools.js: Search._index,
 * Search.query, _displayItem, _finishSearch, splitQuery, Stemmer, stopwords.
 * tests/test_search.py fails if a Sphinx upgrade changes them.
 */
"use strict";

(() => {
  if (typeof Search === "undefined") return;

  // How much one query word counts, by where a page has it.
  const WEIGHT = {
    pageTitle: 10,
    indexEntry: 8,
    sectionTitle: 6,
    glossaryTerm: 3,
    text: 2,
  };
  // A word that only starts a page's word ("physio" in "physiotherapy").
  const PREFIX_FACTOR = 0.5;
  const MIN_PREFIX_LENGTH = 4;
  // A title, heading or index entry that holds the whole query, in order,
  // adds this many times its weight.
  const PHRASE_FACTOR = 1.5;
  // Results scoring less than this share of the best are not shown.
  const MIN_SHARE_OF_BEST = 0.15;
  const MAX_RESULTS = 20;

  const words = window.KB_SEARCH_WORDS || { synonyms: [], filler: [] };
  const stemmer = new Stemmer();
  const stemCache = new Map();
  const stem = (word) => {
    if (!stemCache.has(word)) stemCache.set(word, stemmer.stemWord(word));
    return stemCache.get(word);
  };

  /** Lower-case words of `text`, without Sphinx's stop words, stemmed. */
  const stems = (text) =>
    splitQuery(text.toLowerCase())
      .filter((word) => !stopwords.has(word) && !/^\d+$/.test(word))
      .map(stem);

  const filler = new Set(words.filler.map(stem));
  // Each synonym: the reader's words as stems, and the site's words for them.
  const synonyms = words.synonyms
    .map(([said, meant]) => ({
      said: stems(said),
      meant: meant.map(stems),
      highlight: [said, ...meant].flatMap((text) => splitQuery(text.toLowerCase())),
    }))
    .filter((synonym) => synonym.said.length)
    // Longest first, so "pins and needles" wins over "pins".
    .sort((a, b) => b.said.length - a.said.length);

  // -- What each page offers, read once from Sphinx's index -----------------

  let pages = null;

  const asList = (files) => (typeof files === "number" ? [files] : files);

  /** A title or entry as the query is read: stems without filler words. */
  const phraseStems = (text) => stems(text).filter((word) => !filler.has(word));

  /** Per page: stems of the page title, index entries and glossary terms;
   *  titles, headings and index entries as stem sequences, with their
   *  anchors and weights. */
  const readPages = (index) => {
    const result = index.docnames.map((_, file) => ({
      title: new Set(stems(index.titles[file])),
      entries: new Set(),
      glossary: new Set(),
      phrases: [],
    }));
    for (const [title, found] of Object.entries(index.alltitles)) {
      const sequence = phraseStems(title);
      for (const [file, anchor] of found) {
        const weight = anchor ? WEIGHT.sectionTitle : WEIGHT.pageTitle;
        result[file].phrases.push({ sequence, anchor, title, weight });
      }
    }
    for (const [entry, found] of Object.entries(index.indexentries)) {
      const sequence = phraseStems(entry);
      for (const [file, anchor, isGlossaryTerm] of found) {
        const bag = isGlossaryTerm ? result[file].glossary : result[file].entries;
        stems(entry).forEach((word) => bag.add(word));
        const weight = isGlossaryTerm ? WEIGHT.glossaryTerm : WEIGHT.indexEntry;
        result[file].phrases.push({ sequence, anchor, title: null, weight });
      }
    }
    return result;
  };

  /** Every indexed word (text, headings, entries), for prefix matching. */
  const vocabulary = (index) => {
    const all = new Set([
      ...Object.keys(index.terms),
      ...Object.keys(index.titleterms),
    ]);
    for (const page of pages)
      for (const bag of [page.title, page.entries, page.glossary])
        bag.forEach((word) => all.add(word));
    return [...all];
  };

  // -- The query --------------------------------------------------------------

  /** The query as concepts: each a list of alternatives, each a list of
   *  stems that must all be on a page. */
  const concepts = (query) => {
    const said = splitQuery(query.toLowerCase()).filter((word) => word.length > 1);
    const saidStems = said.map(stem);
    const result = [];
    for (let at = 0; at < said.length; ) {
      const synonym = synonyms.find((s) =>
        s.said.every((word, offset) => saidStems[at + offset] === word),
      );
      if (synonym) {
        result.push({
          said: synonym.said,
          alternatives: [synonym.said, ...synonym.meant],
          highlight: synonym.highlight,
        });
        at += synonym.said.length;
        continue;
      }
      const word = said[at];
      if (!stopwords.has(word)) {
        const stemmed = saidStems[at];
        result.push({ said: [stemmed], alternatives: [[stemmed]], highlight: [word] });
      }
      at += 1;
    }
    const meaningful = result.filter((c) => !c.said.every((word) => filler.has(word)));
    return meaningful.length ? meaningful : result;
  };

  // -- Ranking ----------------------------------------------------------------

  const weightOfWord = (index, file, word) => {
    const page = pages[file];
    if (page.title.has(word)) return WEIGHT.pageTitle;
    if (page.entries.has(word)) return WEIGHT.indexEntry;
    const inList = (table) =>
      Object.hasOwn(table, word) && asList(table[word]).includes(file);
    if (inList(index.titleterms)) return WEIGHT.sectionTitle;
    if (page.glossary.has(word)) return WEIGHT.glossaryTerm;
    if (inList(index.terms)) return WEIGHT.text;
    return 0;
  };

  /** A word's weight on a page; a word no page has counts as its prefix. */
  const makeWordWeigher = (index, allWords) => {
    const known = new Set(allWords);
    const prefixes = new Map();
    return (file, word) => {
      if (known.has(word)) return weightOfWord(index, file, word);
      if (word.length < MIN_PREFIX_LENGTH) return 0;
      if (!prefixes.has(word))
        prefixes.set(word, allWords.filter((w) => w.startsWith(word)));
      const best = Math.max(0, ...prefixes.get(word).map((w) => weightOfWord(index, file, w)));
      return best * PREFIX_FACTOR;
    };
  };

  /** A concept's weight on a page: its best alternative, all of whose
   *  words must be there; the alternative counts as its weakest word. */
  const conceptWeight = (weigh, file, concept) =>
    Math.max(
      ...concept.alternatives.map((alternative) =>
        Math.min(...alternative.map((word) => weigh(file, word))),
      ),
    );

  const containsInOrder = (sequence, part) => {
    for (let start = 0; start + part.length <= sequence.length; start++)
      if (part.every((word, offset) => sequence[start + offset] === word)) return true;
    return false;
  };

  /** Does the phrase hold the whole query: all of a one-word query, or a
   *  longer query in order? */
  const holdsQuery = (sequence, whole) =>
    whole.length > 1
      ? containsInOrder(sequence, whole)
      : sequence.length === 1 && sequence[0] === whole[0];

  /** The title, heading or index entry of the page that holds the most of
   *  the query: it adds its bonus, and gives the result's anchor. */
  const bestPhrase = (file, query, rarity) => {
    const whole = query.flatMap((concept) => concept.said);
    let best = null;
    for (const phrase of pages[file].phrases) {
      const covered = query.reduce(
        (sum, concept, i) =>
          concept.alternatives.some((alternative) =>
            alternative.every((word) => phrase.sequence.includes(word)),
          )
            ? sum + rarity[i]
            : sum,
        0,
      );
      const bonus = holdsQuery(phrase.sequence, whole) ? PHRASE_FACTOR * phrase.weight : 0;
      const value = covered + bonus;
      if (value > 0 && (!best || value > best.value)) best = { ...phrase, value, bonus };
    }
    return best;
  };

  const rank = (index, query) => {
    const files = index.docnames.map((_, file) => file);
    const weigh = makeWordWeigher(index, vocabulary(index));
    const weights = query.map((concept) =>
      files.map((file) => conceptWeight(weigh, file, concept)),
    );
    // Rare words count more: log(1 + pages / pages having the word).
    const rarity = weights.map((perFile) => {
      const having = perFile.filter((w) => w > 0).length;
      return having ? Math.log(1 + files.length / having) : 0;
    });
    const totalRarity = rarity.reduce((a, b) => a + b, 0);
    if (!totalRarity) return [];

    const results = [];
    for (const file of files) {
      let score = 0;
      let matched = 0;
      query.forEach((_, i) => {
        if (weights[i][file] > 0) {
          score += rarity[i] * weights[i][file];
          matched += rarity[i];
        }
      });
      if (!score) continue;
      const phrase = bestPhrase(file, query, rarity);
      if (phrase) score += phrase.bonus * totalRarity;
      // A page that matches only part of the query ranks lower.
      score *= (matched / totalRarity) ** 2;
      // Link to the section when its heading or entry holds most of the query.
      const anchored = phrase && phrase.anchor && phrase.value >= totalRarity / 2;
      const pageTitle = index.titles[file];
      results.push({
        file,
        score,
        anchor: anchored ? "#" + phrase.anchor : "",
        // An index entry's anchor is an empty element: Sphinx's summary of
        // the result is taken from the whole page instead.
        anchorHasText: anchored && phrase.title !== null,
        title:
          anchored && phrase.title && phrase.title !== pageTitle
            ? `${pageTitle} > ${phrase.title}`
            : pageTitle,
      });
    }
    results.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title));
    const floor = (results[0]?.score ?? 0) * MIN_SHARE_OF_BEST;
    return results.filter((r) => r.score >= floor).slice(0, MAX_RESULTS);
  };

  // -- Showing the results with Sphinx's own code -----------------------------

  Search.query = (query) => {
    const index = Search._index;
    pages ??= readPages(index);
    const parsed = concepts(query);
    const ranked = rank(index, parsed);
    const searchTerms = new Set(parsed.flatMap((c) => c.alternatives.flat()));
    const highlight = new Set(parsed.flatMap((c) => c.highlight));
    // The words to highlight on the page a reader opens, as Sphinx does.
    if (SPHINX_HIGHLIGHT_ENABLED)
      localStorage.setItem("sphinx_highlight_terms", [...highlight].join(" "));
    _removeChildren(document.getElementById("search-progress"));
    for (const result of ranked) {
      _displayItem(
        [
          index.docnames[result.file],
          result.title,
          result.anchorHasText ? result.anchor : "",
          null,
          result.score,
          index.filenames[result.file],
          SearchResultKind.text,
        ],
        searchTerms,
        highlight,
      );
      if (result.anchor && !result.anchorHasText) {
        const link = Search.output.lastElementChild.querySelector("a");
        link.setAttribute("href", link.getAttribute("href") + result.anchor);
      }
    }
    _finishSearch(ranked.length);
  };
})();
