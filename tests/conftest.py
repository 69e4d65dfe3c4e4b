"""Test-wide set-up: Qt offscreen before any QApplication, a private data folder, shared fixtures.

Two things here are about the run as a whole:

- The shared sample articles (``../shared/samples``, beside the repository) are third-party text
  that is never copied into the project. Without them, the tests that read them skip, and the
  run ends with one line saying how many did; in CI (``CI=true``) a missing folder fails the run
  at once instead, so that CI never passes by skipping them.
- The sample archive (``archive.demo``) takes seconds to build: it is built once per run into a
  cache folder (``sample_archive_master``), and each test that needs it gets its own copy
  (``sample_archive``), so that no test sees another's changes. A new empty archive is made the
  same way (``empty_archive_master``, copied by ``archive``), and so are the small filled archives of
  tests/desktop and tests/search (``BuiltArchives``): copying a file costs milliseconds, migrating
  and filling one 0.5-2 s (measured in docs/testing.md).
"""

from __future__ import annotations

import copy
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"
SAMPLE_SUBFOLDERS = ("articles", "gold")
# Every skip for want of the shared samples says "shared sample" (here and in the tests' own helpers).
SAMPLES_SKIP_MARK = "shared sample"
# The officer of the cached sample archive: the one tests/archive/test_demo.py checks in its audit trail.
SAMPLE_OFFICER = "ضابط الاختبار"
# Every skip of a team test for want of PostgreSQL says this (tests/team/conftest.py).
TEAM_SKIP_MARK = "team tests need PostgreSQL"
T = TypeVar("T")


def running_in_ci() -> bool:
    """Whether this run is CI's: ``CI`` set to true (as CI services and .ci/run's caller do)."""
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def shared_samples_present() -> bool:
    return all((SAMPLES / name).is_dir() for name in SAMPLE_SUBFOLDERS)


def pytest_configure(config: pytest.Config) -> None:
    """In CI, a missing shared samples folder is an error of the set-up, not a reason to skip."""
    if running_in_ci() and not shared_samples_present():
        raise pytest.UsageError(
            f"CI=true and the shared samples folder is absent or incomplete ({SAMPLES}, with "
            f"{' and '.join(SAMPLE_SUBFOLDERS)}): in CI it must sit beside the repository, "
            "so the tests that read it run instead of skipping.")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Outside CI, one line saying how many tests skipped for want of the shared samples, and one for
    want of PostgreSQL (tests/team/conftest.py). Both are here: with pytest-xdist (``python dev.py
    test``) the process that reports does not collect, so it never loads the conftest.py of a subfolder."""
    skipped = terminalreporter.stats.get("skipped", [])
    for_samples = [report for report in skipped if SAMPLES_SKIP_MARK in _skip_reason(report).casefold()]
    if for_samples and not shared_samples_present():
        terminalreporter.write_line(
            f"{len(for_samples)} tests skipped: the shared samples folder is absent ({SAMPLES}); "
            "in CI (CI=true) this fails the run.", yellow=True, bold=True)
    for_postgres = [report for report in skipped if TEAM_SKIP_MARK in _skip_reason(report)]
    if for_postgres:
        terminalreporter.write_line(
            f"{len(for_postgres)} team tests skipped: PostgreSQL's programs were not found (initdb, pg_ctl); "
            "install Debian's postgresql or set MUNTADA_TEST_POSTGRES. In CI (CI=true) this fails the run.",
            yellow=True, bold=True)


def _skip_reason(report: pytest.TestReport) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2])
    return str(longrepr or "")


@pytest.fixture(autouse=True)
def _private_data_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own data folder, so no test reads or writes the user's real archive."""
    monkeypatch.setenv("MUNTADA_HOME", str(tmp_path_factory.mktemp("muntada-home")))


@pytest.fixture(autouse=True)
def _language_restored() -> Iterator[None]:
    """Each test leaves the language of messages as it found it (Arabic, the default).

    A command run in-process with ``--lang en`` switches the process's language; without this the
    next test in the same process would read English where it expects Arabic, and pass or fail by
    the order the tests run in (which pytest-xdist changes).
    """
    from archive.i18n import current_language, set_language

    before = current_language()
    yield
    set_language(before)


@pytest.fixture(autouse=True)
def _no_dialog_left_open() -> Iterator[None]:
    """A dialog a test left open (modal) is hidden after it, so the next test starts without it.

    The app puts off its automatic team sync while a modal dialog is open (desktop.gui.team_sync):
    the import review left open by tests/desktop/test_review_confidence.py stopped the sync at
    start of the next test in the same process (as pytest-xdist orders them). Nothing is imported
    here unless the test itself loaded Qt.
    """
    yield
    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is None or widgets.QApplication.instance() is None:
        return
    for _ in range(20):  # dialogs opened over dialogs
        modal = widgets.QApplication.activeModalWidget()
        if modal is None:
            return
        modal.hide()


