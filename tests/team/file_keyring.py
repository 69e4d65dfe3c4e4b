"""A keyring backend keeping passwords in a JSON file, for the tests.

Test machines have no credential store (no Windows Credential Manager, no Secret Service), so
the tests hand this backend to ``keyring.set_keyring``: the program under
test uses the real ``keyring`` API, and the test can see what was kept and where.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend

FILE_VARIABLE = "MUNTADA_TEST_KEYRING_FILE"


class FileKeyring(KeyringBackend):
    # Never chosen by keyring on its own (the fail backend, at 0, ranks higher): only where a test sets it.
    priority = -1  # type: ignore[assignment]

    def _read(self) -> dict[str, str]:
        path = Path(os.environ[FILE_VARIABLE])
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._read().get(f"{service}|{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        stored = self._read()
        stored[f"{service}|{username}"] = password
        Path(os.environ[FILE_VARIABLE]).write_text(json.dumps(stored, ensure_ascii=False), encoding="utf-8")

    def delete_password(self, service: str, username: str) -> None:
        stored = self._read()
        stored.pop(f"{service}|{username}", None)
        Path(os.environ[FILE_VARIABLE]).write_text(json.dumps(stored, ensure_ascii=False), encoding="utf-8")
