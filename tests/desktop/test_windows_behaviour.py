"""Windows behaviours, tested here through the small functions that hold each Windows branch."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from archive import network_drive
from archive.db.engine import open_archive
from archive.errors import ArchiveOpenError
from archive.network_drive import DRIVE_REMOTE, is_windows_network_path, network_file_system
from desktop.cli import is_closed_pipe, main

DRIVE_FIXED = 3


# --- a closed pipe -------------------------------------------------------------------------------


def test_windows_closed_pipe_is_einval_and_is_recognised():
    assert is_closed_pipe(OSError(errno.EINVAL, "Invalid argument"), windows=True)
    assert not is_closed_pipe(OSError(errno.EINVAL, "Invalid argument"), windows=False)
    assert is_closed_pipe(BrokenPipeError(errno.EPIPE, "Broken pipe"), windows=False)
    assert not is_closed_pipe(OSError(errno.EINVAL, "Invalid argument", "C:/x.txt"), windows=True)
    assert not is_closed_pipe(OSError(errno.ENOSPC, "No space left"), windows=True)


# --- network drives ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path, remote", [
    (r"\\server\share\Muntada\archive.sqlite", True),
    ("//server/share/archive.sqlite", True),
    (r"\\?\UNC\server\share\archive.sqlite", True),
    (r"Z:\Muntada\archive.sqlite", True),  # a mapped drive: GetDriveTypeW says DRIVE_REMOTE
    (r"C:\Users\Officer\AppData\Local\Muntada\archive.sqlite", False),
    (r"\\?\C:\Users\Officer\archive.sqlite", False),
])
def test_windows_network_paths(path, remote):
    def drive_type(root: str) -> int:
        return DRIVE_REMOTE if root.upper() == "Z:\\" else DRIVE_FIXED

    assert is_windows_network_path(path, drive_type) is remote


MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
//server/share /mnt/share cifs rw,relatime 0 0
server:/export /mnt/nfs\\040home nfs4 rw 0 0
/dev/sdb1 /mnt/share/local ext4 rw 0 0
"""


def test_linux_network_mounts():
    assert network_file_system(Path("/mnt/share/Muntada/archive.sqlite"), MOUNTS) == "cifs"
    assert network_file_system(Path("/mnt/nfs home/archive.sqlite"), MOUNTS) == "nfs4"
    assert network_file_system(Path("/mnt/share/local/archive.sqlite"), MOUNTS) is None
    assert network_file_system(Path("/home/officer/archive.sqlite"), MOUNTS) is None
    assert network_file_system(Path("/mnt/shared/archive.sqlite"), MOUNTS) is None


def test_an_archive_on_a_network_share_is_refused_clearly(tmp_path, monkeypatch, capsys):
    """The folder is declared a CIFS share in a mounts table read instead of /proc/mounts."""
    share = tmp_path / "share"
    share.mkdir()
    mounts = tmp_path / "mounts"
    mounts.write_text(f"/dev/sda1 / ext4 rw 0 0\n//server/muntada {share} cifs rw 0 0\n", encoding="utf-8")
    monkeypatch.setattr(network_drive, "PROC_MOUNTS", mounts)
    with pytest.raises(ArchiveOpenError, match="network drive"):
        open_archive(share / "archive.sqlite", create=True)
    assert list(share.iterdir()) == []
    assert main(["--lang", "en", "--archive", str(share / "archive.sqlite"), "init"]) == 2
    error = capsys.readouterr().err
    assert "network drive" in error and "backup --to" in error and "Unexpected" not in error
    assert list(share.iterdir()) == []
    open_archive(tmp_path / "local.sqlite", create=True).close()  # a local folder is fine


# --- the index folder swap while another process holds a file of it ---------------------------------


def test_an_index_swap_refused_for_a_moment_is_tried_again(tmp_path):
    import search.storage as storage
    from search.storage import swap_in

    current, new = tmp_path / "index", tmp_path / "index.rebuilding"
    current.mkdir()
    (current / "old").write_text("old")
    new.mkdir()
    (new / "new").write_text("new")
    refusals = []
    real_rename = Path.rename

    def refused_twice(source, target):  # what Windows does while a search process closes its files
        if len(refusals) < 2:
            refusals.append(source)
            raise PermissionError(13, "The process cannot access the file because it is being used by another process")
        return real_rename(source, target)

    storage.rename_with_retries(current, tmp_path / "moved", rename=refused_twice, delays=(0.01, 0.01, 0.01))
    assert len(refusals) == 2 and (tmp_path / "moved" / "old").exists()
    real_rename(tmp_path / "moved", current)
    swap_in(new, current)
    assert sorted(path.name for path in current.iterdir()) == ["new"]


def test_an_index_swap_refused_for_good_gives_up_with_the_error(tmp_path):
    import search.storage as storage

    def always_refused(source, target):
        raise PermissionError(13, "in use")

    with pytest.raises(PermissionError):
        storage.rename_with_retries(tmp_path / "a", tmp_path / "b", rename=always_refused, delays=(0.01, 0.01))


# --- reindex while the app runs --------------------------------------------------------------------

HOLD_APP_LOCK = """\
import sys, time
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1])
lock.setStaleLockTime(0)
assert lock.tryLock(0)
print("locked", flush=True)
time.sleep(120)
"""


