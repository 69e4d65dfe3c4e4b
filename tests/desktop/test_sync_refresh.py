"""The app's screens follow what a sync received, also when the server refused this desktop's own
changes after the pull went through (against a real PostgreSQL server, tests/team/conftest.py)."""

from __future__ import annotations

from pathlib import Path

from archive.db.engine import open_archive
from archive.location import Locations
from archive.services import organisations
from archive.services.changes import Changes
from archive.services.records import OrganisationInput
from archive.settings import Settings
from archive.team import roles
from archive.team.credentials import save_address
from archive.team.server import make_engine, parse_address
from archive.team.sync import sync_archive
from desktop.gui.tasks import TaskRunner
from desktop.gui.team_sync import SyncController
from desktop.gui.workspace import Workspace
from tests.team.conftest import postgres_server, team_database, team_url  # noqa: F401 (fixtures)
from tests.team.test_roles import PASSWORD, MakeOfficer, admin, make_officer, prepared  # noqa: F401 (fixtures)


def test_a_readers_refused_sync_still_refreshes_the_screens_with_what_it_received(
        qtbot, prepared: str, make_officer: MakeOfficer, tmp_path: Path, qt_language,  # noqa: F811
        collected_errors, monkeypatch) -> None:
    monkeypatch.setenv("PGPASSWORD", PASSWORD)  # no credential store on test machines
    editor_address, editor_password = parse_address(make_officer(roles.Role.EDITOR))
    editor = open_archive(tmp_path / "editor.sqlite", officer="هدى")
    editor_server = make_engine(editor_address, editor_password)
    address = parse_address(make_officer(roles.Role.READER))[0]
    folder = tmp_path / "reader"
    folder.mkdir()
    save_address(folder, address)
    archive = open_archive(folder / "archive.sqlite", officer="سالم")
    organisations.create_organisation(archive, OrganisationInput(name="وزارة الإعلام"))  # waits to be sent
    space = Workspace(archive, Settings(officer_name="سالم", sync_every_minutes=0), TaskRunner(synchronous=True),
                      locations=Locations(data_folder=folder, archive=archive.path, is_default_archive=False))
    seen: list[Changes] = []
    space.sig_changes.connect(seen.append)
    try:
        organisations.create_organisation(editor, OrganisationInput(name="هيئة الإذاعة"))
        sync_archive(editor, editor_server, editor_address)
        controller = SyncController.of(space)
        controller.start()
        assert controller.sync_now(manual=False)
        assert controller.state.refused and not controller.state.running, controller.state
        received = {name for name in organisations_named(archive) if name == "هيئة الإذاعة"}
        assert received == {"هيئة الإذاعة"}
        assert any(changes.created.get("organisation") for changes in seen), seen
    finally:
        space.close()
        editor_server.dispose()
        editor.close()


def organisations_named(archive) -> set[str]:
    from sqlalchemy import select

    from archive.db import models as m

    with archive.engine.connect() as connection:
        return set(connection.execute(select(m.Organisation.name)).scalars())
