"""A reader's ``muntada sync`` says that the team's changes came, before the server's refusal of
their own: the refusal alone read as if nothing had been synced (against a real PostgreSQL server)."""

from __future__ import annotations

import uuid
from pathlib import Path

from sqlalchemy.engine import Engine

from archive.team import roles
from tests.team.conftest import PostgresServer, postgres_server, team_database, team_url  # noqa: F401 (fixtures)
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


def test_a_readers_sync_says_the_teams_changes_came_then_why_theirs_did_not_go(
        muntada: Muntada, prepared: str, make_officer: MakeOfficer, tmp_path: Path) -> None:  # noqa: F811
    editor_url, reader_url = make_officer(roles.Role.EDITOR), make_officer(roles.Role.READER)
    editor, reader = str(tmp_path / "editor.sqlite"), str(tmp_path / "reader.sqlite")
    for archive in (editor, reader):
        assert muntada("--archive", archive, "init").returncode == 0
    assert muntada("--archive", editor, "add", "organisation", "--name", "مركز التواصل الحكومي").returncode == 0
    assert muntada("--archive", editor, "sync", editor_url).returncode == 0
    assert muntada("--archive", reader, "add", "organisation", "--name", "وزارة الإعلام").returncode == 0

    done = muntada("--archive", reader, "sync", reader_url)
    assert "editor rights" in one_clear_line(done)
    assert done.stdout.strip().splitlines()[-1] == \
        "The team's changes were received. This computer's changes were not sent:"
    listed = muntada("--archive", reader, "list", "organisations")
    assert "مركز التواصل الحكومي" in listed.stdout  # received indeed


def test_a_refusal_before_anything_came_does_not_say_it_came(
        muntada: Muntada, prepared: str, admin: Engine, postgres_server: PostgresServer,  # noqa: F811
        team_database: str, tmp_path: Path) -> None:  # noqa: F811
    """A login in no group may not even read the team archive: nothing was received, and it is not said."""
    name = f"nobody_{uuid.uuid4().hex[:8]}"
    with admin.connect() as connection:
        connection.exec_driver_sql(f"CREATE ROLE {name} LOGIN PASSWORD '{PASSWORD}'")
    try:
        done = muntada("--archive", str(tmp_path / "nobody.sqlite"), "sync",
                       postgres_server.url(team_database, user=name, password=PASSWORD))
        one_clear_line(done)
        assert "received" not in done.stdout
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f"DROP OWNED BY {name}")
            connection.exec_driver_sql(f"DROP ROLE {name}")
