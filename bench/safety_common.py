"""Shared parts of the data-safety benchmark (bench/safety.py): running the command line, results.

Everything is measured from the outside: each command is ``python -m desktop.cli --lang en
--archive PATH ...`` in its own process, with its own MUNTADA_HOME, its output written to files
(so a killed process keeps what it printed), its peak memory taken from ``os.wait4``'s rusage
(``ru_maxrss``, KB on Linux), killed with SIGKILL at a chosen moment or when it runs over the time
limit (a hang). Generated articles carry a unique Arabic marker word each, so a search tells
whether the index holds exactly the articles the database holds.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CODE = {"root": ROOT}  # the tree whose code is measured (``--code``: another checkout, same .venv)
PYTHON = ROOT / ".venv" / "bin" / "python"
if not PYTHON.exists():  # run from another environment (or on Windows): use this interpreter
    PYTHON = Path(sys.executable)

EXIT_UNEXPECTED = 70  # desktop.cli's exit code for a fault it did not expect (EX_SOFTWARE), whatever its words
# Its words, for a fault caught with another exit code: a traceback, today's message in English and
# Arabic (desktop/cli/__init__.py ``_unexpected``), and the words it used before.
UNEXPECTED_MARKERS = ("Traceback (most recent call last)", "stopped on a fault it did not expect",
                      "عند خلل لم يكن متوقعًا", "Unexpected error", "خطأ غير متوقع")
COMMON_WORD = "ظغفلمج"  # in every generated article: a word no real text has
_MARKER_LETTERS = "بجحخشعغفلمن"


# --- running the command line --------------------------------------------------------------------

@dataclass
class CliRun:
    """One finished command: exit code (negative: killed by that signal), output, time, memory."""

    argv: list[str]
    code: int
    stdout: str
    stderr: str
    seconds: float
    max_rss_kb: int
    killed: bool = False  # we killed it on purpose (kill series)
    hung: bool = False  # it ran over the time limit and was killed

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def unexpected(self) -> str | None:
        """The first sign of a fault nobody expected: its words or a traceback in the output, or exit code 70."""
        for marker in UNEXPECTED_MARKERS:
            if marker in self.output:
                line = next(line for line in self.output.splitlines() if marker in line)
                return line.strip()[:160]
        if self.code == EXIT_UNEXPECTED:
            lines = [line.strip() for line in self.stderr.splitlines() if line.strip()]
            return lines[0][:160] if lines else f"exit {EXIT_UNEXPECTED}, no output"
        return None

    def did_not_start(self) -> str | None:
        """The error that stopped the program before it ran (an import failing: a tree mid-edit), or None."""
        if "Traceback (most recent call last)" in self.stderr and "<frozen runpy>" in self.stderr:
            lines = [line.strip() for line in self.stderr.splitlines() if line.strip()]
            return lines[-1][:160] if lines else "?"
        return None

    def error_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip() and not line.startswith("[")]

    def describe(self) -> str:
        text = " | ".join(line.strip() for line in self.output.splitlines() if line.strip())
        return f"exit {self.code}: {text[:200]}" if text else f"exit {self.code}, no output"


class CliProcess:
    """A running ``muntada`` command; ``finish()`` waits for it (or kills it) and returns a CliRun."""

    def __init__(self, workdir: Path, args: list[str], archive: Path | None, home: Path, lang: str = "en") -> None:
        workdir.mkdir(parents=True, exist_ok=True)
        self.argv = [str(PYTHON), "-m", "desktop.cli", "--lang", lang]
        if archive is not None:
            self.argv += ["--archive", str(archive)]
        self.argv += [str(arg) if not isinstance(arg, bytes) else arg for arg in args]
        stem = f"run-{time.monotonic_ns()}-{random.randrange(1 << 30)}"
        self.out_path, self.err_path = workdir / f"{stem}.out", workdir / f"{stem}.err"
        env = {**os.environ, "MUNTADA_HOME": str(home), "PYTHONUNBUFFERED": "1", "QT_QPA_PLATFORM": "offscreen",
               "PYTHONPATH": str(CODE["root"])}
        with open(self.out_path, "wb") as out, open(self.err_path, "wb") as err:
            self.started = time.perf_counter()
            self.process = subprocess.Popen(self.argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                            cwd=str(workdir), env=env, start_new_session=True)

    def finish(self, timeout: float, kill_after: float | None = None) -> CliRun:
        deadline = self.started + (kill_after if kill_after is not None else timeout)
        status, usage = self._wait_until(deadline)
        killed = hung = False
        if status is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            _, status, usage = os.wait4(self.process.pid, 0)
            killed, hung = kill_after is not None, kill_after is None
        seconds = time.perf_counter() - self.started
        self.process.returncode = os.waitstatus_to_exitcode(status)
        _kill_group_leftovers(self.process.pid)
        return CliRun([str(arg) for arg in self.argv[3:]], self.process.returncode, _read(self.out_path),
                      _read(self.err_path), seconds, usage.ru_maxrss, killed, hung)

    def _wait_until(self, deadline: float):
        while True:
            pid, status, usage = os.wait4(self.process.pid, os.WNOHANG)
            if pid:
                return status, usage
            if time.perf_counter() >= deadline:
                return None, None
            time.sleep(0.005)


def _kill_group_leftovers(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)  # anything the command started and left behind


def _read(path: Path) -> str:
    text = path.read_bytes().decode("utf-8", errors="replace")
    path.unlink(missing_ok=True)
    return text


def run_cli(workdir: Path, args: list, archive: Path | None, home: Path, timeout: float = 60.0,
            kill_after: float | None = None, lang: str = "en") -> CliRun:
    """Run one command to its end (or kill it after ``kill_after`` s, or as a hang after ``timeout`` s)."""
    return CliProcess(workdir, args, archive, home, lang).finish(timeout, kill_after)


def parse_json(run: CliRun):
    """The JSON a ``--json`` command printed, or None."""
    try:
        return json.loads(run.stdout)
    except ValueError:
        return None


# --- generated articles --------------------------------------------------------------------------

def marker(number: int) -> str:
    """A unique Arabic word for article ``number`` (letters the search keeps apart)."""
    letters = ""
    for _ in range(5):
        letters += _MARKER_LETTERS[number % len(_MARKER_LETTERS)]
        number //= len(_MARKER_LETTERS)
    return "ظ" + letters + "ق"


def article_text(number: int, rng: random.Random, paragraphs: int = 6) -> str:
    """A short forum article with quotes and figures, its marker in the headline and a quote."""
    word = marker(number)
    lines = [f"منتدى الإعلام الحكومي يناقش التواصل الرقمي {word}",
             (f"دبي - وام: انطلقت اليوم أعمال الدورة الثالثة من منتدى {COMMON_WORD} بمشاركة أكثر من "
              f"{rng.randint(100, 900)} مشارك من {rng.randint(5, 40)} دولة."),
             f"وقال وزير الإعلام محمد {word} إن \"التواصل الحكومي يتطلب سرعة ودقة في نقل المعلومة إلى الجمهور\".",
             f"وأكد مدير المنتدى أن نسبة المتابعين ارتفعت بنسبة {rng.randint(5, 80)}% خلال العام الماضي."]
    for _ in range(paragraphs):
        lines.append("وتناولت الجلسات موضوعات الإعلام الرقمي والذكاء الاصطناعي وصناعة المحتوى "
                     f"وأثر المنصات الجديدة في {rng.choice(('المؤسسات', 'الجمهور', 'الصحافة', 'الحكومات'))}. " * 3)
    return "\n".join(lines) + "\n"


def write_articles(folder: Path, first: int, count: int, seed: int) -> dict[str, str]:
    """Write ``count`` articles numbered from ``first``; returns file name -> marker word."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed * 100_003 + first)
    names = {}
    for number in range(first, first + count):
        name = f"article-{number:05d}.txt"
        (folder / name).write_text(article_text(number, rng), encoding="utf-8")
        names[name] = marker(number)
    return names


