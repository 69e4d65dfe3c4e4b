"""The sync status's words where the officer needs more than "offline" or "failed": when this
computer last synced while the server cannot be reached, and a reader whose pull went through
while the server refused their changes (against a real PostgreSQL server, tests/team/conftest.py).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import Engine

from archive.db.engine import open_archive
from archive.i18n import set_language
from archive.location import Locations
from archive.services import organisations
from archive.services.records import OrganisationInput
from archive.settings import Settings
from archive.team import roles
from archive.team.credentials import save_address
from archive.team.server import parse_address
from desktop.gui.sync_status import status_text
from desktop.gui.tasks import TaskRunner
from desktop.gui.team_sync import SyncController, SyncState
from desktop.gui.workspace import Workspace
from tests.team.conftest import PostgresServer, postgres_server, team_database, team_url  # noqa: F401 (fixtures)
from tests.team.test_roles import PASSWORD, MakeOfficer, admin, make_officer, prepared  # noqa: F401 (fixtures)


def test_offline_says_when_this_computer_last_synced(qt_language) -> None:
    now = datetime(2026, 12, 2, 10, 50).astimezone()
    synced = datetime(2026, 12, 2, 10, 42).astimezone()
    offline = SyncState(team=True, offline=True, last_synced=synced)
    assert status_text(offline, now) == "غير متصل: تعذّر الوصول إلى خادم الفريق (آخر مزامنة 10:42)"
    set_language("en")
    try:
        assert status_text(offline, now) == "Offline: the team server cannot be reached (last synced 10:42)"
        assert status_text(SyncState(team=True, offline=True), now) == "Offline: the team server cannot be reached"
    finally:
        set_language("ar")


def test_a_readers_status_says_the_teams_changes_came_and_theirs_were_refused(
        qtbot, prepared: str, make_officer: MakeOfficer, tmp_path: Path, qt_language,  # noqa: F811
        collected_errors, monkeypatch) -> None:
    """Not "Sync failed": the pull went through (search has the team's records); only the push was refused."""
    from desktop.gui.main_window import MainWindow

    monkeypatch.setenv("PGPASSWORD", PASSWORD)  # no credential store on test machines
    address = parse_address(make_officer(roles.Role.READER))[0]
    folder = tmp_path / "reader"
    folder.mkdir()
    save_address(folder, address)
    archive = open_archive(folder / "archive.sqlite", officer="سالم")
    organisations.create_organisation(archive, OrganisationInput(name="وزارة الإعلام"))  # waits to be sent
    space = Workspace(archive, Settings(officer_name="سالم"), TaskRunner(synchronous=True),
                      locations=Locations(data_folder=folder, archive=archive.path, is_default_archive=False))
    try:
        window = MainWindow(space)
        qtbot.addWidget(window)
        window.start_loading()  # the sync at start: pulled, then the push refused
        state = SyncController.of(space).state
        assert "المحرّر" in state.problem, state
        assert window.sync_status.label.text().startswith("تم الاستلام ")
        assert window.sync_status.label.text().endswith("لكنّ خادم الفريق رفض تغييراتك")
        assert state.last_synced is not None and state.refused and state.pending == 1
        assert window.sync_status.why_button.isVisibleTo(window)
        assert collected_errors == []  # an automatic sync: a status, not a dialog
    finally:
        space.close()


def test_a_refusal_before_anything_was_pulled_is_still_a_failed_sync(
        qtbot, prepared: str, admin: Engine, postgres_server: PostgresServer, team_database: str,  # noqa: F811
        tmp_path: Path, qt_language, collected_errors, monkeypatch) -> None:
    """A login in no group may not even read: nothing came, so the status does not say "received"."""
    import uuid

    from desktop.gui.main_window import MainWindow

    name = f"nobody_{uuid.uuid4().hex[:8]}"
    with admin.connect() as connection:
        connection.exec_driver_sql(f"CREATE ROLE {name} LOGIN PASSWORD '{PASSWORD}'")
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    folder = tmp_path / "nobody"
    folder.mkdir()
    save_address(folder, parse_address(postgres_server.url(team_database, user=name))[0])
    archive = open_archive(folder / "archive.sqlite", officer="x")
    space = Workspace(archive, Settings(officer_name="x"), TaskRunner(synchronous=True),
                      locations=Locations(data_folder=folder, archive=archive.path, is_default_archive=False))
    try:
        window = MainWindow(space)
        qtbot.addWidget(window)
        window.start_loading()
        state = SyncController.of(space).state
        assert state.problem and not state.refused and state.last_synced is None, state
        assert window.sync_status.label.text() == "تعذّرت المزامنة"
    finally:
        space.close()
        with admin.connect() as connection:
            connection.exec_driver_sql(f"DROP OWNED BY {name}")
            connection.exec_driver_sql(f"DROP ROLE {name}")


def test_without_a_team_server_the_menu_names_the_installed_command_line(qtbot, window, collected_errors,
                                                                         monkeypatch) -> None:
    """Installed on Windows, the command line is muntada-cli.exe beside Muntada.exe, not on the PATH:
    "muntada sync …" typed in a Command Prompt is not found."""
    import sys

    from desktop.gui.sync_status import sync_asked

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(sys, "executable", "C:/Program Files/Muntada/Muntada.exe")
    sync_asked(SyncController.of(window.workspace), window)
    assert len(collected_errors) == 1
    assert '"C:/Program Files/Muntada/muntada-cli.exe" sync postgresql://USER:PASSWORD@HOST/DATABASE' \
        in collected_errors[0]
    assert "موجه الأوامر" in collected_errors[0]
