"""The safety benches spot a fault the command line did not expect, by its exit code and by its words.

A real ``muntada`` process is made to fail after a saved change (the printer breaks), in English and Arabic.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO / "bench") not in sys.path:
    sys.path.insert(0, str(REPO / "bench"))

from safety_common import CliRun  # noqa: E402

_FAULT_AFTER_SAVE = (
    "import sys; from desktop.cli import main; from desktop.cli.context import CliContext\n"
    "def broken_say(self, *args, **kwargs):\n"
    "    raise RuntimeError('printer fault')\n"
    "CliContext.say = broken_say\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


def _run(home: Path, *argv: str, script: str | None = None) -> CliRun:
    command = [sys.executable, "-c", script, *argv] if script else [sys.executable, "-m", "desktop.cli", *argv]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "MUNTADA_HOME": str(home)})
    return CliRun(list(argv), done.returncode, done.stdout, done.stderr, 0.0, 0)


def test_a_fault_nobody_expected_is_spotted_in_english_and_arabic(tmp_path: Path) -> None:
    home, archive = tmp_path / "home", tmp_path / "archive.sqlite"
    assert _run(home, "--archive", str(archive), "init").code == 0
    for language in ("en", "ar"):
        run = _run(home, "--lang", language, "--archive", str(archive), "add", "person", "--name", f"سالم {language}",
                   script=_FAULT_AFTER_SAVE)
        assert run.code == 70
        problem = run.unexpected()
        assert problem is not None and "printer fault" in problem, run.describe()
    refused = _run(home, "--archive", str(archive), "show", "article", "999999")
    assert refused.code not in (0, 70) and refused.unexpected() is None, refused.describe()


def test_exit_code_70_alone_is_a_fault_nobody_expected_whatever_its_words() -> None:
    run = CliRun(["info"], 70, "", "Something went wrong in words nobody has seen yet.\n", 0.0, 0)
    assert run.unexpected() == "Something went wrong in words nobody has seen yet."
    assert CliRun(["info"], 70, "", "", 0.0, 0).unexpected() == "exit 70, no output"
    assert CliRun(["info"], 2, "", "No archive at that path.\n", 0.0, 0).unexpected() is None
