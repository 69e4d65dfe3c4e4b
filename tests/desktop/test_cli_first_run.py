"""The command line on a computer where Muntada never ran: no data folder yet."""

from __future__ import annotations

import re
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


def test_the_list_of_backups_speaks_arabic_in_columns_as_wide_as_their_words(tmp_path: Path, capsys) -> None:
    path = tmp_path / "archive.sqlite"
    assert main(["--archive", str(path), "init"]) == 0
    assert main(["--archive", str(path), "backup"]) == 0
    capsys.readouterr()
    assert main(["--lang", "ar", "--archive", str(path), "backup", "--list"]) == 0
    line = capsys.readouterr().out.splitlines()[1]
    assert "ك.ب" in line and "KB" not in line, line
    assert re.search(r"يدوية {2}\d+ ك\.ب {2}archive-manual-", line), line  # it was padded to 32 characters


def test_list_gives_dates_in_words_as_search_does(tmp_path: Path, capsys) -> None:
    """"2024-05-12" after Arabic is laid out "12-05-2024" by the Unicode rules; search already says it in words."""
    from archive.db.engine import open_archive
    from archive.services import events, people, quotes
    from archive.services.records import EventInput, PersonInput, QuoteInput

    path = tmp_path / "archive.sqlite"
    archive = open_archive(path, create=True)
    speaker = people.create_person(archive, PersonInput(name="سالم بن حمد الكلباني"))
    event = events.create_event(archive, EventInput(name="منتدى الإعلام الثالث", start_date="2024-05-12"))
    quotes.create_quote(archive, QuoteInput(text="الشائعة تنتشر أسرع من تصحيحها", speaker_id=speaker.id,
                                            event_id=event.id, said_on="2024-05-12"))
    archive.close()
    for kind in ("quotes", "events"):
        assert main(["--lang", "ar", "--archive", str(path), "list", kind]) == 0
        out = capsys.readouterr().out
        assert "12 مايو 2024" in out and "2024-05-12" not in out, out
    assert main(["--lang", "en", "--archive", str(path), "list", "events"]) == 0
    assert "12 May 2024" in capsys.readouterr().out
