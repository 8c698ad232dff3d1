/*
 * Search that answers readers' own words: symptoms, brand names,
 * abbreviations, misspellings and whole questions.
 *
 * Sphinx's search (searchtools.js) keeps a page only if it contains every
 * word of the query, and knows no other words for a thing, so "how long does
 * it take to work" or "tingling feet" find nothing. This script replaces the
 * ranking step of Sphinx's search on the search page. It still reads Sphinx's
 * own search index and shows results with Sphinx's own code, so the page and
 * its "Search finished" line stay as they were. It:
 *
 *   1. reads the query as words, and swaps in the site's words for a
 *      reader's ("pins and needles" is also "tingling"), from
 *      source/_data/search-synonyms.yaml, given to this page as
 *      KB_SEARCH_WORDS;
 *   2. drops question and filler words ("how", "can", "does"); reads a word
 *      that no page has as the start of longer words ("physio"), or else as
 *      a misspelling of the nearest words the pages have ("withdrawl"), and
 *      drops it when it is neither ("feet" in "tingling feet");
 *   3. ranks every page that matches ANY remaining word: a word in the page
 *      title counts most, then the page's index entries and `keywords:`,
 *      then section headings, then glossary terms, then body text; rare
 *      words count more than common ones; a page that matches more of the
 *      query ranks higher; a heading or index entry that holds the whole
 *      query adds more, and the result links to that section;
 *   4. shows one result per page, first the pages whose title or a heading
 *      names everything asked, so that no page's `keywords:` can push the
 *      page that answers below it, or out of the results; and the glossary
 *      below every page that has as much of the query, since it only says
 *      what a word means and the page explains the topic;
 *   5. puts the emergency guidance above every result when the query is
 *      about taking too much or harming oneself, whatever else it asks
 *      ("urgent words" in the same file), misspelt or not;
 *   6. says so, in one plain sentence, when the site has no answer: when some
 *      of the query's words are on no page and the rest are on most pages
 *      ("amitriptyline price" would otherwise list every page);
 *   7. shows under each result the first words of the section it links to,
 *      written at build time (KB_SEARCH_SUMMARIES, from
 *      amitriptyline_kb/search/summaries.py). Sphinx would fetch each page
 *      and show the text around the last query word it finds, wherever that
 *      is on the page; and a page opened from disk may not fetch another.
 *
 * Everything happens in the browser from the hosted files: no server.
 * It uses these parts of Sphinx 9.0's searchtools.js: Search._index,
 * Search.query, _displayItem, _finishSearch, splitQuery, Stemmer, stopwords,
 * DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY; and sphinx_highlight.js's
 * _highlightText. tests/js/ (which runs it on Sphinx's own searchtools.js)
 * and tests/browser/test_search.py fail if a Sphinx upgrade changes them.
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
  // A misspelt word is read as the pages' words this many edits away (a
  // letter added, dropped or changed, or two side by side swapped), by its
  // length as typed: a short word has too many neighbours to guess from.
  const MAX_EDITS = [
    [8, 2],
    [4, 1],
  ];
  // A word read as another counts less than the word the reader typed.
  const MISSPELT_FACTOR = 0.75;
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

  // -- Misspellings -----------------------------------------------------------

  /** How many edits from a word of `length` letters another word may be
   *  and still be read as what the reader meant. */
  const maxEdits = (length) => MAX_EDITS.find(([from]) => length >= from)?.[1] ?? 0;

  const VOWELS = new Set("aeiouy");

  /** The edits between `a` and `b` (Damerau-Levenshtein, as optimal string
   *  alignment), or `most + 1` as soon as it is sure to be more. In a
   *  `short` word, a changed letter that is not one vowel for another counts
   *  as two: it makes another word ("cost", "coat") more often than a
   *  misspelling ("pregnent"). */
  const editDistance = (a, b, most, short = false) => {
    if (Math.abs(a.length - b.length) > most) return most + 1;
    const width = b.length + 1;
    // Three rows of the table: two rows back (for swaps), the last, this one.
    let before = new Int32Array(width);
    let last = Int32Array.from({ length: width }, (_, j) => j);
    let row = new Int32Array(width);
    for (let i = 1; i <= a.length; i++) {
      row[0] = i;
      let lowest = i;
      for (let j = 1; j <= b.length; j++) {
        const x = a[i - 1];
        const y = b[j - 1];
        const change = x === y ? 0 : !short || (VOWELS.has(x) && VOWELS.has(y)) ? 1 : 2;
        let cost = Math.min(last[j] + 1, row[j - 1] + 1, last[j - 1] + change);
        if (i > 1 && j > 1 && x === b[j - 2] && a[i - 2] === y)
          cost = Math.min(cost, before[j - 2] + 1);
        row[j] = cost;
        if (cost < lowest) lowest = cost;
      }
      if (lowest > most) return most + 1;
      [before, last, row] = [last, row, before];
    }
    return Math.min(last[b.length], most + 1);
  };

  // -- What the pages offer, read once from Sphinx's index -------------------

  let site = null;

  const asList = (files) => (typeof files === "number" ? [files] : files);

  /** A title or entry as the query is read: stems without filler words. */
  const withoutFiller = (words) => words.filter((word) => !filler.has(word));

  /** What Sphinx's index does not hold word by word: the words of page
   *  titles and index entries, with the pages and weights they give; for
   *  each page, its titles, headings and index entries as stem sequences,
   *  with their anchors and weights; the pages that hold glossary terms;
   *  and how many words each page's title has. Body words and heading words are looked up in Sphinx's own
   *  tables when a query needs them. */
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
    const glossaries = new Set();
    for (const [entry, found] of Object.entries(index.indexentries)) {
      const words = stems(entry);
      const sequence = withoutFiller(words);
      for (const [file, anchor, isGlossaryTerm] of found) {
        const weight = isGlossaryTerm ? WEIGHT.glossaryTerm : WEIGHT.indexEntry;
        if (isGlossaryTerm) glossaries.add(file);
        words.forEach((word) => offer(word, file, weight));
        phrases[file].push({ sequence, anchor, title: null, weight });
      }
    }
    return {
      index,
      weights,
      phrases,
      glossaries,
      titleLengths: index.titles.map((title) => withoutFiller(stems(title)).length),
      pagesWith: new Map(),
      nearest: new Map(),
      allWords: null,
      spellings: null,
    };
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

  /** Every word the index holds. */
  const allWords = () =>
    (site.allWords ??= [
      ...new Set([
        ...site.weights.keys(),
        ...Object.keys(site.index.titleterms),
        ...Object.keys(site.index.terms),
      ]),
    ]);

  /** The words a misspelling may be read as: words of at least the length
   *  misspellings are read in, of letters only, that are not filler words. */
  const spellings = () =>
    (site.spellings ??= allWords().filter(
      (word) => word.length >= MAX_EDITS.at(-1)[0] && /^\p{Ll}+$/u.test(word) && !filler.has(word),
    ));

  /** The pages having `word`, with its weight on each. A word that no page
   *  has counts, at a discount, as the start of longer words. */
  const pagesWith = (word) => {
    if (site.pagesWith.has(word)) return site.pagesWith.get(word);
    const files = pagesWithExactly(word);
    if (!files.size && word.length >= MIN_PREFIX_LENGTH)
      for (const longer of allWords().filter((w) => w.startsWith(word)))
        for (const [file, weight] of pagesWithExactly(longer))
          files.set(file, Math.max(files.get(file) ?? 0, weight * PREFIX_FACTOR));
    site.pagesWith.set(word, files);
    return files;
  };

  /** The words of the pages nearest to `word`, a stem that no page has, as
   *  the start of a word or whole: all those fewest edits away, within what
   *  the length of the word as `typed` allows. None for a filler word. */
  const nearestWords = (word, typed) => {
    const key = `${word} ${typed.length}`;
    if (site.nearest.has(key)) return site.nearest.get(key);
    const short = typed.length < MAX_EDITS[0][0];
    let fewest = filler.has(word) ? 0 : maxEdits(typed.length);
    let found = [];
    for (const candidate of fewest ? spellings() : []) {
      const edits = editDistance(word, candidate, fewest, short);
      if (edits > fewest) continue;
      if (edits < fewest) found = [];
      fewest = edits;
      found.push(candidate);
    }
    site.nearest.set(key, found);
    return found;
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

  /** `concept`, with each of its words that no page has also read as the
   *  nearest words the pages have: "withdrawl" is also "withdrawal";
   *  `typedAs` gives the word as typed for its stem. A word
   *  that a page has, exactly or as the start of a longer word, is read as
   *  typed and nothing else, so a misspelling never outranks it. */
  const withMisspellings = (concept, typedAs) => {
    const misspelt = new Set();
    const alternatives = [];
    for (const alternative of concept.alternatives) {
      alternatives.push(alternative);
      const readings = alternative.map((word) =>
        pagesWith(word).size ? [word] : nearestWords(word, typedAs(word)),
      );
      if (readings.some((nearest) => !nearest.length)) continue;
      if (readings.every((nearest, i) => nearest.length === 1 && nearest[0] === alternative[i]))
        continue;
      // Every way to read it: one of the nearest words in place of each.
      let read = [[]];
      for (const nearest of readings)
        read = read.flatMap((start) => nearest.map((word) => [...start, word]));
      for (const words of read) {
        misspelt.add(words);
        alternatives.push(words);
      }
    }
    if (!misspelt.size) return concept;
    const read = [...misspelt];
    return {
      ...concept,
      // The phrase bonus and the heading check read the query as meant.
      said: concept.said.every((word) => pagesWith(word).size) ? concept.said : read[0],
      alternatives,
      misspelt,
      highlight: [...concept.highlight, ...read.flat()],
    };
  };

  // -- Ranking ----------------------------------------------------------------

  /** The pages matching a concept, with its weight on each: the best of its
   *  alternatives, all of whose words must be on the page; an alternative
   *  counts as its weakest word, and less if it reads a misspelling. */
  const pagesMatching = (concept) => {
    const files = new Map();
    for (const alternative of concept.alternatives) {
      const factor = concept.misspelt?.has(alternative) ? MISSPELT_FACTOR : 1;
      const perWord = alternative.map(pagesWith);
      const fewest = perWord.reduce((a, b) => (b.size < a.size ? b : a));
      for (const file of fewest.keys()) {
        const weight = factor * Math.min(...perWord.map((pages) => pages.get(file) ?? 0));
        if (weight > (files.get(file) ?? 0)) files.set(file, weight);
      }
    }
    return files;
  };

  const containsInOrder = (sequence, part, same = (a, b) => a === b) => {
    for (let start = 0; start + part.length <= sequence.length; start++)
      if (part.every((word, offset) => same(sequence[start + offset], word))) return true;
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

  /** `results`, best first, with each glossary page moved down below every
   *  page that matches at least as much of the query. */
  const glossaryBelowPages = (results) => {
    const isGlossary = (result) => site.glossaries.has(result.file);
    const pages = results.filter((result) => !isGlossary(result));
    const moved = results
      .filter(isGlossary)
      .map((glossary) => {
        const above = results.slice(0, results.indexOf(glossary)).filter((r) => !isGlossary(r));
        const asMuch = pages.findLastIndex((page) => page.matched >= glossary.matched - 1e-9);
        return { glossary, at: Math.max(above.length, asMuch + 1) };
      })
      .sort((a, b) => a.at - b.at);
    moved.forEach(({ glossary, at }, inserted) => pages.splice(at + inserted, 0, glossary));
    return pages;
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
        matched,
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
    // Between equals, the page whose title says least besides: it is about
    // what was asked ("How can amitriptyline help?" for "amitriptyline").
    results.sort(
      (a, b) =>
        b.answers - a.answers ||
        b.score - a.score ||
        site.titleLengths[a.file] - site.titleLengths[b.file] ||
        a.title.localeCompare(b.title),
    );
    const best = Math.max(0, ...results.map((r) => r.score));
    // A page that answers is never cut for scoring low beside another.
    return glossaryBelowPages(
      results.filter((r) => r.answers || r.score >= best * MIN_SHARE_OF_BEST),
    ).slice(0, MAX_RESULTS);
  };

  // -- Showing the results with Sphinx's own code -----------------------------

  /** Is the query about taking too much or self-harm? A word that no page
   *  has counts as the urgent word it is a misspelling of ("sucidal"). */
  const isUrgent = (query) => {
    const said = splitQuery(query.toLowerCase())
      .filter((word) => word.length > 1)
      .map((word) => ({ typed: word, stem: stem(word) }));
    const misspelt = ({ typed, stem }, meant) => {
      if (stopwords.has(typed) || filler.has(stem) || (site && pagesWithExactly(stem).size))
        return false;
      const most = maxEdits(typed.length);
      return editDistance(stem, meant, most, typed.length < MAX_EDITS[0][0]) <= most;
    };
    const same = (word, meant) => word.stem === meant || misspelt(word, meant);
    return urgent.some((phrase) => containsInOrder(said, phrase, same));
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

  /** The first words of the section that `anchor` (with its "#", or "" for
   *  the top of the page) leads to on the page `docname`, as the build wrote
   *  them; null when the build wrote none for the page. */
  const summaryOf = (docname, anchor) => {
    const summaries = window.KB_SEARCH_SUMMARIES;
    if (!summaries || !Object.hasOwn(summaries, docname)) return null;
    const [texts, anchors] = summaries[docname];
    const at = anchors[anchor.replace(/^#/, "")] ?? anchors[""];
    return at === undefined ? null : texts[at];
  };

  /** What the search page shows for `query`, from the index alone, so
   *  that it can be checked without a page: whether the query is urgent,
   *  the results in order, and the words to find and highlight in them.
   *  With no results, `notCovered` holds what the "no answer" sentence
   *  names. */
  const answer = (index, query) => {
    site ??= readSite(index);
    const typed = new Map(splitQuery(query.toLowerCase()).map((word) => [stem(word), word]));
    const parsed = concepts(query).map((concept) =>
      withMisspellings(concept, (word) => typed.get(word) ?? word),
    );
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

  /** Show `result` as Sphinx shows a result, with its section's summary. */
  const show = (index, result, searchTerms, highlight) => {
    const docname = index.docnames[result.file];
    const summary = summaryOf(docname, result.anchor);
    const showSummaries = DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY;
    const item = [
      docname,
      result.title,
      summary !== null || result.anchorHasText ? result.anchor : "",
      null,
      result.score,
      index.filenames[result.file],
      SearchResultKind.text,
    ];
    if (summary === null) {
      _displayItem(item, searchTerms, highlight);
      if (result.anchor && !result.anchorHasText) {
        const link = Search.output.lastElementChild.querySelector("a");
        link.setAttribute("href", link.getAttribute("href") + result.anchor);
      }
      return;
    }
    // Sphinx's code, without its fetching the page for a summary.
    DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY = false;
    try {
      _displayItem(item, searchTerms, highlight);
    } finally {
      DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY = showSummaries;
    }
    if (!showSummaries) return;
    const listItem = Search.output.lastElementChild;
    const context = listItem.appendChild(document.createElement("p"));
    context.classList.add("context");
    context.textContent = summary;
    // As Sphinx highlights the words in its summaries.
    if (SPHINX_HIGHLIGHT_ENABLED && typeof _highlightText === "function")
      highlight.forEach((term) => _highlightText(listItem, term, "highlighted"));
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
    for (const result of ranked) show(index, result, searchTerms, highlight);
    _finishSearch(ranked.length);
  };

  // For the unit tests in tests/js/, which run this file under node with
  // stand-ins for Sphinx's search page; a browser has no `module`.
  if (typeof module !== "undefined" && module.exports)
    module.exports = { answer, concepts, editDistance, isUrgent, notCoveredSentence };
})();
