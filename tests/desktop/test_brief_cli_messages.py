"""``muntada brief`` with a wrong section or a wrong list of numbers says what to write instead."""

from __future__ import annotations

from pathlib import Path

from desktop.cli import main


def test_wrong_options_say_what_to_write(tmp_path: Path, capsys) -> None:
    path = tmp_path / "archive.sqlite"
    assert main(["--archive", str(path), "init"]) == 0
    capsys.readouterr()
    out = str(tmp_path / "brief.pdf")
    assert main(["--lang", "ar", "--archive", str(path), "brief", "--quotes", "1,abc", "-o", out]) == 2
    err = capsys.readouterr().err
    assert "1,abc" in err and "4,9,15" in err, err
    assert main(["--lang", "ar", "--archive", str(path), "brief", "--quotes", "1", "--sections", "cover,bogus",
                 "-o", out]) == 2
    err = capsys.readouterr().err
    assert "bogus" in err and "cover, summary, statistics" in err, err
    assert not Path(out).exists()
