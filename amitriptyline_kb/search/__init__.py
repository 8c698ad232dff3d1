"""Search that finds what readers type, and says so when the site has no answer.

Keywords and synonyms at build time, ranking and the urgent box in the
browser (``static/search-answers.js``), and searching again in place.
"""
