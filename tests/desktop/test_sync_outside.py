"""The app follows a sync run in a terminal while it is open (``muntada sync URL``, as docs/team.md and
the app tell an officer joining the team to do): back in the app, its screens show what was received
(against a real PostgreSQL server, tests/team/conftest.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from archive.db.engine import open_archive
from archive.location import Locations
from archive.services import organisations
from archive.services.changes import Changes
from archive.services.records import OrganisationInput
from archive.settings import Settings
from desktop.cli import main
from desktop.gui.tasks import TaskRunner
from desktop.gui.team_sync import SyncController
from desktop.gui.workspace import Workspace
from tests.team.conftest import postgres_server  # noqa: F401 (fixtures)
from tests.team.sync_helpers import Team, id_of, prepared_template, team_fixture, uid_of  # noqa: F401 (fixtures)


def test_back_in_the_app_after_a_sync_in_a_terminal_the_screens_hear_of_what_it_received(
        qtbot, team: Team, tmp_path: Path, qt_language, collected_errors, monkeypatch) -> None:
    first = open_archive(tmp_path / "first.sqlite", officer="هدى")
    added = organisations.create_organisation(first, OrganisationInput(name="هيئة الإذاعة"))
    team.sync(first)
    added_uid = uid_of(first, "organisation", added.id)
    first.close()

    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("MUNTADA_HOME", str(folder))
    archive = open_archive(folder / "archive.sqlite", officer="سالم")
    space = Workspace(archive, Settings(officer_name="سالم", sync_every_minutes=0), TaskRunner(synchronous=True),
                      locations=Locations(data_folder=folder, archive=archive.path, is_default_archive=False))
    seen: list[Changes] = []
    space.sig_changes.connect(seen.append)
    try:
        controller = SyncController.of(space)
        controller.start()
        assert not controller.state.team

        assert main(["--lang", "en", "--archive", str(archive.path), "sync", team.url]) == 0  # the terminal

        controller._application_state_changed(Qt.ApplicationState.ApplicationActive)  # back in the app
        assert controller.state.team and controller.state.last_synced is not None
        received = id_of(archive, "organisation", added_uid)
        assert any(received in changes.created.get("organisation", ()) for changes in seen), seen

        seen.clear()
        controller._application_state_changed(Qt.ApplicationState.ApplicationActive)  # nothing new: no refresh
        assert seen == []
    finally:
        space.close()
