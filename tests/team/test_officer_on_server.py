"""The officer of each change in the server's change log is the login the server knows, whatever the
desktop sends: an editor's sync, and a forged name written straight into the log, both end named
by the login (``session_user``) that wrote them."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import Engine

from archive.db import models as m
from archive.db.engine import open_archive
from archive.services.organisations import create_organisation
from archive.services.records import OrganisationInput
from archive.team import roles
from archive.team.server import make_engine, parse_address
from archive.team.sync import sync_archive
from tests.team.test_roles import MakeOfficer, admin, make_officer, prepared  # noqa: F401 (fixtures)


def test_an_editors_changes_are_named_by_the_servers_login_not_the_desktops_claim(
        prepared: str, make_officer: MakeOfficer, admin: Engine, tmp_path: Path) -> None:  # noqa: F811
    editor_url = make_officer(roles.Role.EDITOR)
    address, password = parse_address(editor_url)
    desktop = open_archive(tmp_path / "desktop.sqlite", officer="Somebody Else")
    engine = make_engine(address, password)
    try:
        create_organisation(desktop, OrganisationInput(name="مركز التواصل الحكومي", aliases=("المركز",)))
        result = sync_archive(desktop, engine, address)
        assert result.pushed >= 1
        with engine.begin() as connection:  # an edited program writing the log itself, with another name
            connection.execute(m.SyncChange.__table__.insert().values(
                table_name="organisation", uid="00000000-0000-4000-8000-000000000000", version=1, op="delete", row=None,
                officer="the director", desktop="forged"))
    finally:
        engine.dispose()
        desktop.close()
    with admin.connect() as connection:
        officers = set(connection.execute(select(m.SyncChange.officer)).scalars())
    assert officers == {address.user}
