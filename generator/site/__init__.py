"""The site: page data, pages, exports and the thin MkDocs plugin. Never imports spaCy."""
