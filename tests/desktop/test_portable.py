"""``--portable`` reaches every part: the app and the command line write nothing outside ``MuntadaData``.

The program runs as a user would start it from a USB stick: a launcher in its own folder (the
"program folder" portable mode keeps its data beside), in real subprocesses, with HOME, the XDG
folders, MUNTADA_HOME and the temporary folder all pointing elsewhere; afterwards nothing of
Muntada's may be found there.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

LAUNCHER = """\
import sys
from desktop.cli import main
if __name__ == "__main__":  # the search process is started with spawn: it imports this file again
    sys.exit(main(sys.argv[1:]))
"""

# Starts the real app (``muntada`` with no command: ``run_app``), waits until its search process
# has opened the index, then closes the window as the officer would.
APP_LAUNCHER = """\
import sys
from PySide6.QtCore import QTimer
import desktop.app
from desktop.gui import errors
from desktop.cli import main

errors.dialogs_enabled = False
started = []

class WatchedApp(desktop.app.MuntadaApp):
    def start(self):
        started.append(self)
        super().start()
        QTimer.singleShot(100, close_when_ready)

def close_when_ready():
    app = started[-1]
    if app.workspace is not None and app.workspace.search_state in ("ready", "unavailable"):
        print("search:", app.workspace.search_state, flush=True)
        app.window.close()
    else:
        QTimer.singleShot(100, close_when_ready)

if __name__ == "__main__":  # the search process is started with spawn: it imports this file again
    desktop.app.MuntadaApp = WatchedApp
    code = main(sys.argv[1:])
    print("errors:", errors.shown_errors, flush=True)
    sys.exit(code)
"""


def _elsewhere(tmp_path: Path) -> tuple[dict[str, str], Path]:
    elsewhere = tmp_path / "elsewhere"
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("XDG_", "MUNTADA_"))}
    folders = {"HOME": "home", "XDG_DATA_HOME": "home/.local/share", "XDG_CONFIG_HOME": "home/.config",
               "XDG_CACHE_HOME": "home/.cache", "XDG_STATE_HOME": "home/.local/state", "MUNTADA_HOME": "muntada-home",
               "TMPDIR": "tmp", "TEMP": "tmp", "TMP": "tmp"}
    for key, relative in folders.items():
        (elsewhere / relative).mkdir(parents=True, exist_ok=True)
        environment[key] = str(elsewhere / relative)
    environment["QT_QPA_PLATFORM"] = "offscreen"
    environment["PYTHONPATH"] = str(REPO)
    environment["PYTHONDONTWRITEBYTECODE"] = "1"
    return environment, elsewhere


def _muntada_files_in(folder: Path) -> list[str]:
    """Files under ``folder`` that Muntada wrote (font caches of the system libraries are not ours)."""
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*")
                  if path.is_file() and "fontconfig" not in path.parts)


def test_portable_app_and_commands_write_only_beside_the_program(tmp_path: Path) -> None:
    program = tmp_path / "usb-stick" / "Muntada"
    program.mkdir(parents=True)
    (program / "muntada_app.py").write_text(APP_LAUNCHER, encoding="utf-8")
    (program / "muntada_cli.py").write_text(LAUNCHER, encoding="utf-8")
    environment, elsewhere = _elsewhere(tmp_path)

    def run(launcher: str, *arguments: str) -> subprocess.CompletedProcess:
        result = subprocess.run([sys.executable, str(program / launcher), "--portable", "--lang", "en", *arguments],
                                cwd=tmp_path, env=environment, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, (arguments, result.stdout, result.stderr)
        return result

    shown = run("muntada_app.py")
    assert "search: ready" in shown.stdout and "errors: []" in shown.stdout, shown.stdout
    for arguments in (["info"], ["reindex"], ["search", "الإعلام"], ["backup"], ["check"]):
        run("muntada_cli.py", *arguments)

    portable = program / "MuntadaData"
    written = _muntada_files_in(portable)
    assert "archive.sqlite" in written and "index.key" in written and "window.ini" in written
    assert any(name.startswith("indexes/") for name in written)
    assert any(name.startswith("backups/") for name in written)
    assert _muntada_files_in(elsewhere) == []
    assert sorted(path.name for path in program.iterdir()) == ["MuntadaData", "muntada_app.py", "muntada_cli.py"]
