"""Lines the command line prints: a fault it did not expect, and search rows with nothing to add.

Real archives in tmp_path, real subprocesses where the program has to fail.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop.cli import main

REPO = Path(__file__).resolve().parents[2]

# A bug in the printing that follows a saved change: the change is committed, then the command fails.
_FAULT_AFTER_SAVE = (
    "import sys; from desktop.cli import main; from desktop.cli.context import CliContext\n"
    "def broken_say(self, *args, **kwargs):\n"
    "    raise RuntimeError('printer fault')\n"
    "CliContext.say = broken_say\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


def _muntada(home: Path, *argv: str, script: str | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", script, *argv] if script else [sys.executable, "-m", "desktop.cli", *argv]
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "MUNTADA_HOME": str(home)})


def test_a_fault_nobody_expected_says_what_happened_what_is_kept_and_what_to_do(tmp_path: Path) -> None:
    home, archive = tmp_path / "home", tmp_path / "archive.sqlite"
    assert _muntada(home, "--archive", str(archive), "init").returncode == 0
    for language, kept, send in (("en", "already saved is kept", "IT support"),
                                 ("ar", "في الأرشيف باقٍ", "الدعم الفني")):
        name = f"سالم {language}"
        failed = _muntada(home, "--lang", language, "--archive", str(archive), "add", "person", "--name", name,
                          script=_FAULT_AFTER_SAVE)
        assert failed.returncode == 70
        lines = failed.stderr.strip().splitlines()
        assert len(lines) == 1, failed.stderr
        assert "Unexpected error" not in lines[0] and "خطأ غير متوقع" not in lines[0]
        assert "Traceback" not in failed.stderr and "printer fault" in lines[0]
        assert kept in lines[0] and send in lines[0]
        log = home / "muntada.log"
        assert str(log) in lines[0] and "RuntimeError: printer fault" in log.read_text(encoding="utf-8")
        # What the message promises: the person saved before the fault is in the archive.
        listed = _muntada(home, "--archive", str(archive), "list", "people")
        assert name in listed.stdout


def test_a_search_row_with_no_text_of_its_own_prints_no_empty_line(tmp_path: Path, capsys) -> None:
    archive = str(tmp_path / "archive.sqlite")
    assert main(["--archive", archive, "init"]) == 0
    assert main(["--archive", archive, "add", "person", "--name", "سالم الهاشمي"]) == 0
    assert main(["--archive", archive, "add", "person", "--name", "أحمد الهاشمي", "--title", "مدير التواصل"]) == 0
    capsys.readouterr()
    assert main(["--archive", archive, "search", "الهاشمي"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line for line in lines if not line.strip()] == []
    untitled = next(index for index, line in enumerate(lines) if "سالم الهاشمي" in line)
    assert lines[untitled].startswith("[") and not lines[untitled + 1].startswith(" ")  # a row or the count
    titled = next(index for index, line in enumerate(lines) if "أحمد الهاشمي" in line)
    assert "مدير التواصل" in lines[titled + 1]
