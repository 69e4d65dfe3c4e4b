"""What a sync tells its caller, against a real server: the records a pull changed reach the caller
even when the push after it fails (the app refreshes its screens from them), and a pull's progress
counts only the team's changes, not the echoes of this desktop's own pushes."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from archive.db.engine import open_archive
from archive.services.organisations import create_organisation, delete_organisation, update_organisation
from archive.services.records import OrganisationInput
from archive.team import roles
from archive.team.errors import TeamPermissionError
from archive.team.received import received_mark, received_since
from archive.team.server import make_engine, parse_address
from archive.team.sync import PULL, SyncProgress, sync_archive
from tests.team.sync_helpers import Team, id_of, new_desktop, prepared_template, team_fixture, uid_of  # noqa: F401
from tests.team.test_roles import (  # noqa: F401 (fixtures)
    MakeOfficer,
    Muntada,
    admin,
    make_officer,
    muntada,
    prepared,
)


def test_a_push_refused_after_a_pull_carries_the_records_the_pull_changed(
        prepared: str, make_officer: MakeOfficer, admin: Engine, tmp_path: Path) -> None:  # noqa: F811
    editor_address, editor_password = parse_address(make_officer(roles.Role.EDITOR))
    reader_address, reader_password = parse_address(make_officer(roles.Role.READER))
    editor_desktop = open_archive(tmp_path / "editor.sqlite")
    reader_desktop = open_archive(tmp_path / "reader.sqlite")
    editor_server = make_engine(editor_address, editor_password)
    reader_server = make_engine(reader_address, reader_password)
    try:
        create_organisation(editor_desktop, OrganisationInput(name="مركز التواصل الحكومي"))
        sync_archive(editor_desktop, editor_server, editor_address)
        sync_archive(reader_desktop, reader_server, reader_address)
        create_organisation(reader_desktop, OrganisationInput(name="وزارة الإعلام"))  # pending, to be refused

        added = create_organisation(editor_desktop, OrganisationInput(name="هيئة الإذاعة"))
        sync_archive(editor_desktop, editor_server, editor_address)
        with pytest.raises(TeamPermissionError) as refused:
            sync_archive(reader_desktop, reader_server, reader_address)
        received = id_of(reader_desktop, "organisation", uid_of(editor_desktop, "organisation", added.id))
        assert received is not None
        assert refused.value.pulled_changes is not None
        assert received in refused.value.pulled_changes.created.get("organisation", set())
    finally:
        for engine in (editor_server, reader_server):
            engine.dispose()
        for archive in (editor_desktop, reader_desktop):
            archive.close()


def test_a_second_sync_counts_no_echo_of_its_own_pushes(team: Team, tmp_path: Path) -> None:
    desktop = new_desktop(tmp_path, "desktop", officer="huda")
    other = new_desktop(tmp_path, "other", officer="omar")
    try:
        team.sync(desktop)
        for number in range(5):
            create_organisation(desktop, OrganisationInput(name=f"منظمة {number}"))
        assert team.sync(desktop).pushed >= 5
        create_organisation(other, OrganisationInput(name="منظمة أخرى"))
        team.sync(other)

        steps: list[SyncProgress] = []
        result = team.sync_with(desktop, progress=steps.append)
        pulls = [step for step in steps if step.stage == PULL]
        assert result.pulled == 1
        assert pulls and {(step.done, step.total) for step in pulls} == {(1, 1)}

        steps.clear()
        assert team.sync_with(desktop, progress=steps.append).pulled == 0
        assert [step for step in steps if step.stage == PULL and step.total] == []
    finally:
        desktop.close()
        other.close()


def test_what_pulls_wrote_since_a_mark_is_read_from_the_archive_alone(team: Team, tmp_path: Path) -> None:
    editor = new_desktop(tmp_path, "editor", officer="huda")
    officer = new_desktop(tmp_path, "officer", officer="omar")
    try:
        kept = create_organisation(editor, OrganisationInput(name="هيئة الإذاعة"))
        gone = create_organisation(editor, OrganisationInput(name="وزارة الإعلام"))
        team.sync(editor)
        team.sync(officer)
        mark = received_mark(officer)
        create_organisation(officer, OrganisationInput(name="منظمة هنا"))  # this desktop's own step: not received
        update_organisation(editor, kept.id, OrganisationInput(name="هيئة الإذاعة والتلفزيون"))
        delete_organisation(editor, gone.id)
        added = create_organisation(editor, OrganisationInput(name="مركز جديد"))
        team.sync(editor)
        team.sync(officer)

        changes, later = received_since(officer, mark)
        here = {name: id_of(officer, "organisation", uid_of(editor, "organisation", record.id))
                for name, record in (("kept", kept), ("added", added))}
        assert changes.updated == {"organisation": {here["kept"]}}
        assert changes.created == {"organisation": {here["added"]}}
        assert len(changes.deleted["organisation"]) == 1 and later > mark
        assert not received_since(officer, later)[0]
    finally:
        editor.close()
        officer.close()
