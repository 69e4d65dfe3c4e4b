"""``muntada history KIND ID`` says which fields each edit changed, by their labels in the
officer's language (each edit read "عُدّل -" and nothing of what changed)."""

from __future__ import annotations

from pathlib import Path

from desktop.cli import main


def test_each_edit_names_the_fields_it_changed(tmp_path: Path, capsys) -> None:
    path = tmp_path / "archive.sqlite"
    assert main(["--archive", str(path), "init"]) == 0
    assert main(["--archive", str(path), "add", "person", "--name", "سالم الهاشمي"]) == 0
    assert main(["--archive", str(path), "edit", "person", "1", "--title", "مستشار إعلامي"]) == 0
    assert main(["--archive", str(path), "undo"]) == 0
    capsys.readouterr()
    assert main(["--lang", "ar", "--archive", str(path), "history", "person", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3, lines
    assert "المنصب" not in lines[0]  # the creation: every field, not listed
    assert lines[1].endswith("المنصب") and lines[2].endswith("المنصب"), lines  # the edit, and its undoing
    assert main(["--lang", "en", "--archive", str(path), "history", "person", "1"]) == 0
    assert capsys.readouterr().out.splitlines()[1].endswith("Title")
