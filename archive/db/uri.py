"""SQLite ``file:`` URIs for archive paths: the one place that builds them.

A path goes into a URI escaped (``urllib.parse.quote``), so ``#``, ``%`` and ``?`` in a folder
name (all legal on Windows) stay part of the file name instead of ending the path or starting
the query. Windows drive paths take the ``file:///C:/...`` form SQLite expects.
"""

from __future__ import annotations

from pathlib import PurePath
from urllib.parse import quote, urlencode


def sqlite_uri(path: PurePath, **parameters: str | int) -> str:
    """The ``file:`` URI of the database at ``path`` (absolute), with query ``parameters`` (e.g. ``mode="ro"``)."""
    posix = path.as_posix()
    if not posix.startswith("/"):  # a Windows drive path, "C:/..."
        posix = "/" + posix
    uri = "file://" + quote(posix, safe="/:")
    if parameters:
        uri += "?" + urlencode(parameters)
    return uri
