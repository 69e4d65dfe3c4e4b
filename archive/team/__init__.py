"""The team archive: the same archive on a PostgreSQL server, shared by a centre's officers (issue 14).

Phase 1 (this package today) is the foundation sync will stand on:

- ``server``: a team server's address (``postgresql://USER@HOST/DATABASE?sslmode=...``), the
  engine on it, and the one place where the server's errors become clear ``TeamServerError``s.
- ``credentials``: where the address is kept (``team.json`` in the data folder, never with a
  password) and the password (the operating system's credential store, through ``keyring``).
- ``schema``: ``muntada team init``: the schema at head on an empty database, marked as a Muntada
  team archive; a newer schema or a foreign database is refused.
- ``push``: ``muntada team push``: a desktop archive uploaded whole, in one transaction.

The desktop keeps working on SQLite (``archive.db.engine``); nothing here is needed offline.
No Qt and no search imports here.
"""
