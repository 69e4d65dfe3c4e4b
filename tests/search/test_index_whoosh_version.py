"""Issue 13: the index code reads private names of one Whoosh version, and says so when another is installed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import whoosh

from archive.i18n import tr
from search.whoosh_internals import WHOOSH_VERSION, WhooshVersionError, check_version

REPO = Path(__file__).resolve().parents[2]


def test_the_installed_whoosh_is_the_pinned_one() -> None:
    check_version(whoosh.__version__)
    assert f'"whoosh-reloaded=={".".join(map(str, WHOOSH_VERSION))}"' in (REPO / "pyproject.toml").read_text()
    assert f'whoosh-reloaded=={".".join(map(str, WHOOSH_VERSION))} ' in (
        REPO / "packaging" / "requirements-lock.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("installed", [(2, 7, 6), (2, 7, 4), (3, 0, 0)])
def test_another_whoosh_version_is_refused_with_both_versions_named(installed) -> None:
    with pytest.raises(WhooshVersionError) as refused:
        check_version(installed)
    english = refused.value.user_message("en")
    assert "2.7.5" in english and ".".join(map(str, installed)) in english and "Reinstall" in english
    arabic = refused.value.user_message("ar")
    assert "2.7.5" in arabic and arabic != english


def test_muntada_search_with_another_whoosh_says_what_is_wrong_in_one_line(tmp_path: Path) -> None:
    """A real process where Whoosh reports another version: the command fails with one line, no traceback."""
    environment = {**os.environ, "MUNTADA_HOME": str(tmp_path / "home")}
    archive = str(tmp_path / "archive.sqlite")
    subprocess.run([sys.executable, "-m", "desktop.cli", "--archive", archive, "init"], env=environment,
                   check=True, capture_output=True)
    program = ("import sys, whoosh; whoosh.__version__ = (2, 8, 0)\n"
               "from desktop.cli import main\n"
               f"sys.exit(main(['--lang', 'en', '--archive', {archive!r}, 'search', 'منتدى']))\n")
    result = subprocess.run([sys.executable, "-c", program], env=environment, capture_output=True, text=True)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == tr(
        "The search index needs whoosh-reloaded {expected}, but {installed} is installed. Reinstall Muntada, "
        "or install whoosh-reloaded=={expected}.", language="en", expected="2.7.5", installed="2.8.0")
