"""The command line on a computer where Muntada never ran: no data folder yet."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli import main


@pytest.mark.parametrize("command", [("info",), ("list", "people"), ("history", "--recent")])
def test_a_command_before_any_archive_says_how_to_make_one(tmp_path: Path, monkeypatch, capsys,
                                                           command: tuple[str, ...]) -> None:
    home = tmp_path / "never-run"
    monkeypatch.setenv("MUNTADA_HOME", str(home))
    code = main(["--lang", "en", *command])
    err = capsys.readouterr().err
    assert code != 0
    assert "There is no archive at" in err and "muntada init" in err, err
    assert "Create it first" not in err, err  # the folder is Muntada's own to make, not the officer's
    assert not (home / "archive.sqlite").exists()
