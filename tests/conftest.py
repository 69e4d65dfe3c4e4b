"""Test-wide set-up: Qt offscreen before any QApplication, a private data folder, shared fixtures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"


@pytest.fixture(autouse=True)
def _private_data_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own data folder, so no test reads or writes the user's real archive."""
    monkeypatch.setenv("MUNTADA_HOME", str(tmp_path_factory.mktemp("muntada-home")))


@pytest.fixture
def samples_folder() -> Path:
    """The shared sample articles and annotations (third-party text, read in place, never copied)."""
    if not (SAMPLES / "articles").is_dir():
        pytest.skip(f"the shared samples folder is absent ({SAMPLES}); it sits beside the repository in CI")
    return SAMPLES


@pytest.fixture
def archive(tmp_path: Path):
    """A new, empty archive in a real SQLite file."""
    from archive.db.engine import open_archive

    opened = open_archive(tmp_path / "archive.sqlite", officer="ضابط الاختبار")
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def sample_archive_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample archive, built once per test run; tests that change it must work on a copy."""
    from archive.demo import create_sample_archive

    path = tmp_path_factory.mktemp("sample") / "sample.sqlite"
    create_sample_archive(path)
    return path
