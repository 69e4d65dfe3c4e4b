"""Muntada's domain library: the archive of forums, sessions, people, quotes, figures and sources.

Owns the data model and its SQLite storage, the services through which every read and write
goes, Arabic text utilities, import and extraction of articles, and the brief writers.
It never imports Qt and never imports ``search``.
"""
