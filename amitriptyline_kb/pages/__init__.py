"""What every reader page shows besides its own words.

The disclaimer, review dates, "Get help now" and urgent-help callouts, glossary
previews, ARIA roles and each page's metadata. Their words live in
``source/_data/`` (reviewed by clinical reviewers), their styles in ``static/``.
"""
