"""Set up and run Muntada from a source checkout, on Windows or Linux, with one command each.

    python dev.py app     start the app (with the sample archive when there is no archive yet)
    python dev.py test    run the test suite
    python dev.py muntada ARGS...   run any muntada command

The first run creates ``.venv`` beside this file and installs Muntada with its test tools into
it; later runs reinstall only when ``pyproject.toml`` changed. On Linux, the system libraries Qt
needs are installed with apt-get when they are missing and we are root (as in CI), or the
command to install them is printed.
"""

from __future__ import annotations

import ctypes.util
import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".muntada-installed"
QT_DEBIAN_PACKAGES = [
    "libglib2.0-0", "libgl1", "libegl1", "libx11-6", "libdbus-1-3", "libfontconfig1", "libfreetype6",
    "libxkbcommon0", "libxkbcommon-x11-0", "libx11-xcb1", "libxcb1", "libxcb-cursor0", "libxcb-icccm4",
    "libxcb-image0", "libxcb-keysyms1", "libxcb-randr0", "libxcb-render-util0", "libxcb-render0",
    "libxcb-shape0", "libxcb-shm0", "libxcb-sync1", "libxcb-util1", "libxcb-xfixes0", "libxcb-xkb1",
    "poppler-utils",
]
QT_LIBRARIES = ["EGL", "GL", "fontconfig", "xkbcommon", "dbus-1", "glib-2.0"]


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_environment() -> None:
    """Create the virtual environment and install the project when needed."""
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted and venv_python().exists():
        return
    if not venv_python().exists():
        print("Creating .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("Installing Muntada and its test tools into .venv ...", flush=True)
    pip = [str(venv_python()), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "-e", f"{ROOT}[test]"], check=True)
    STAMP.write_text(wanted)


def ensure_qt_system_libraries() -> None:
    """On Linux, Qt needs a few system libraries a bare machine may lack."""
    if not sys.platform.startswith("linux"):
        return
    missing = [name for name in QT_LIBRARIES if ctypes.util.find_library(name) is None]
    if not missing and shutil.which("pdftoppm"):
        return
    command = ["apt-get", "install", "-y", "--no-install-recommends", *QT_DEBIAN_PACKAGES]
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        print("Installing the system libraries Qt needs ...", flush=True)
        subprocess.run(["apt-get", "update", "-q"], check=True, stdout=subprocess.DEVNULL)
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    else:
        print("Qt needs system libraries that seem to be missing; install them with:\n  sudo " + " ".join(command))


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"app", "test", "muntada"}:
        print(__doc__)
        return 2
    ensure_qt_system_libraries()
    ensure_environment()
    python = str(venv_python())
    if argv[0] == "test":
        command = [python, "-m", "pytest", *argv[1:]]
    else:
        command = [python, "-m", "desktop.cli", *argv[1:]]
    return subprocess.call(command, cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
