"""The signature of an index folder: which files Muntada itself wrote there, authenticated.

Whoosh unpickles what it reads from an index (the table of contents ``_MAIN_N.toc`` with the
schema and segment list, posting blocks, inlined postings in the term files, stored fields), so
a crafted file in the folder would run code when the index is opened or searched. After every
commit and rebuild, ``sign`` writes an HMAC-SHA256 of every file of the folder into
``SIGNATURE_FILE``, keyed by 32 random bytes kept in the user's data folder (``index.key``,
0600, made on first use). Before Whoosh reads anything, ``verify`` checks every file against it:
a file missing from the signature, or whose contents differ, means the folder is not ours.

Segment files never change once written, so a later commit hashes only the files that are new
since the last check (``trusted``: name -> digest). Hashing runs at about 1.4 GB/s (SHA-256 in
OpenSSL): a full check of a 226 MB index (100,000 records) took 0.28 s here (page cache warm), once per open.

The app's search process opens the index before its first answer with the hashing of most files
put off (``verify(..., defer=...)``): only the table of contents, which Whoosh unpickles with
the classes it names, is hashed first; every other file is only checked to be listed in the
signature, and hashed after the first answer (``SearchIndex.check_deferred_files``). Until then
Whoosh unpickles their data without any class or function (``search.whoosh_internals.
safe_unpickling``), so a planted file cannot run code; one that fails its check later makes the
index rebuilt, as before.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import secrets
from collections.abc import Callable
from pathlib import Path

from archive.private_files import make_private_folder, restrict_to_user

log = logging.getLogger(__name__)

SIGNATURE_FILE = "index-signature.json"
KEY_BYTES = 32
# Files Whoosh and Muntada keep in the folder that are never read as index data: Whoosh's write
# lock (``MAIN_WRITELOCK``, empty) and the signature itself.
UNSIGNED = frozenset({SIGNATURE_FILE, "MAIN_WRITELOCK"})
_CHUNK = 1 << 20


def index_key(key_file: Path) -> bytes:
    """The user's signing key, made (32 random bytes, readable by the user alone) on first use."""
    try:
        key = key_file.read_bytes()
        if len(key) == KEY_BYTES:
            return key
        log.warning("the index key %s is damaged: making a new one (indexes will be rebuilt)", key_file)
    except FileNotFoundError:
        pass
    make_private_folder(key_file.parent)
    partial = key_file.with_name(f"{key_file.name}.{os.getpid()}.partial")
    partial.write_bytes(secrets.token_bytes(KEY_BYTES))
    restrict_to_user(partial)
    try:  # two processes making it at once: the first one's key wins, everyone reads it back
        os.link(partial, key_file)
    except FileExistsError:
        pass
    except OSError:  # a file system without hard links
        if not key_file.exists():
            os.replace(partial, key_file)
    partial.unlink(missing_ok=True)
    return key_file.read_bytes()


def file_digest(path: Path, key: bytes) -> str:
    """HMAC-SHA256 of a file's contents, as hex."""
    mac = hmac.new(key, digestmod=hashlib.sha256)
    with open(path, "rb") as stream:
        while chunk := stream.read(_CHUNK):
            mac.update(chunk)
    return mac.hexdigest()


def signed_names(folder: Path) -> list[str]:
    """The files of an index folder that the signature covers."""
    return sorted(entry.name for entry in os.scandir(folder) if entry.is_file() and entry.name not in UNSIGNED)


def sign(folder: Path, key: bytes, trusted: dict[str, str] | None = None) -> dict[str, str]:
    """Sign every file now in ``folder`` (reusing the digests of ``trusted`` files); returns the digests.

    Also makes every file readable by the user alone.
    """
    trusted = trusted or {}
    digests = {name: trusted.get(name) or file_digest(folder / name, key) for name in signed_names(folder)}
    for entry in os.scandir(folder):
        if entry.is_file():
            restrict_to_user(Path(entry.path))
    partial = folder / f"{SIGNATURE_FILE}.partial"
    partial.write_text(json.dumps({"hmac-sha256": digests}, indent=0), encoding="utf-8")
    restrict_to_user(partial)
    os.replace(partial, folder / SIGNATURE_FILE)
    return digests


class SignatureError(Exception):
    """The folder holds a file Muntada did not sign, or one that changed since it was signed."""


def verify(folder: Path, key: bytes, trusted: dict[str, str] | None = None,
           defer: Callable[[str], bool] | None = None) -> dict[str, str]:
    """The digests of every file in ``folder``; raises ``SignatureError`` unless all are signed and unchanged.

    Files already in ``trusted`` with the recorded digest (checked earlier by this process) are
    not hashed again. Files for which ``defer(name)`` is true are only checked to be signed: the
    caller hashes them later against the digest returned (``file_digest``).
    """
    trusted = trusted or {}
    try:
        recorded = json.loads((folder / SIGNATURE_FILE).read_text(encoding="utf-8"))["hmac-sha256"]
        if not isinstance(recorded, dict):
            raise SignatureError("the signature file holds no table of digests")
        digests = {}
        for name in signed_names(folder):
            expected = recorded.get(name)
            if not isinstance(expected, str):
                raise SignatureError(f"{name} is not signed")
            if (trusted.get(name) != expected and not (defer is not None and defer(name))
                    and not hmac.compare_digest(file_digest(folder / name, key), expected)):
                raise SignatureError(f"{name} differs from what was signed")
            digests[name] = expected
        return digests
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise SignatureError(f"no readable signature ({error})") from error
