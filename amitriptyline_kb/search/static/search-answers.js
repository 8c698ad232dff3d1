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
 *   4. shows one result per page, first the pages whose title or a heading
 *      names everything asked, so that no page's `keywords:` can push the
 *      page that answers below it, or out of the results;
 *   5. puts the emergency guidance above every result when the query is
 *      about taking too much or harming oneself, whatever else it asks
 *      ("urgent words" in the same file);
 *   6. says so, in one plain sentence, when the site has no answer: when some
 *      of the query's words are on no page and the rest are on most pages
 *      ("amitriptyline price" would otherwise list every page).
 *
 * Everything happens in the browser from the hosted files: no server.
 * It uses these parts of Sphinx 9.0's searchtools.js: Search._index,
 * Search.query, _displayItem, _finishSearch, splitQuery, Stemmer, stopwords.
 * tests/js/ (which runs it on Sphinx's own searchtools.js) and
 * tests/browser/test_search.py fail if a Sphinx upgrade changes them.
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
  // A word on more than this share of the pages says nothing about which
  // page answers ("amitriptyline" is on almost all of them).
  const COMMON_SHARE = 0.5;

  const words = window.KB_SEARCH_WORDS || { synonyms: [], filler: [], urgent: [] };
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

  /** Every word of `text`, stop words too, stemmed: for spotting a phrase in
   *  the query as typed ("too much" is two of Sphinx's stop words). */
  const allStems = (text) =>
    splitQuery(text.toLowerCase())
      .filter((word) => word.length > 1)
      .map(stem);

  const filler = new Set(words.filler.map(stem));
  // Each synonym: the reader's words as stems, and the site's words for them.
  const synonyms = words.synonyms
    .map(([said, meant]) => ({
      // The reader's words as typed, to find them in the query...
      typed: allStems(said),
      // ... and as the index holds them, to rank pages by.
      said: stems(said),
      meant: meant.map(stems),
      highlight: [said, ...meant].flatMap((text) => splitQuery(text.toLowerCase())),
    }))
    .filter((synonym) => synonym.typed.length)
    // Longest first, so "pins and needles" wins over "pins".
    .sort((a, b) => b.typed.length - a.typed.length);

  // Phrases that make a query urgent, as stems ("took too many" has "too mani").
  const urgent = (words.urgent || []).map(allStems).filter((phrase) => phrase.length);

  // -- What the pages offer, read once from Sphinx's index -------------------

  let site = null;

  const asList = (files) => (typeof files === "number" ? [files] : files);

  /** A title or entry as the query is read: stems without filler words. */
  const withoutFiller = (words) => words.filter((word) => !filler.has(word));

  /** What Sphinx's index does not hold word by word: the words of page
   *  titles and index entries, with the pages and weights they give; and for
   *  each page, its titles, headings and index entries as stem sequences,
   *  with their anchors and weights. Body words and heading words are looked
   *  up in Sphinx's own tables when a query needs them. */
  const readSite = (index) => {
    const weights = new Map();
    const offer = (word, file, weight) => {
      let files = weights.get(word);
      if (!files) weights.set(word, (files = new Map()));
      if (weight > (files.get(file) ?? 0)) files.set(file, weight);
    };
    index.titles.forEach((title, file) =>
      stems(title).forEach((word) => offer(word, file, WEIGHT.pageTitle)),
    );
    const phrases = index.docnames.map(() => []);
    for (const [title, found] of Object.entries(index.alltitles)) {
      const sequence = withoutFiller(stems(title));
      for (const [file, anchor] of found) {
        const weight = anchor ? WEIGHT.sectionTitle : WEIGHT.pageTitle;
        phrases[file].push({ sequence, anchor, title, weight });
      }
    }
    for (const [entry, found] of Object.entries(index.indexentries)) {
      const words = stems(entry);
      const sequence = withoutFiller(words);
      for (const [file, anchor, isGlossaryTerm] of found) {
        const weight = isGlossaryTerm ? WEIGHT.glossaryTerm : WEIGHT.indexEntry;
        words.forEach((word) => offer(word, file, weight));
        phrases[file].push({ sequence, anchor, title: null, weight });
      }
    }
    return { index, weights, phrases, pagesWith: new Map(), allWords: null };
  };

  /** The pages having exactly `word`, with the weight of its best place on
   *  each; empty when no page has it. */
  const pagesWithExactly = (word) => {
    const files = new Map(site.weights.get(word));
    for (const [table, weight] of [
      [site.index.titleterms, WEIGHT.sectionTitle],
      [site.index.terms, WEIGHT.text],
    ])
      if (Object.hasOwn(table, word))
        for (const file of asList(table[word]))
          files.set(file, Math.max(files.get(file) ?? 0, weight));
    return files;
  };

  /** The pages having `word`, with its weight on each. A word that no page
   *  has counts, at a discount, as the start of longer words. */
  const pagesWith = (word) => {
    if (site.pagesWith.has(word)) return site.pagesWith.get(word);
    const files = pagesWithExactly(word);
    if (!files.size && word.length >= MIN_PREFIX_LENGTH) {
      site.allWords ??= [
        ...new Set([
          ...site.weights.keys(),
          ...Object.keys(site.index.titleterms),
          ...Object.keys(site.index.terms),
        ]),
      ];
      for (const longer of site.allWords.filter((w) => w.startsWith(word)))
        for (const [file, weight] of pagesWithExactly(longer))
          files.set(file, Math.max(files.get(file) ?? 0, weight * PREFIX_FACTOR));
    }
    site.pagesWith.set(word, files);
    return files;
  };

  // -- The query --------------------------------------------------------------

  /** The query as concepts: each a list of alternatives, each a list of
   *  stems that must all be on a page. */
  const concepts = (query) => {
    const said = splitQuery(query.toLowerCase()).filter((word) => word.length > 1);
    const saidStems = said.map(stem);
    const result = [];
    for (let at = 0; at < said.length;) {
      const synonym = synonyms.find((s) =>
        s.typed.every((word, offset) => saidStems[at + offset] === word),
      );
      if (synonym) {
        result.push({
          said: synonym.said,
          // An alternative of only stop or filler words ("too much") finds
          // nothing worth ranking: the site's words for it do.
          alternatives: [synonym.said, ...synonym.meant].filter(
            (words) => words.length && !words.every((word) => filler.has(word)),
          ),
          highlight: synonym.highlight,
        });
        at += synonym.typed.length;
        continue;
      }
      const word = said[at];
      if (!stopwords.has(word)) {
        const stemmed = saidStems[at];
        result.push({ said: [stemmed], alternatives: [[stemmed]], highlight: [word] });
      }
      at += 1;
    }
    const meaningful = result.filter((c) =>
      c.alternatives.some((words) => words.some((word) => !filler.has(word))),
    );
    return meaningful.length ? meaningful : result;
  };

  // -- Ranking ----------------------------------------------------------------

  /** The pages matching a concept, with its weight on each: the best of its
   *  alternatives, all of whose words must be on the page; an alternative
   *  counts as its weakest word. */
  const pagesMatching = (concept) => {
    const files = new Map();
    for (const alternative of concept.alternatives) {
      const perWord = alternative.map(pagesWith);
      const fewest = perWord.reduce((a, b) => (b.size < a.size ? b : a));
      for (const file of fewest.keys()) {
        const weight = Math.min(...perWord.map((pages) => pages.get(file) ?? 0));
        if (weight > (files.get(file) ?? 0)) files.set(file, weight);
      }
    }
    return files;
  };

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
    for (const phrase of site.phrases[file]) {
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

  /** The concepts of the query that no page has, when the rest are on most
   *  pages: the site has no answer to it. Null when it has one. */
  const uncovered = (index, query, matching) => {
    const missing = query.filter((_, i) => !matching[i].size);
    const common = index.docnames.length * COMMON_SHARE;
    const onlyCommon = matching.every((files) => !files.size || files.size > common);
    return missing.length && onlyCommon ? missing : null;
  };

  const rank = (index, query, matching) => {
    // Rare words count more: log(1 + pages / pages having the word).
    const pageCount = index.docnames.length;
    const rarity = matching.map((files) => (files.size ? Math.log(1 + pageCount / files.size) : 0));
    const totalRarity = rarity.reduce((a, b) => a + b, 0);
    if (!totalRarity) return [];

    const results = [];
    for (const file of new Set(matching.flatMap((files) => [...files.keys()]))) {
      let score = 0;
      let matched = 0;
      matching.forEach((files, i) => {
        if (files.has(file)) {
          score += rarity[i] * files.get(file);
          matched += rarity[i];
        }
      });
      const phrase = bestPhrase(file, query, rarity);
      if (phrase) score += phrase.bonus * totalRarity;
      // The page's own title or a heading names everything asked: it
      // answers, whatever another page claims in its keywords.
      const answers = site.phrases[file].some(
        (p) =>
          p.title !== null &&
          query.every((concept) =>
            concept.alternatives.some((words) => words.every((w) => p.sequence.includes(w))),
          ),
      );
      // A page that matches only part of the query ranks lower.
      score *= (matched / totalRarity) ** 2;
      // Link to the section when its heading or entry holds most of the query.
      const anchored = phrase && phrase.anchor && phrase.value >= totalRarity / 2;
      const pageTitle = index.titles[file];
      results.push({
        file,
        score,
        answers,
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
    results.sort(
      (a, b) => b.answers - a.answers || b.score - a.score || a.title.localeCompare(b.title),
    );
    const best = Math.max(0, ...results.map((r) => r.score));
    // A page that answers is never cut for scoring low beside another.
    return results
      .filter((r) => r.answers || r.score >= best * MIN_SHARE_OF_BEST)
      .slice(0, MAX_RESULTS);
  };

  // -- Showing the results with Sphinx's own code -----------------------------

  /** Is the query about taking too much or self-harm? */
  const isUrgent = (query) => {
    const said = allStems(query);
    return urgent.some((phrase) => containsInOrder(said, phrase));
  };

  // The emergency box and the "no answer" sentence are in the search page's
  // template (source/_templates/search.html).
  const showUrgent = (shown) => {
    const box = document.getElementById("kb-search-urgent");
    if (box) box.hidden = !shown;
  };

  /** The sentence saying the site has no answer, naming the words of the
   *  query that found nothing as the reader typed them; `template` is the
   *  search page's wording, with "{words}" where they go. */
  const notCoveredSentence = (missing, query, template) => {
    const said = missing.map((concept) => concept.highlight.join(" ")).join(" ") || query;
    return template !== undefined
      ? template.replace("{words}", said)
      : `This site has no answer about "${said}".`;
  };

  const sayNotCovered = (missing, query) => {
    const sentence = document.getElementById("kb-not-covered");
    Search.stopPulse();
    Search.title.innerText = _("Search Results");
    Search.status.innerText = notCoveredSentence(
      missing,
      query,
      sentence ? sentence.dataset.text : undefined,
    );
  };

  /** What the search page shows for `query`, from the index alone, so
   *  that it can be checked without a page: whether the query is urgent,
   *  the results in order, and the words to find and highlight in them.
   *  With no results, `notCovered` holds what the "no answer" sentence
   *  names. */
  const answer = (index, query) => {
    site ??= readSite(index);
    const parsed = concepts(query);
    const matching = parsed.map(pagesMatching);
    const missing = uncovered(index, parsed, matching);
    return {
      urgent: isUrgent(query),
      ranked: missing ? [] : rank(index, parsed, matching),
      notCovered: missing ?? parsed,
      searchTerms: new Set(parsed.flatMap((c) => c.alternatives.flat())),
      highlight: new Set(parsed.flatMap((c) => c.highlight)),
    };
  };

  Search.query = (query) => {
    const index = Search._index;
    const { urgent, ranked, notCovered, searchTerms, highlight } = answer(index, query);
    showUrgent(urgent);
    if (!ranked.length) {
      _removeChildren(document.getElementById("search-progress"));
      sayNotCovered(notCovered, query);
      return;
    }
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

  // For the unit tests in tests/js/, which run this file under node with
  // stand-ins for Sphinx's search page; a browser has no `module`.
  if (typeof module !== "undefined" && module.exports)
    module.exports = { answer, concepts, isUrgent, notCoveredSentence };
})();
