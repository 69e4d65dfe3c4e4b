"""Build a Muntada release: the one-folder program, the portable zip and the NSIS installer, in ``dist/``.

    python packaging/build.py [--no-installer] [--reuse-folder]

Run it with a Python that has the pinned build requirements (``packaging/requirements-lock.txt``);
``python dev.py package`` makes that environment, runs this, then the smoke test. Steps:

1. derive from ``pyproject.toml`` (the only place the version is written) the Windows version
   resources of both exes and the installer's defines, and render the icon; all into ``build/release/``;
2. PyInstaller (``packaging/muntada.spec``) -> ``dist/Muntada/`` with ``Muntada.exe`` (windowed) and
   ``muntada-cli.exe`` (console); on Linux ``Muntada`` and ``muntada-cli``;
3. ``dist/Muntada-<version>-portable-<platform>.zip``, with ``portable.txt`` beside the exes;
4. ``dist/Muntada-<version>-setup.exe`` with ``makensis`` (NSIS 3; on Linux Debian's ``nsis``).
   The script compiles anywhere, but only an installer built on Windows holds a Windows program.

``--reuse-folder`` skips step 2 and packs the ``dist/Muntada/`` already there: after signing its
exes (``docs/install.md``), the zip and the installer are made again from the signed files.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from icon import SVG, write_ico  # noqa: E402
from release_files import (  # noqa: E402
    APP_NAME,
    CLI_EXE,
    GUI_EXE,
    nsis_defines,
    project_version,
    version_info_text,
    write_portable_zip,
)

DIST = ROOT / "dist"
BUILD = ROOT / "build"
GENERATED = BUILD / "release"
APP_FOLDER = DIST / APP_NAME


def platform_tag() -> str:
    """``win64`` on 64-bit Windows, else e.g. ``linux-x86_64`` (names the zip)."""
    machine = platform.machine().lower()
    if sys.platform == "win32":
        return "win64" if machine in ("amd64", "x86_64") else f"win-{machine}"
    return f"{sys.platform.rstrip('0123456789')}-{machine}"


def write_generated_files(version: str) -> None:
    """Version resources, installer defines and the icon, in ``build/release/``."""
    GENERATED.mkdir(parents=True, exist_ok=True)
    for exe_name in (GUI_EXE, CLI_EXE):
        stem = Path(exe_name).stem
        (GENERATED / f"version_info-{stem}.txt").write_text(version_info_text(version, exe_name), encoding="utf-8")
    write_ico(SVG, GENERATED / "muntada.ico")


def run_pyinstaller() -> Path:
    """Build ``dist/Muntada/`` from the spec; returns the folder."""
    environment = {**os.environ, "MUNTADA_RELEASE_DIR": str(GENERATED),
                   "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller"), str(HERE / "muntada.spec")],
                   check=True, cwd=ROOT, env=environment)
    return APP_FOLDER


def makensis() -> str | None:
    """The NSIS compiler on PATH (or in its usual Windows folders), or None."""
    found = shutil.which("makensis")
    for folder in (os.environ.get("ProgramFiles(x86)"), os.environ.get("ProgramFiles")):
        candidate = Path(folder or "") / "NSIS" / "makensis.exe"
        if not found and folder and candidate.exists():
            found = str(candidate)
    return found


def build_installer(version: str) -> Path:
    """Compile ``packaging/installer.nsi`` into ``dist/Muntada-<version>-setup.exe``; returns its path."""
    compiler = makensis()
    if compiler is None:
        raise SystemExit("makensis (NSIS 3) was not found: install it (Debian: apt-get install nsis; "
                         "Windows: choco install nsis) or pass --no-installer.")
    output = DIST / f"{APP_NAME}-{version}-setup.exe"
    defines = GENERATED / "defines.nsh"
    defines.write_text(nsis_defines(version, APP_FOLDER, GENERATED / "muntada.ico", output), encoding="utf-8")
    # "-" options: makensis on Windows also takes "/", but on Linux only "-".
    # LZMA takes minutes on the ~250 MB folder; off Windows the installer only proves the script compiles.
    speed = [] if sys.platform == "win32" else ["-DFAST_COMPRESSION"]
    subprocess.run([compiler, "-V2", "-INPUTCHARSET", "UTF8", f"-DDEFINES_FILE={defines}", *speed,
                    str(HERE / "installer.nsi")], check=True, cwd=HERE)
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-installer", action="store_true", help="skip the NSIS installer")
    parser.add_argument("--reuse-folder", action="store_true",
                        help="pack the dist/Muntada already built (e.g. after signing its exes)")
    args = parser.parse_args(argv)
    version = project_version(ROOT / "pyproject.toml")
    print(f"Building {APP_NAME} {version} for {platform_tag()} ...", flush=True)
    write_generated_files(version)
    folder = APP_FOLDER if args.reuse_folder else run_pyinstaller()
    made = [folder]
    made.append(write_portable_zip(folder, DIST / f"{APP_NAME}-{version}-portable-{platform_tag()}.zip"))
    if not args.no_installer:
        made.append(build_installer(version))
    for path in made:
        files = ([file for file in path.rglob("*") if file.is_file() and not file.is_symlink()]
                 if path.is_dir() else [path])
        size = sum(file.stat().st_size for file in files)
        print(f"  {path.relative_to(ROOT)}  ({size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
