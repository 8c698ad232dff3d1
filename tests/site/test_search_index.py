"""What the build gives the site's search to work with: synonyms that lead to
words the pages use, every page's keywords as index entries at its top, and
the script that runs searches in place on the search page only.

The search itself, in Chromium: browser/test_search.py.
"""

from __future__ import annotations

from sphinx.search.en import SearchEnglish

from amitriptyline_kb.tools.site import front_matter
from helpers import read_search_index, source_data


def test_only_the_search_page_runs_searches_in_place(site):
    assert "search-in-place.js" in str(site.html("search"))
    assert "search-in-place.js" not in str(site.html("index"))


def test_every_synonym_leads_to_words_the_pages_use(site):
    """A synonym whose words no page uses (a typo, a page reworded) leads nowhere."""
    index = read_search_index(site.html_dir)
    english = SearchEnglish({})
    indexed = set(index["terms"]) | set(index["titleterms"])
    for entry in index["indexentries"]:
        indexed |= {english.stem(word.lower()) for word in english.split(entry)}
    words = source_data("search-synonyms.yaml")["synonyms"]
    unused = []
    for said, meant in words.items():
        for phrase in [meant] if isinstance(meant, str) else meant:
            stems = [english.stem(w.lower()) for w in english.split(phrase)]
            if not all(stem in indexed for stem in stems if english.word_filter(stem)):
                unused.append(f"{said}: {phrase}")
    assert not unused, f"synonyms that lead to words no page uses: {unused}"


def test_page_keywords_are_index_entries_at_the_top_of_their_page(site, reader_pages):
    index = read_search_index(site.html_dir)
    docnames = index["docnames"]
    entries = {
        (docnames[file], entry)
        for entry, found in index["indexentries"].items()
        for file, _anchor, _main in found
    }
    genindex = site.html("genindex").get_text(" ")
    missing = []
    for docname in reader_pages:
        value = front_matter(docname).get("keywords")
        if value is None:
            continue
        # Read as the authoring guide describes them: a YAML list, or commas.
        keywords = value if isinstance(value, list) else [k.strip() for k in value.split(",")]
        for keyword in keywords:
            # The index page leaves out a keyword without a word, such as a
            # phone number (docs/authoring.md); the search still finds it.
            shown = keyword in genindex or not any(char.isalpha() for char in keyword)
            if (docname, keyword.lower()) not in entries or not shown:
                missing.append(f"{docname}: {keyword}")
    assert not missing, f"keywords missing from the search index or the index page: {missing}"