@pytest.fixture
def samples_folder() -> Path:
    """The shared sample articles and annotations (third-party text, read in place, never copied)."""
    if not (SAMPLES / "articles").is_dir():
        pytest.skip(f"the shared samples folder is absent ({SAMPLES}); it sits beside the repository in CI")
    return SAMPLES


def copy_archive(master: Path, target: Path) -> Path:
    """``target``, a copy of the closed archive file ``master`` (its contents and permissions; a new date)."""
    for journal in ("-wal", "-journal"):
        assert not master.with_name(master.name + journal).exists(), f"{master} was not closed cleanly"
    return Path(shutil.copy(master, target))


@pytest.fixture(scope="session")
def empty_archive_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new, empty archive made once per run (its migrations take 0.2-0.5 s). Never open it: copy it."""
    from archive.db.engine import open_archive

    cache = tmp_path_factory.mktemp("empty-archive-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MUNTADA_HOME", str(cache / "home"))
        open_archive(cache / "archive.sqlite").close()
    return cache / "archive.sqlite"


class BuiltArchives:
    """Archives filled by a test module's function, each built once per run and handed out as copies.

    ``copy(fill, target, officer)`` gives ``target``, a copy of the archive that ``fill(archive)``
    wrote into a new archive opened by ``officer``, and what ``fill`` returned (its ids). ``fill``
    runs once per run for each (fill, officer): tests that all start from the same records get
    them for the price of a file copy (filling one takes 0.5-2 s; see docs/testing.md).
    """

    def __init__(self, empty: Path, folder: Path) -> None:
        self.empty = empty
        self.folder = folder
        self.built: dict[tuple[Callable[..., object], str], tuple[Path, object]] = {}

    def copy(self, fill: Callable[..., T], target: Path, officer: str = "") -> tuple[Path, T]:
        from archive.db.engine import open_archive

        key = (fill, officer)
        if key not in self.built:
            master = copy_archive(self.empty, self.folder / f"built-{len(self.built)}.sqlite")
            with pytest.MonkeyPatch.context() as patch:
                patch.setenv("MUNTADA_HOME", str(self.folder / "home"))
                opened = open_archive(master, officer=officer)
                try:
                    made = fill(opened)
                finally:
                    opened.close()
            self.built[key] = (master, made)
        master, made = self.built[key]
        return copy_archive(master, target), copy.copy(made)  # type: ignore[return-value]


@pytest.fixture(scope="session")
def built_archives(empty_archive_master: Path, tmp_path_factory: pytest.TempPathFactory) -> BuiltArchives:
    """The run's archives filled once each and copied for each test (see ``BuiltArchives``)."""
    return BuiltArchives(empty_archive_master, tmp_path_factory.mktemp("built-archives"))


@pytest.fixture
def archive(empty_archive_master: Path, tmp_path: Path):
    """A new, empty archive in a real SQLite file (a copy of ``empty_archive_master``: the same bytes a
    new archive has, without running the migrations again)."""
    from archive.db.engine import open_archive

    opened = open_archive(copy_archive(empty_archive_master, tmp_path / "archive.sqlite"), officer="ضابط الاختبار")
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def sample_archive_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample archive, built once per run into a cache folder. Never open it: copy it.

    Tests use ``sample_archive`` (a copy of their own); a fixture of a wider scope copies this
    file itself. It is built with its own data folder, so nothing of the first test that asks
    for it (settings, index) leaks into it.
    """
    from archive.demo import create_sample_archive

    cache = tmp_path_factory.mktemp("sample-archive-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MUNTADA_HOME", str(cache / "home"))
        create_sample_archive(cache / "sample.sqlite", officer=SAMPLE_OFFICER)
    return cache / "sample.sqlite"


@pytest.fixture(scope="session")
def sample_archive_file(sample_archive_master: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the sample archive shared by the whole run, for fixtures of a wider scope than one
    test, which copy it again before changing anything (tests use ``sample_archive``)."""
    return Path(shutil.copy2(sample_archive_master, tmp_path_factory.mktemp("sample") / "sample.sqlite"))


@pytest.fixture
def sample_archive(sample_archive_master: Path, tmp_path: Path) -> Path:
    """This test's own copy of the sample archive (a file copy: cheap), free to change."""
    return Path(shutil.copy2(sample_archive_master, tmp_path / "sample.sqlite"))
