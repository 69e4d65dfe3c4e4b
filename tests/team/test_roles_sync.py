"""Roles in sync, against a real server: a reader's sync pulls the team's records, and its push is
refused by the server in one clear line, the reader's own change kept here, pending."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from archive.db import models as m
from archive.db.engine import open_archive
from archive.services.organisations import create_organisation
from archive.services.records import OrganisationInput
from archive.team import roles
from archive.team.errors import TeamPermissionError
from archive.team.server import make_engine, parse_address
from archive.team.sync import sync_archive, sync_status
from tests.team.test_roles import (  # noqa: F401 (fixtures)
    PASSWORD,
    MakeOfficer,
    Muntada,
    admin,
    make_officer,
    muntada,
    prepared,
)
from tests.team.test_team_cli import one_clear_line


def organisations(engine: Engine) -> set[str]:
    with engine.connect() as connection:
        return set(connection.execute(select(m.Organisation.name)).scalars())


def test_a_reader_pulls_and_the_server_refuses_their_push(
        prepared: str, make_officer: MakeOfficer, admin: Engine, tmp_path: Path) -> None:  # noqa: F811
    editor_address, editor_password = parse_address(make_officer(roles.Role.EDITOR))
    reader_address, reader_password = parse_address(make_officer(roles.Role.READER))
    editor_desktop = open_archive(tmp_path / "editor.sqlite")
    reader_desktop = open_archive(tmp_path / "reader.sqlite")
    editor_server = make_engine(editor_address, editor_password)
    reader_server = make_engine(reader_address, reader_password)
    try:
        create_organisation(editor_desktop, OrganisationInput(name="مركز التواصل الحكومي"))
        assert sync_archive(editor_desktop, editor_server, editor_address).pushed >= 1

        assert sync_archive(reader_desktop, reader_server, reader_address).pulled >= 1
        assert organisations(reader_desktop.engine) == {"مركز التواصل الحكومي"}

        create_organisation(reader_desktop, OrganisationInput(name="وزارة الإعلام"))
        with pytest.raises(TeamPermissionError) as refused:
            sync_archive(reader_desktop, reader_server, reader_address)
        line = refused.value.user_message("en")
        assert "\n" not in line and reader_address.user in line and "editor rights" in line
        assert sync_status(reader_desktop).pending_changes >= 1  # kept here, to send once allowed
        with admin.connect() as connection:
            assert connection.execute(select(func.count()).select_from(m.Organisation)).scalar() == 1
    finally:
        for engine in (editor_server, reader_server):
            engine.dispose()
        for archive in (editor_desktop, reader_desktop):
            archive.close()
    assert organisations(admin) == {"مركز التواصل الحكومي"}


def test_a_readers_sync_on_the_command_line_pulls_then_says_in_one_line_to_ask_for_editor_rights(
        muntada: Muntada, prepared: str, make_officer: MakeOfficer, tmp_path: Path) -> None:  # noqa: F811
    reader_url = make_officer(roles.Role.READER)
    desktop = str(tmp_path / "reader.sqlite")
    pulled = muntada("--archive", desktop, "sync", reader_url)
    assert pulled.returncode == 0, pulled.stderr
    assert muntada("--archive", desktop, "add", "organisation", "--name", "وزارة الإعلام").returncode == 0
    line = one_clear_line(muntada("--archive", desktop, "sync", reader_url))
    assert "whose role may not make it" in line and "editor rights" in line and PASSWORD not in line
