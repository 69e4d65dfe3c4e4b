"""The command line on damaged, empty, missing and read-only archives; backups, restore and the log."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main

REPO = Path(__file__).resolve().parents[2]
POSIX = os.name != "nt"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def made_archive(capsys, path: Path, people: int = 0) -> Path:
    assert run(capsys, "--archive", str(path), "init")[0] == 0
    if people:
        from archive.db.engine import open_archive
        from archive.services import people as people_service
        from archive.services.records import PersonInput

        archive = open_archive(path, create=False)
        for number in range(people):
            people_service.create_person(archive, PersonInput(name=f"شخص رقم {number}"))
        archive.close()
    return path


# --- item 12: a damaged archive gives one clear line for every command -------------------------


def three_hundred_people(archive) -> None:  # type: ignore[no-untyped-def]
    """What ``made_archive(..., people=300)`` writes into the new archive (once per run: see ``BuiltArchives``)."""
    from archive.services import people as people_service
    from archive.services.records import PersonInput

    for number in range(300):
        people_service.create_person(archive, PersonInput(name=f"شخص رقم {number}"))


@pytest.mark.parametrize("damage", ["truncated", "overwritten", "not-a-database", "header-fields"])
@pytest.mark.parametrize("command", [("info",), ("list", "people"), ("check",), ("search", "شخص")])
def test_a_damaged_archive_gives_one_clear_line(tmp_path: Path, capsys, damage: str, command: tuple[str, ...],
                                                built_archives) -> None:
    path, _ = built_archives.copy(three_hundred_people, tmp_path / "archive.sqlite")
    data = path.read_bytes()
    if damage == "truncated":
        path.write_bytes(data[: len(data) // 3])
    elif damage == "overwritten":
        path.write_bytes(data[:100] + b"\xff" * (len(data) - 100))
    elif damage == "header-fields":  # the schema format number among them: "unsupported file format"
        path.write_bytes(data[:40] + b"\xff" * 20 + data[60:])
    else:
        path.write_bytes(data[:16] + b"\x00" * 10 + b"\xff" * 4000)
    code, out, err = run(capsys, "--archive", str(path), *command)
    assert code != 0 and code != 70, (code, out, err)
    assert "Unexpected" not in err and "Traceback" not in err and "SQL" not in err
    assert err.count("\n") == 1, err
    assert "muntada restore" in err or "not a Muntada archive" in err, err


def fifteen_hundred_people(archive) -> None:  # type: ignore[no-untyped-def]
    """1,500 people (a file of many pages, one of them damaged in the middle), written in one
    transaction and built once per run (``BuiltArchives``): made one by one, one step each, they
    took 16-27 s of this test's time."""
    from archive.services import people as people_service
    from archive.services.records import PersonInput
    from archive.services.unit import write_unit

    with write_unit(archive) as unit:
        for number in range(1500):
            people_service.create_person(unit, PersonInput(name=f"شخص رقم {number}"))


def test_import_into_a_damaged_archive_is_refused_before_anything_is_written(tmp_path: Path, capsys,
                                                                             built_archives) -> None:
    path, _ = built_archives.copy(fifteen_hundred_people, tmp_path / "archive.sqlite")
    assert run(capsys, "--archive", str(path), "info", "--json")[1].count('"person": 1500') == 1
    from tests.archive.test_storage_safety import damage_a_middle_page

    damage_a_middle_page(path)
    article = tmp_path / "article.txt"
    article.write_text("قال وزير الإعلام في افتتاح المنتدى: «الإعلام شريك في التنمية».", encoding="utf-8")
    code, out, err = run(capsys, "--archive", str(path), "import", str(article))
    assert code != 0 and "damaged" in (out + err) and "muntada restore" in (out + err)


# --- item 7: only init creates; an empty file is not an archive ---------------------------------


def test_an_empty_file_is_not_reported_sound(tmp_path: Path, capsys) -> None:
    path = tmp_path / "archive.sqlite"
    path.write_bytes(b"")
    for command in (("info",), ("check",)):
        code, _, err = run(capsys, "--archive", str(path), *command)
        assert code == 2 and "empty" in err and "muntada init" in err
    assert path.stat().st_size == 0
    assert run(capsys, "--archive", str(path), "init")[0] == 0
    assert run(capsys, "--archive", str(path), "check")[0] == 0


# --- items 3 and 4: backups, the list, restore ----------------------------------------------------


def test_backup_to_an_existing_file_is_refused_and_the_file_kept(tmp_path: Path, capsys) -> None:
    path = made_archive(capsys, tmp_path / "archive.sqlite")
    other = made_archive(capsys, tmp_path / "other.sqlite", people=2)
    before = other.read_bytes()
    code, _, err = run(capsys, "--archive", str(path), "backup", "--to", str(other))
    assert code == 2 and "already exists" in err
    assert other.read_bytes() == before
    notes = tmp_path / "notes.txt"
    notes.write_text("ملاحظات", encoding="utf-8")
    code, _, err = run(capsys, "--archive", str(path), "backup", "--to", str(notes))
    assert code == 2 and "already exists" in err and "Unexpected" not in err
    assert notes.read_text(encoding="utf-8") == "ملاحظات"


