"""Set up and run Muntada from a source checkout, on Windows or Linux, with one command each.

    python dev.py app     start the app (with the sample archive when there is no archive yet)
    python dev.py test    run the test suite on two processes (lint first: see LINT_BEFORE_TESTS; --no-lint skips it)
    python dev.py lint [PATH...]   ruff on the tree (or PATHs), then mypy (strict) on archive/ and search/
    python dev.py muntada ARGS...   run any muntada command
    python dev.py package [--no-installer]   build the release in dist/ and smoke-test it

The first run creates ``.venv`` beside this file and installs Muntada with its test tools into
it; later runs reinstall only when ``pyproject.toml`` changed. On Linux, the system libraries Qt
needs are installed with apt-get when they are missing and we are root (as in CI), or the
command to install them is printed.

``package`` builds in its own environment, ``build/venv``, installed from the pinned and hashed
``packaging/requirements-lock.txt`` (remade when that file changes), installs NSIS (Debian's
``nsis``) the same way as Qt's libraries, runs ``packaging/build.py`` (the program folder, the
portable zip and the installer, in ``dist/``) and then ``packaging/smoke.py`` on the unzipped
portable zip.
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
# `python dev.py test` lints before it runs pytest; a lint failure fails the run.
LINT_BEFORE_TESTS = True  # the whole tree passes `python dev.py lint`: a lint failure fails the test run
# pytest-xdist: two worker processes, each test file wholly on one (its module fixtures built once).
# Each worker has its own temporary folders, data folders, PostgreSQL server and Qt application.
# Two, not "auto": CI's machine has two cores, and two is what the suite was verified with
# (docs/testing.md). `-n 0` (or `-p no:xdist`) runs in one process.
PARALLEL_TESTS = ["-n", "2", "--dist", "loadfile"]
BUILD_VENV = ROOT / "build" / "venv"
BUILD_LOCK = ROOT / "packaging" / "requirements-lock.txt"


def venv_python(venv_folder: Path = VENV) -> Path:
    return venv_folder / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


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
    install_debian_packages(QT_DEBIAN_PACKAGES, "the system libraries Qt needs")


def ensure_postgresql_server() -> None:
    """On Linux, the team tests (tests/team) start a throwaway PostgreSQL server: Debian's ``postgresql``."""
    if not sys.platform.startswith("linux"):
        return
    if shutil.which("initdb") or any(Path("/usr/lib/postgresql").glob("*/bin/initdb")):
        return
    install_debian_packages(["postgresql"], "PostgreSQL, which the team archive's tests run against,")


def install_debian_packages(packages: list[str], purpose: str) -> bool:
    """apt-get install ``packages`` when we are root on Debian; else print the command. True when installed."""
    command = ["apt-get", "install", "-y", "--no-install-recommends", *packages]
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        print(f"Installing {purpose} ...", flush=True)
        subprocess.run(["apt-get", "update", "-q"], check=True, stdout=subprocess.DEVNULL)
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
        return True
    print(f"{purpose[0].upper()}{purpose[1:]} may be missing; install with:\n  sudo " + " ".join(command))
    return False


def ensure_build_environment() -> Path:
    """``build/venv`` with exactly the pinned build requirements; returns its Python."""
    wanted = hashlib.sha256(BUILD_LOCK.read_bytes()).hexdigest()
    stamp = BUILD_VENV / ".muntada-build-installed"
    python = venv_python(BUILD_VENV)
    if stamp.exists() and stamp.read_text() == wanted and python.exists():
        return python
    if BUILD_VENV.exists():
        shutil.rmtree(BUILD_VENV)
    print("Creating build/venv from packaging/requirements-lock.txt ...", flush=True)
    venv.EnvBuilder(with_pip=True).create(BUILD_VENV)
    subprocess.run([str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q", "--require-hashes",
                    "--only-binary", ":all:", "-r", str(BUILD_LOCK)], check=True)
    stamp.write_text(wanted)
    return python


def package(options: list[str]) -> int:
    """Build the release (folder, portable zip, installer) in dist/ and smoke-test the portable zip."""
    if "--no-installer" not in options and shutil.which("makensis") is None and sys.platform.startswith("linux"):
        install_debian_packages(["nsis"], "NSIS (makensis), which builds the installer,")
    python = str(ensure_build_environment())
    status = subprocess.call([python, str(ROOT / "packaging" / "build.py"), *options], cwd=ROOT)
    if status != 0:
        return status
    zips = sorted((ROOT / "dist").glob("Muntada-*-portable-*.zip"), key=lambda path: path.stat().st_mtime)
    print(f"Smoke test of {zips[-1].name} ...", flush=True)
    return subprocess.call([python, str(ROOT / "packaging" / "smoke.py"), str(zips[-1])], cwd=ROOT)


def lint(paths: list[str], python: str | None = None) -> int:
    """Ruff on ``paths`` (the whole tree when none), then mypy on those under archive/ and search/.

    Both read their settings from pyproject.toml; mypy is strict on archive/ and search/ only.
    ``python`` runs them (.venv's by default). Returns 0 when both pass, else the first failure's status.
    """
    python = python or str(venv_python())
    ruff_status = subprocess.call([python, "-m", "ruff", "check", *(paths or ["."])], cwd=ROOT)
    typed = [path for path in paths if Path(path).resolve().is_relative_to(ROOT / "archive")
             or Path(path).resolve().is_relative_to(ROOT / "search")]
    if paths and not typed:
        return ruff_status
    mypy_status = subprocess.call([python, "-m", "mypy", *typed], cwd=ROOT)
    return ruff_status or mypy_status


def run_tests(options: list[str]) -> int:
    """Lint (unless ``--no-lint`` is among ``options``), then pytest with the other options.

    pytest runs on two processes (``PARALLEL_TESTS``) unless ``options`` choose (``-n``, ``--dist``, ``-p no:xdist``).
    """
    lint_first = LINT_BEFORE_TESTS and "--no-lint" not in options
    options = [option for option in options if option != "--no-lint"]
    if not any(option.startswith(("-n", "--numprocesses", "--dist")) or option == "no:xdist" for option in options):
        options = [*PARALLEL_TESTS, *options]
    if lint_first:
        status = lint([])
        if status != 0:
            print("Lint failed (see above): fix it and run the tests again, or add --no-lint while you work.")
            return status
    return subprocess.call([str(venv_python()), "-m", "pytest", *options], cwd=ROOT)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"app", "test", "lint", "muntada", "package"}:
        print(__doc__)
        return 2
    ensure_qt_system_libraries()
    if argv[0] == "package":
        return package(argv[1:])
    ensure_environment()
    if argv[0] == "lint":
        return lint(argv[1:])
    if argv[0] == "test":
        ensure_postgresql_server()
        return run_tests(argv[1:])
    return subprocess.call([str(venv_python()), "-m", "desktop.cli", *argv[1:]], cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
