"""``muntada search`` shows a hit in reverse video on a terminal and unmarked elsewhere, never in «…»:
those are Arabic quotation marks, and an officer copying a result into a brief quoted a word the
speaker never set apart."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import fill_archive

REPO = Path(__file__).resolve().parents[2]


def search_output(archive_path: Path, *, terminal: bool, no_color: bool = False) -> str:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("NO_COLOR", None)
    if no_color:
        env["NO_COLOR"] = "1"
    argv = [sys.executable, "-m", "desktop.cli", "--archive", str(archive_path), "--lang", "en",
            "search", "الهاتف", "--kind", "statistic"]
    if not terminal:
        done = subprocess.run(argv, capture_output=True, env=env, cwd=REPO, check=False, timeout=120)
        assert done.returncode == 0, done.stderr.decode()
        return done.stdout.decode()
    import pty

    leader, follower = pty.openpty()
    process = subprocess.Popen(argv, stdout=follower, stderr=subprocess.DEVNULL, env=env, cwd=REPO)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the child closed its end
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert process.wait(timeout=120) == 0
    return b"".join(chunks).decode()


def test_output_to_a_file_or_a_program_is_not_marked(archive) -> None:
    fill_archive(archive)
    archive.close()
    out = search_output(archive.path, terminal=False)
    line = next(line for line in out.splitlines() if "يتابعون الأخبار" in line)
    assert "الهاتف" in line and "«" not in line and "»" not in line and "\x1b" not in line, line


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal is POSIX")
def test_on_a_terminal_a_hit_is_in_reverse_video(archive) -> None:
    fill_archive(archive)
    archive.close()
    out = search_output(archive.path, terminal=True)
    line = next(line for line in out.splitlines() if "يتابعون الأخبار" in line)
    assert "\x1b[7mالهاتف\x1b[27m" in line and "«" not in line, repr(line)
    plain = search_output(archive.path, terminal=True, no_color=True)
    assert "\x1b" not in plain and "«" not in plain, repr(plain)