def test_restore_puts_a_backup_back_keeps_the_current_aside_and_search_follows(tmp_path: Path, capsys) -> None:
    from archive.db.engine import open_archive
    from archive.services import people
    from archive.services.records import PersonInput

    path = made_archive(capsys, tmp_path / "archive.sqlite")
    archive = open_archive(path, create=False)
    people.create_person(archive, PersonInput(name="عائشة بنت سالم"))
    archive.close()
    code, out, _ = run(capsys, "--archive", str(path), "backup")
    assert code == 0
    backup_name = Path(out.split(": ", 1)[1].strip()).name
    archive = open_archive(path, create=False)
    people.create_person(archive, PersonInput(name="خليفة بن راشد"))
    archive.close()
    code, out, _ = run(capsys, "--archive", str(path), "search", "خليفة", "--json")
    assert code == 0 and json.loads(out)["total"] == 1
    code, out, _ = run(capsys, "--archive", str(path), "backup", "--list")
    assert code == 0 and backup_name in out and "by hand" in out
    code, out, err = run(capsys, "--archive", str(path), "restore", backup_name)
    assert code == 0, err
    assert "kept in" in out
    code, out, _ = run(capsys, "--archive", str(path), "list", "people", "--json")
    assert [person["name"] for person in json.loads(out)] == ["عائشة بنت سالم"]
    code, out, _ = run(capsys, "--archive", str(path), "search", "خليفة", "--json")
    assert code == 0 and json.loads(out)["total"] == 0, "search must not list records that no longer exist"
    code, out, _ = run(capsys, "--archive", str(path), "backup", "--list")
    assert "before a restore" in out


def test_restore_of_a_damaged_archive_keeps_the_damaged_file_aside(tmp_path: Path, capsys) -> None:
    path = made_archive(capsys, tmp_path / "archive.sqlite", people=3)
    assert run(capsys, "--archive", str(path), "backup")[0] == 0
    path.write_bytes(path.read_bytes()[:2000])
    damaged = path.read_bytes()
    from archive.backups import list_backups

    good = list_backups(path)[0].path
    code, _, err = run(capsys, "--archive", str(path), "restore", str(good))
    assert code == 0, err
    assert run(capsys, "--archive", str(path), "check")[0] == 0
    aside = [info.path for info in list_backups(path) if info.kind == "before-restore"]
    assert len(aside) == 1 and aside[0].read_bytes() == damaged


def test_restore_refuses_a_damaged_backup_and_changes_nothing(tmp_path: Path, capsys) -> None:
    path = made_archive(capsys, tmp_path / "archive.sqlite", people=2)
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    before = path.read_bytes()
    code, _, err = run(capsys, "--archive", str(path), "restore", str(bad))
    assert code == 2 and "damaged" in err
    assert path.read_bytes() == before


# --- items 14, 20, 21: the log file, private files ---------------------------------------------


def test_logged_errors_go_to_the_log_file_not_the_terminal(tmp_path: Path) -> None:
    script = ("import logging, sys; from desktop.cli import main; "
              "main(['--archive', sys.argv[1], 'info']); "
              "logging.getLogger('muntada.test').exception('the index could not be read')")
    home = tmp_path / "home"
    archive = tmp_path / "archive.sqlite"
    subprocess.run([sys.executable, "-m", "desktop.cli", "--archive", str(archive), "init"], cwd=REPO,
                   env={**os.environ, "MUNTADA_HOME": str(home)}, check=True, capture_output=True)
    result = subprocess.run([sys.executable, "-c", script, str(archive)], cwd=REPO, capture_output=True, text=True,
                            env={**os.environ, "MUNTADA_HOME": str(home)}, timeout=60)
    assert "the index could not be read" not in result.stderr and "Traceback" not in result.stderr
    log = home / "muntada.log"
    assert "the index could not be read" in log.read_text(encoding="utf-8")
    if POSIX:
        assert stat.S_IMODE(log.stat().st_mode) == 0o600


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
def test_the_data_folder_and_settings_are_for_the_user_alone(capsys) -> None:
    from archive.settings import Settings, save_settings

    assert run(capsys, "init")[0] == 0
    home = Path(os.environ["MUNTADA_HOME"])
    save_settings(Settings(officer_name="مريم"))
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    assert stat.S_IMODE((home / "archive.sqlite").stat().st_mode) == 0o600
    assert stat.S_IMODE((home / "settings.json").stat().st_mode) == 0o600
