"""The ePub as a book: accessible, readable on a small screen, offered for download."""
