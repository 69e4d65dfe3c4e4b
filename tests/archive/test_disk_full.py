"""A full disk (a USB stick, a small drive): the change is refused in one clear line and nothing committed is lost.

SQLite reports a full disk as SQLITE_FULL and rolls the transaction back. The archive's engine
is given a real limit on its file (``PRAGMA max_page_count`` on each of its connections), so
SQLite itself runs out of room; the command line is tried on a real full file system when this
machine lets the tests mount a small one (root with mount rights).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from archive.db import models
from archive.db.engine import open_archive
from archive.errors import ArchiveDiskFullError
from archive.services import people
from archive.services.records import PersonInput


def _limit_file_to_its_current_size(archive) -> None:
    """Every new connection of the archive may not grow the file (SQLite's own limit)."""

    @event.listens_for(archive.engine, "connect")
    def _limit(connection, _record) -> None:
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages}")

    archive.engine.dispose()


def test_a_change_that_does_not_fit_is_refused_clearly_and_the_archive_keeps_its_records(tmp_path: Path) -> None:
    archive = open_archive(tmp_path / "archive.sqlite", officer="ضابط")
    people.create_person(archive, PersonInput(name="سلمى الكندية"))
    _limit_file_to_its_current_size(archive)
    with pytest.raises(ArchiveDiskFullError) as raised:
        people.create_person(archive, PersonInput(name="راشد " + "ب" * 200_000, notes="س" * 200_000))
    message = raised.value.user_message("en")
    assert "full" in message and "nothing was changed" in message and str(tmp_path / "archive.sqlite") in message
    assert "ممتلئ" in raised.value.user_message("ar")
    archive.close()

    reopened = open_archive(tmp_path / "archive.sqlite")
    with reopened.session() as session:
        names = session.scalars(select(models.Person.name)).all()
        assert names == ["سلمى الكندية"]
        assert session.scalar(select(func.count()).select_from(models.Person)) == 1
    reopened.close()


def _tiny_file_system() -> Path | None:
    """A 2 MB tmpfs the tests may fill (None where this machine does not allow mounting one)."""
    if os.name != "posix" or os.geteuid() != 0 or shutil.which("mount") is None:
        return None
    folder = Path(tempfile.mkdtemp(prefix="muntada-full-"))
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)],
                             capture_output=True, check=False)
    if mounted.returncode != 0:
        folder.rmdir()
        return None
    return folder


@pytest.fixture()
def full_disk():
    folder = _tiny_file_system()
    if folder is None:
        pytest.skip("mounting a small file system needs root with mount rights")
    yield folder
    subprocess.run(["umount", str(folder)], check=False)
    folder.rmdir()


def _fill(padding: Path) -> None:
    """Fill what is left of the small file system."""
    with padding.open("wb", buffering=0) as file:
        try:
            while True:
                file.write(b"\0" * 4096)
        except OSError:
            pass


def _muntada(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "MUNTADA_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "desktop.cli", "--lang", "en", *args], capture_output=True, text=True,
                          env=environment, timeout=120, check=False)


def test_init_and_add_on_a_full_disk_say_so_in_one_line_and_work_once_there_is_room(
        full_disk: Path, tmp_path: Path) -> None:
    archive_path = full_disk / "archive.sqlite"
    padding = full_disk / "padding"
    _fill(padding)

    init = _muntada(tmp_path, "--archive", str(archive_path), "init")
    assert init.returncode != 0
    assert "Traceback" not in init.stderr and "Unexpected" not in init.stderr
    assert "full" in init.stderr.lower() or "space" in init.stderr.lower()

    padding.unlink()
    assert _muntada(tmp_path, "--archive", str(archive_path), "init").returncode == 0
    assert _muntada(tmp_path, "--archive", str(archive_path), "add", "person", "--name", "سلمى").returncode == 0

    _fill(padding)  # a full disk under an archive with records: never called damaged (a restore would lose work)
    for command in (["info"], ["list", "people"], ["add", "person", "--name", "راشد"]):
        refused = _muntada(tmp_path, "--archive", str(archive_path), *command)
        assert refused.returncode != 0, command
        assert "is full" in refused.stderr and "damaged" not in refused.stderr and "restore" not in refused.stderr
    padding.unlink()
    listed = _muntada(tmp_path, "--archive", str(archive_path), "list", "people")
    assert listed.returncode == 0 and "سلمى" in listed.stdout and "راشد" not in listed.stdout
