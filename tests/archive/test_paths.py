"""Archive paths with characters that mean something in a URI (``#``, ``%``, ``?``) work everywhere."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from contextlib import closing
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from archive.backups import integrity_problems, write_backup
from archive.db.engine import open_archive
from archive.db.uri import sqlite_uri

REPO = Path(__file__).resolve().parents[2]
AWKWARD_NAMES = ["forum #3", "100% done", "what?", "a%23b #?%"]


def test_uri_of_a_windows_drive_path():
    assert sqlite_uri(PureWindowsPath(r"C:\Users\Officer\forum #3\archive.sqlite"), mode="ro") == \
        "file:///C:/Users/Officer/forum%20%233/archive.sqlite?mode=ro"


def test_uri_of_a_posix_path_escapes_hash_percent_and_question_mark():
    assert sqlite_uri(PurePosixPath("/data/a#b/100%/why?/x.sqlite")) == "file:///data/a%23b/100%25/why%3F/x.sqlite"


def test_uri_of_an_arabic_path_opens_it(tmp_path):
    path = tmp_path / "أرشيف #1.sqlite"
    sqlite3.connect(path).close()
    sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True).close()
    assert sorted(os.listdir(tmp_path)) == ["أرشيف #1.sqlite"]


def _files_under(root: Path) -> set[str]:
    return {str(path.relative_to(root)) for path in root.rglob("*")}


@pytest.mark.parametrize("name", AWKWARD_NAMES)
def test_init_open_and_backup_in_an_awkward_folder(tmp_path, name):
    folder = tmp_path / name
    folder.mkdir()
    path = folder / "archive.sqlite"
    open_archive(path, create=True).close()
    archive = open_archive(path, create=False)
    try:
        assert archive.schema_version() is not None
        backup = write_backup(archive, folder / "copy.sqlite")
    finally:
        archive.close()
    assert integrity_problems(backup) == []
    with closing(sqlite3.connect(backup)) as connection:
        assert connection.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)
    stray = {entry for entry in _files_under(tmp_path) if not entry.startswith(name)}
    assert stray == set()


def _run_as_nobody_available() -> bool:
    return os.name != "nt" and os.geteuid() == 0 and shutil.which("setpriv") is not None


@pytest.mark.skipif(not _run_as_nobody_available(), reason="needs root and setpriv to run a command as nobody")
@pytest.mark.parametrize("name", AWKWARD_NAMES)
def test_read_only_archive_in_an_awkward_folder(name):
    """Opened by the unprivileged user nobody, for whom the folder is read-only (root ignores modes)."""
    root = Path(tempfile.mkdtemp(prefix="muntada-ro-"))
    try:
        folder = root / name
        folder.mkdir()
        path = folder / "archive.sqlite"
        open_archive(path, create=True).close()
        for each in (root, folder):
            each.chmod(0o755)
        path.chmod(0o644)
        code = ("import sys; from archive.db.engine import open_archive; a = open_archive(sys.argv[1], create=False); "
                "print(a.read_only, a.schema_version() is not None); a.close()")
        result = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable,
                                 "-c", code, str(path)], cwd=REPO, capture_output=True, text=True, timeout=60)
        assert result.stdout.split() == ["True", "True"], result.stderr
        assert _files_under(root) == {name, f"{name}/archive.sqlite"}
    finally:
        shutil.rmtree(root, ignore_errors=True)