# --- results -------------------------------------------------------------------------------------

@dataclass
class CaseResult:
    """One case of a series: what went wrong (``failures``; empty = passed) and its figures."""

    series: str
    group: str
    name: str
    failures: list[str] = field(default_factory=list)
    killed: int = 0
    unusable: int = 0
    records_lost: int = 0
    index_mismatches: int = 0
    unexpected_errors: int = 0
    hangs: int = 0
    not_started: int = 0  # commands that failed before running (the program itself did not import)
    peak_rss_kb: int = 0
    seconds: float = 0.0
    notes: dict = field(default_factory=dict)

    def fail(self, text: str) -> None:
        self.failures.append(text)

    def note_runs(self, *runs: CliRun) -> None:
        """Count unexpected errors and hangs in these runs (as failures too)."""
        for run in runs:
            if run.hung:
                self.hangs += 1
                self.fail(f"hang: `{' '.join(run.argv[-3:])}` ran over {run.seconds:.0f} s")
            broken = run.did_not_start()
            if broken:
                self.not_started += 1
                self.fail(f"the program did not start for `{_short_argv(run.argv)}`: {broken}")
                continue
            problem = run.unexpected()
            if problem:
                self.unexpected_errors += 1
                self.fail(f"unexpected error in `{_short_argv(run.argv)}`: {problem}")
            self.peak_rss_kb = max(self.peak_rss_kb, run.max_rss_kb)


def _short_argv(argv: list[str]) -> str:
    words = [Path(word).name if "/" in word else word for word in argv if word not in ("--lang", "en", "--archive")]
    return " ".join(words)[:80]
