"""The archive's own search index: sharded bigram postings plus a text store per document.

Material's lunr index is one file that every reader downloads whole (220 MB at 1,000
notices). This index is split so that a query fetches only what it needs: see
``docs/about/data.md`` and ``docs/javascripts/search-worker.js``, which reads it.
"""
