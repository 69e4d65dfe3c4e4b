"""Whether a path is on a network drive, where SQLite's write-ahead log does not work.

WAL keeps its index in shared memory beside the database (``-shm``), which the computers of a
network share cannot share: two officers writing one archive on ``\\\\server\\share`` could corrupt
it. So a live archive on a network drive is refused (``archive.db.engine``); backups and bundles
may go there. On Windows: UNC paths, and drive letters Windows calls remote (mapped drives,
``GetDriveTypeW`` == DRIVE_REMOTE). Elsewhere: NFS and SMB mounts listed in ``/proc/mounts``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path, PureWindowsPath

DRIVE_REMOTE = 4
NETWORK_FILE_SYSTEMS = frozenset({"nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "9p", "fuse.sshfs"})
PROC_MOUNTS = Path("/proc/mounts")


def is_network_path(path: Path) -> bool:
    """Whether ``path`` (absolute) is on a network share or a mapped network drive."""
    if os.name == "nt":
        return is_windows_network_path(str(path), _windows_drive_type)
    try:
        mounts = PROC_MOUNTS.read_text(encoding="utf-8", errors="replace")
    except OSError:  # not Linux: nothing to go by
        return False
    return network_file_system(Path(os.path.realpath(path)), mounts) is not None


def is_windows_network_path(text: str, drive_type: Callable[[str], int]) -> bool:
    """Whether the Windows path ``text`` is a UNC path, or on a drive ``drive_type("X:\\\\")`` says is remote."""
    if text.startswith(("\\\\?\\UNC\\", "//?/UNC/")):
        return True
    if text.startswith(("\\\\?\\", "\\\\.\\", "//?/", "//./")):
        text = text[4:]
    drive = PureWindowsPath(text).drive
    if drive.startswith(("\\\\", "//")):
        return True
    return len(drive) == 2 and drive[1] == ":" and drive_type(drive + "\\") == DRIVE_REMOTE


if sys.platform == "win32":
    def _windows_drive_type(root: str) -> int:
        """GetDriveTypeW of a drive root such as ``X:\\``."""
        import ctypes

        return int(ctypes.windll.kernel32.GetDriveTypeW(root))
else:
    def _windows_drive_type(root: str) -> int:
        """Drive types are a Windows notion: never called elsewhere."""
        raise OSError("drive types exist on Windows only")


def network_file_system(path: Path, mounts: str) -> str | None:
    """The network file system ``path`` is on, going by the ``/proc/mounts`` text ``mounts``, else None."""
    best, best_type = "", None
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        mount_point = _unescape(fields[1])
        inside = str(path) == mount_point or str(path).startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) >= len(best):
            best, best_type = mount_point, fields[2]
    return best_type if best_type in NETWORK_FILE_SYSTEMS else None


def _unescape(field: str) -> str:
    """``/proc/mounts`` writes a space as ``\\040`` (and tab, newline, backslash likewise in octal)."""
    for code in ("040", "011", "012", "134"):
        field = field.replace("\\" + code, chr(int(code, 8)))
    return field
