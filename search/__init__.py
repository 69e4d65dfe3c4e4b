"""Muntada's full-text search: the Whoosh index derived from the archive database.

Owns Arabic analysis, the index schema, indexing from the archive's outbox, rebuilds,
queries, facets and highlighting. May import ``archive``; never imports Qt.
"""
