"""A conflict resolved field by field keeps each derived comparison key (``name_key``) with the side
chosen for its field, whoever resolves it (the command line names fields; the view did this itself)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from archive.db import models as m
from archive.db.engine import open_archive
from archive.services.organisations import create_organisation
from archive.services.records import OrganisationInput
from archive.team.conflicts import open_conflicts, record_conflict, resolve_conflict
from archive.team.local import wire_row
from archive.team.wire import UidMap, shared_table
from desktop.cli import main


def conflicted(tmp_path: Path) -> tuple[Path, str]:
    archive = open_archive(tmp_path / "a.sqlite")
    try:
        record = create_organisation(archive, OrganisationInput(name="وزارة الإعلام والاتصال"))
        other = create_organisation(archive, OrganisationInput(name="وزارة الاتصال"))
        with archive.engine.connect() as connection:
            uids = UidMap(connection)
            shared = shared_table("organisation")
            mine = wire_row(connection, shared, uids.uid_of("organisation", record.id) or "", uids)
            theirs_model = wire_row(connection, shared, uids.uid_of("organisation", other.id) or "", uids)
        assert mine is not None and theirs_model is not None
        theirs = {**mine, "name": "وزارة الاتصال الحكومي", "name_key": theirs_model["name_key"] + " حكومي"}
        record_conflict(archive, "organisation", uids_uid(archive, record.id), mine, theirs, 2, "amina")
        return archive.path, theirs["name_key"]
    finally:
        archive.close()


def uids_uid(archive, record_id: int) -> str:  # type: ignore[no-untyped-def]
    with archive.engine.connect() as connection:
        found = UidMap(connection).uid_of("organisation", record_id)
    assert found is not None
    return found


def row(path: Path) -> tuple[str, str]:
    archive = open_archive(path)
    try:
        with archive.engine.connect() as connection:
            found = connection.execute(select(m.Organisation.name, m.Organisation.name_key)
                                       .where(m.Organisation.name == "وزارة الاتصال الحكومي")).one()
        return found.name, found.name_key
    finally:
        archive.close()


def test_a_field_kept_from_the_team_brings_its_comparison_key(tmp_path: Path) -> None:
    path, their_key = conflicted(tmp_path)
    archive = open_archive(path)
    try:
        [conflict] = open_conflicts(archive)
        resolve_conflict(archive, conflict.id, {"name": "theirs"})
    finally:
        archive.close()
    assert row(path) == ("وزارة الاتصال الحكومي", their_key)


def test_muntada_conflicts_shows_no_comparison_key(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path, _their_key = conflicted(tmp_path)
    capsys.readouterr()
    assert main(["--lang", "en", "--archive", str(path), "conflicts"]) == 0
    out = capsys.readouterr().out
    assert "Name (name)" in out and "name_key" not in out, out
