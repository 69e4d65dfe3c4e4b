"""The test run itself (tests/conftest.py): shared samples strict in CI and loud outside, one sample archive.

The shared-samples checks run pytest for real, in a subprocess, on a copy of our conftest.py
placed in a temporary "repository" that has no ``shared`` folder beside it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

CONFTEST = Path(__file__).resolve().parent / "conftest.py"
NEEDS_SAMPLES = '''
def test_reads_the_samples(samples_folder):
    assert samples_folder.is_dir()


def test_needs_nothing():
    assert True
'''


def run_pytest_without_shared(tmp_path: Path, ci: str | None) -> subprocess.CompletedProcess[str]:
    """pytest on a repository copy whose ``../shared`` is absent, with ``CI`` set to ``ci`` (or unset)."""
    tests = tmp_path / "repository" / "tests"
    tests.mkdir(parents=True)
    shutil.copy(CONFTEST, tests / "conftest.py")
    (tests / "test_uses_samples.py").write_text(NEEDS_SAMPLES, encoding="utf-8")
    (tmp_path / "repository" / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    environment = {name: value for name, value in os.environ.items() if name not in {"CI", "PYTEST_ADDOPTS"}}
    if ci is not None:
        environment["CI"] = ci
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
                          cwd=tmp_path / "repository", env=environment, capture_output=True, text=True,
                          timeout=120, check=False)


def test_in_ci_a_missing_shared_folder_fails_the_run(tmp_path: Path) -> None:
    result = run_pytest_without_shared(tmp_path, ci="true")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "CI=true and the shared samples folder is absent" in output
    assert "passed" not in output  # nothing ran: the set-up is wrong, not the tests


def test_outside_ci_the_skips_are_counted_in_one_line(tmp_path: Path) -> None:
    result = run_pytest_without_shared(tmp_path, ci=None)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "1 passed, 1 skipped" in output
    summary = [line for line in output.splitlines() if "tests skipped: the shared samples folder is absent" in line]
    assert len(summary) == 1 and summary[0].startswith("1 tests skipped"), output


TEAM_SKIPS = '''
import pytest

from tests.conftest import TEAM_SKIP_MARK


def test_needs_a_server():
    pytest.skip(f"{TEAM_SKIP_MARK} 15+ (initdb and pg_ctl not found)")
'''


def test_team_skips_are_counted_in_one_line_also_on_two_processes(tmp_path: Path) -> None:
    """``python dev.py test`` runs pytest-xdist, whose reporting process loads no subfolder's conftest.py."""
    tests = tmp_path / "repository" / "tests"
    (tests / "team").mkdir(parents=True)
    shutil.copy(CONFTEST, tests / "conftest.py")
    (tests / "__init__.py").touch()
    (tests / "team" / "__init__.py").touch()
    (tests / "team" / "test_team.py").write_text(TEAM_SKIPS, encoding="utf-8")
    (tmp_path / "repository" / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    environment = {name: value for name, value in os.environ.items()
                   if name not in {"CI", "PYTEST_ADDOPTS"} and not name.startswith("PYTEST_XDIST")}
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "2", "tests"],
                            cwd=tmp_path / "repository", env=environment, capture_output=True, text=True,
                            timeout=120, check=False)
    output = result.stdout + result.stderr
    assert result.returncode == 0 and "1 skipped" in output, output
    summary = [line for line in output.splitlines() if "team tests skipped: PostgreSQL's programs" in line]
    assert len(summary) == 1 and summary[0].startswith("1 team tests skipped"), output


def test_ci_false_is_not_ci(tmp_path: Path) -> None:
    result = run_pytest_without_shared(tmp_path, ci="false")
    assert result.returncode == 0, result.stdout + result.stderr


def test_each_test_gets_its_own_copy_of_the_one_sample_archive(sample_archive: Path, sample_archive_master: Path,
                                                               tmp_path_factory) -> None:
    assert sample_archive.parent != sample_archive_master.parent
    with closing(sqlite3.connect(sample_archive)) as connection, connection:
        connection.execute("UPDATE quote SET text = 'changed by this test'")
    other_copy = Path(shutil.copy(sample_archive_master, tmp_path_factory.mktemp("other") / "copy.sqlite"))
    with closing(sqlite3.connect(other_copy)) as connection:
        texts = {text for (text,) in connection.execute("SELECT text FROM quote")}
    assert len(texts) > 50 and "changed by this test" not in texts
