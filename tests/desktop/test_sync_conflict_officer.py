"""The conflicts view and ``muntada conflicts`` name the officer who made the team's side when the
server logged it, and say "another officer" only when it is not known."""

from __future__ import annotations

from sqlalchemy import select

from archive.db import models as m
from archive.i18n import set_language
from archive.team.conflicts import open_conflicts, record_conflict
from archive.team.local import wire_row
from archive.team.wire import UidMap, shared_table
from desktop.cli import main
from desktop.gui.conflicts_view import describe

OFFICER = "huda_editor"


def conflict_on_the_quote(filled, officer: str, theirs_deleted: bool = False) -> None:  # type: ignore[no-untyped-def]
    with filled.archive.engine.connect() as connection:
        uid = connection.execute(select(m.Quote.uid).where(m.Quote.id == filled.quote_id)).scalar_one()
        mine = wire_row(connection, shared_table("quote"), uid, UidMap(connection))
    theirs = None if theirs_deleted else {**mine, "notes": "من الجلسة الأولى"}
    record_conflict(filled.archive, "quote", uid, mine, theirs, theirs_version=2, officer=officer)


def test_the_conflicts_view_names_the_other_officer(filled, qt_language) -> None:
    conflict_on_the_quote(filled, OFFICER)
    [conflict] = open_conflicts(filled.archive)
    assert OFFICER in describe(conflict) and "officer" not in describe(conflict)
    set_language("en")
    try:
        assert describe(conflict).startswith(f"You and {OFFICER} both changed this record")
    finally:
        set_language("ar")


def test_a_deletion_by_the_other_officer_names_them_too(filled, qt_language) -> None:
    conflict_on_the_quote(filled, OFFICER, theirs_deleted=True)
    [conflict] = open_conflicts(filled.archive)
    set_language("en")
    try:
        assert describe(conflict).startswith(f"{OFFICER} deleted this record")
    finally:
        set_language("ar")


def test_without_a_login_the_view_still_says_another_officer(filled, qt_language) -> None:
    conflict_on_the_quote(filled, "")
    [conflict] = open_conflicts(filled.archive)
    set_language("en")
    try:
        assert "another officer" in describe(conflict)
    finally:
        set_language("ar")


def test_muntada_conflicts_names_the_other_officer(filled, capsys) -> None:
    conflict_on_the_quote(filled, OFFICER)
    capsys.readouterr()
    assert main(["--lang", "en", "--archive", str(filled.archive.path), "conflicts"]) == 0
    out = capsys.readouterr().out
    assert f"theirs: changed on the team server by {OFFICER}" in out.splitlines()[1], out
    assert main(["--lang", "en", "--archive", str(filled.archive.path), "conflicts", "--json"]) == 0
    assert f'"officer": "{OFFICER}"' in capsys.readouterr().out