def test_reindex_while_the_app_runs_says_so_and_changes_nothing(tmp_path, capsys):
    import subprocess
    import sys

    from archive.location import resolve_locations
    from search.storage import IndexFormat

    path = tmp_path / "archive.sqlite"
    assert main(["--lang", "en", "--archive", str(path), "init"]) == 0
    assert main(["--lang", "en", "--archive", str(path), "reindex"]) == 0
    locations = resolve_locations(archive=path)
    built = IndexFormat.read(locations.index_folder).build
    app = subprocess.Popen([sys.executable, "-c", HOLD_APP_LOCK, str(locations.lock_file)], stdout=subprocess.PIPE,
                           text=True)
    try:
        assert app.stdout.readline().strip() == "locked"  # the app's own lock, as MuntadaApp.acquire_lock takes it
        capsys.readouterr()
        assert main(["--lang", "en", "--archive", str(path), "reindex"]) == 2
        error = capsys.readouterr().err
        assert "Muntada is running" in error and "Close the app" in error and "Unexpected" not in error
        assert IndexFormat.read(locations.index_folder).build == built
    finally:
        app.kill()
        app.wait()
    assert main(["--lang", "en", "--archive", str(path), "reindex"]) == 0  # the lock of an ended app is stale
    assert IndexFormat.read(locations.index_folder).build != built


# --- printing a brief at a high printer resolution ----------------------------------------------


def test_printing_at_600_dpi_renders_pages_at_300_dpi(qtbot, window, filled, tmp_path):
    """Each page goes to the printer as an image of at most 300 dpi (about 2,500 pixels across A4)."""
    import pypdf
    from PySide6.QtPrintSupport import QPrinter

    from desktop.gui.brief_dialog import print_width

    assert print_width(4960, 600) == 2480 and print_width(2480, 300) == 2480 and print_width(1200, 150) == 1200
    window.actions_helper.brief("event", filled.event_id)
    dialog = window.actions_helper.last_dialog
    dialog.refresh_preview()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setResolution(600)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dialog.print_to(printer) == dialog.brief.page_count
    pages = pypdf.PdfReader(tmp_path / "printed.pdf").pages
    assert len(pages) == dialog.brief.page_count
    for page in pages:
        widths = [int(xobject.get_object()["/Width"]) for xobject in page["/Resources"]["/XObject"].values()
                  if xobject.get_object().get("/Subtype") == "/Image"]
        assert widths and max(widths) <= 2600, widths


@pytest.mark.skipif(os.name == "nt" or os.geteuid() != 0 or shutil.which("setpriv") is None,
                    reason="needs root and setpriv to run a command as nobody")
def test_reindex_of_an_archive_in_a_read_only_folder_is_not_taken_for_a_running_app():
    """No lock file can be made beside it, so no app can hold one there: the index is rebuilt."""
    import subprocess
    import sys
    import tempfile

    folder, home = Path(tempfile.mkdtemp(prefix="muntada-ro-")), Path(tempfile.mkdtemp(prefix="muntada-home-"))
    try:
        path = folder / "archive.sqlite"
        open_archive(path).close()
        folder.chmod(0o755)
        path.chmod(0o644)
        home.chmod(0o777)
        result = subprocess.run(
            ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-c",
             "import sys; from desktop.cli import main; sys.exit(main(sys.argv[1:]))",
             "--lang", "en", "--archive", str(path), "reindex"],
            cwd=Path(__file__).resolve().parents[2], env={**os.environ, "MUNTADA_HOME": str(home), "HOME": str(home)},
            capture_output=True, text=True, timeout=60)
        assert result.returncode == 0 and "Search index rebuilt" in result.stdout, result.stderr
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(home, ignore_errors=True)


@pytest.mark.skipif(os.name == "nt" or os.geteuid() != 0 or shutil.which("setpriv") is None,
                    reason="needs root and setpriv to run a command as nobody")
def test_the_app_starts_on_an_archive_in_a_read_only_folder():
    """No lock file can be made beside the archive: that is not "already running" (it opens read-only)."""
    import subprocess
    import sys
    import tempfile

    folder, home = Path(tempfile.mkdtemp(prefix="muntada-ro-")), Path(tempfile.mkdtemp(prefix="muntada-home-"))
    code = ("import sys; from pathlib import Path; from archive.settings import Settings; "
            "from desktop.app import MuntadaApp, qt_application; from desktop.gui import errors; "
            "errors.dialogs_enabled = False; "
            "app = MuntadaApp(qt_application('en'), Settings(), Path(sys.argv[1]), False, synchronous=True); "
            "print(app.acquire_lock(), errors.shown_errors)")
    try:
        path = folder / "archive.sqlite"
        open_archive(path).close()
        folder.chmod(0o755)
        path.chmod(0o644)
        home.chmod(0o777)
        result = subprocess.run(
            ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-c", code, str(path)],
            cwd=Path(__file__).resolve().parents[2],
            env={**os.environ, "MUNTADA_HOME": str(home), "HOME": str(home), "QT_QPA_PLATFORM": "offscreen"},
            capture_output=True, text=True, timeout=60)
        assert result.stdout.strip() == "True []", (result.stdout, result.stderr)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(home, ignore_errors=True)
