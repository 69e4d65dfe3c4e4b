"""The NSIS installer script compiles with makensis (Debian's nsis), as ``packaging/build.py`` runs it.

Skipped where makensis is absent (``python dev.py package`` installs it; CI's test run does not).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.packaging import PACKAGING, load_packaging_module

release = load_packaging_module("release_files")
MAKENSIS = shutil.which("makensis")


@pytest.mark.skipif(MAKENSIS is None, reason="makensis (NSIS) is not installed: apt-get install nsis")
def test_installer_script_compiles(tmp_path: Path) -> None:
    folder = tmp_path / "Muntada"
    (folder / "_internal").mkdir(parents=True)
    for name in (release.GUI_EXE, release.CLI_EXE):
        (folder / name).write_bytes(b"MZ" + b"\0" * 64)
    (folder / "_internal" / "base_library.zip").write_bytes(b"PK")
    ico = tmp_path / "muntada.ico"
    subprocess.run([sys.executable, str(PACKAGING / "icon.py"), str(ico)], check=True, timeout=120,
                   env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, capture_output=True)
    output = tmp_path / "Muntada-1.2.3-setup.exe"
    defines = tmp_path / "defines.nsh"
    defines.write_text(release.nsis_defines("1.2.3", folder, ico, output), encoding="utf-8")
    result = subprocess.run([MAKENSIS, "-V2", "-INPUTCHARSET", "UTF8", f"-DDEFINES_FILE={defines}",
                             str(PACKAGING / "installer.nsi")], cwd=PACKAGING, capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "warning" not in (result.stdout + result.stderr).lower(), result.stdout + result.stderr
    assert output.read_bytes()[:2] == b"MZ"


def test_installer_script_is_per_user_and_bilingual() -> None:
    script = (PACKAGING / "installer.nsi").read_text(encoding="utf-8")
    assert "RequestExecutionLevel user" in script
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APP_NAME}"' in script
    assert "HKLM" not in script  # no administrator rights: only the user's own registry
    assert '!insertmacro MUI_LANGUAGE "Arabic"' in script and '!insertmacro MUI_LANGUAGE "English"' in script
    assert "RMDir /r \"$INSTDIR\"" not in script  # never the whole folder: portable data may be in it
