"""A reader's ``muntada delete`` and ``muntada merge`` on a team archive are refused as their ``add`` and
``edit`` are: by the team server, when sent (the laptop does not know its officer's role before; see
docs/team.md), in one line naming the rights to ask for, and nothing of them reaches the team
(against a real PostgreSQL server).
"""

from __future__ import annotations

import json
from pathlib import Path

from archive.team import roles
from tests.team.conftest import PostgresServer, postgres_server, team_database, team_url  # noqa: F401 (fixtures)
from tests.team.test_roles import (  # noqa: F401 (fixtures)
    MakeOfficer,
    Muntada,
    admin,
    make_officer,
    muntada,
    prepared,
)
from tests.team.test_team_cli import one_clear_line


def test_a_readers_delete_and_merge_are_refused_by_the_team_server_and_the_team_keeps_the_records(
        muntada: Muntada, prepared: str, make_officer: MakeOfficer, tmp_path: Path) -> None:  # noqa: F811
    editor_url, reader_url = make_officer(roles.Role.EDITOR), make_officer(roles.Role.READER)
    editor, reader = str(tmp_path / "editor.sqlite"), str(tmp_path / "reader.sqlite")
    for archive in (editor, reader):
        assert muntada("--archive", archive, "init").returncode == 0
    for name in ("مركز التواصل الحكومي", "وزارة الإعلام", "وزارة الاعلام"):
        assert muntada("--archive", editor, "add", "organisation", "--name", name).returncode == 0
    assert muntada("--archive", editor, "sync", editor_url).returncode == 0
    assert muntada("--archive", reader, "sync", reader_url).returncode == 0
    ids = {record["name"]: str(record["id"])
           for record in json.loads(muntada("--archive", reader, "list", "organisations", "--json").stdout)}
    assert len(ids) == 3, ids  # the reader holds the team's three organisations
    centre, ministry, misspelt = ids["مركز التواصل الحكومي"], ids["وزارة الإعلام"], ids["وزارة الاعلام"]

    assert muntada("--archive", reader, "delete", "organisation", centre, "--yes").returncode == 0
    assert muntada("--archive", reader, "merge", "organisation", ministry, misspelt, "--yes").returncode == 0
    done = muntada("--archive", reader, "sync", reader_url)
    assert "editor rights" in one_clear_line(done)

    assert muntada("--archive", editor, "sync", editor_url).returncode == 0
    kept = muntada("--archive", editor, "list", "organisations").stdout
    assert all(name in kept for name in ids), kept  # nothing of the reader's changes reached the team
