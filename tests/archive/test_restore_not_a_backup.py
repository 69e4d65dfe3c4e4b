"""Restoring a file that never was an SQLite database (a picture, a document chosen by mistake)
says it is not a backup, not that a backup is "damaged" with SQLite's English words after it."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.backups import BackupError, restore_backup
from archive.db.engine import open_archive
from archive.i18n import set_language


@pytest.mark.parametrize("content", [b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "مقال عن المنتدى".encode() * 40])
def test_a_file_that_is_no_database_is_not_a_backup(tmp_path: Path, content: bytes) -> None:
    archive_path = tmp_path / "archive.sqlite"
    open_archive(archive_path, create=True).close()
    before = archive_path.read_bytes()
    chosen = tmp_path / "picture.png"
    chosen.write_bytes(content)
    set_language("ar")
    try:
        with pytest.raises(BackupError) as raised:
            restore_backup(archive_path, chosen)
        message = raised.value.user_message()
    finally:
        set_language("en")
    assert "ليس نسخة احتياطية من أرشيف منتدى" in message, message
    assert "تالفة" not in message and "database" not in message, message
    assert archive_path.read_bytes() == before


def test_a_backup_into_a_missing_folder_says_what_to_do(tmp_path: Path) -> None:
    from archive.backups import write_backup

    archive = open_archive(tmp_path / "archive.sqlite", create=True)
    try:
        with pytest.raises(BackupError) as raised:
            write_backup(archive, tmp_path / "no-such-folder" / "copy.sqlite")
    finally:
        archive.close()
    message = raised.value.user_message()
    assert "no-such-folder" in message and "--to" in message, message
