"""Issue 14's "done when", walked as officers do it: two desktops and one PostgreSQL server.

IT prepares the server as docs/team.md says (the three groups, the database owned by
``muntada_owner``, the first officer's login); that officer runs ``muntada team init`` and gives
two editors and a reader their logins (``team add-officer``). Desktop A and desktop B, each a data
folder and an archive of its own, import different articles offline through the app's Import page
and its review; each joins the team once on the command line (``muntada sync URL``: the password
goes to the credential store) and then syncs from the app (at start and with "Sync now"). With the
server out of reach, each finds the other's quotes in the search panel and edits the same quote,
A in the app's editor and B on the command line; back online, A's edit reaches the server first,
B's sync keeps both as a conflict, and B resolves it field by field in the conflicts view; both
desktops and the server then hold the same quote. A reader's desktop pulls everything, and its
write is refused by the server, in the app (a status and, when asked for, one message) and on the
command line (one line, exit code 2).

Windows are opened one desktop at a time, as each officer opens their own app; the server is the
throwaway one of tests/team/conftest.py, and "out of reach" is an address nothing answers at.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy.engine import Engine

from archive.db.engine import open_archive
from archive.location import Locations
from archive.services import quotes
from archive.settings import Settings
from archive.team.credentials import save_address
from archive.team.server import parse_address
from desktop.cli import main
from desktop.gui.tasks import TaskRunner
from desktop.gui.team_sync import SyncController
from desktop.gui.workspace import Workspace
from tests.desktop.conftest import OWN_ARTICLES
from tests.desktop.test_sync_team import found_texts
from tests.team.conftest import PostgresServer, postgres_server, team_database, team_url  # noqa: F401 (fixtures)
from tests.team.sync_helpers import id_of, shared_rows, uid_of
from tests.team.test_roles import admin  # noqa: F401 (fixture)
from tests.team.test_team_cli import Done, keyring_file  # noqa: F401 (fixture)

ARTICLE_A = OWN_ARTICLES / "ministry-content-workshop.txt"
ARTICLE_B = OWN_ARTICLES / "youth-media-forum-sohar.txt"
OWNER_PASSWORD = "owner-pass-٢٠٢٦"
GROUPS = (("muntada_owner", " CREATEROLE"), ("muntada_editor", ""), ("muntada_reader", ""))
A_TITLE, B_TITLE = "مديرة دائرة الإعلام", "المدير العام للإعلام الحكومي"
A_NOTE, B_NOTE = "من الجلسة الافتتاحية", "نقلا عن وكالة الأنباء"

Cli = Callable[..., Done]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Cli:
    """``muntada ARGS`` on the computer ``home`` (a data folder of its own, its default archive)."""
    def run(home: str, *arguments: str, language: str = "en") -> Done:
        monkeypatch.setenv("MUNTADA_HOME", str(tmp_path / home))
        monkeypatch.delenv("PGPASSWORD", raising=False)
        capsys.readouterr()
        code = main(["--lang", language, *arguments])
        out, err = capsys.readouterr()
        return Done(code, out, err)
    return run


@pytest.fixture
def logins(admin: Engine) -> Iterator[list[str]]:  # noqa: F811
    """The logins this test makes on the server (roles are the server's, shared by every test): dropped after."""
    made: list[str] = []
    yield made
    with admin.connect() as connection:
        for name in made:
            connection.exec_driver_sql(f'DROP OWNED BY "{name}"')
            connection.exec_driver_sql(f'DROP ROLE "{name}"')


def it_prepares_the_server(admin: Engine, server: PostgresServer, database: str,  # noqa: F811
                           logins: list[str]) -> str:
    """docs/team.md, "For IT", step 3, as the postgres superuser; returns the first officer's address."""
    owner = f"amina_{uuid.uuid4().hex[:6]}"
    with admin.connect() as connection:
        present = set(connection.exec_driver_sql("SELECT rolname FROM pg_roles").scalars())
        for group, options in GROUPS:
            if group not in present:  # made by an earlier test of the run
                connection.exec_driver_sql(f"CREATE ROLE {group} NOLOGIN{options}")
        connection.exec_driver_sql(f'ALTER DATABASE "{database}" OWNER TO muntada_owner')
        connection.exec_driver_sql(f"CREATE ROLE {owner} LOGIN PASSWORD '{OWNER_PASSWORD}' IN ROLE muntada_owner")
    logins.append(owner)
    return server.url(database, user=owner, password=OWNER_PASSWORD)


def add_officer(cli: Cli, role: str, logins: list[str]) -> tuple[str, str]:
    """``team add-officer`` run by the owner: the new login and the password shown once."""
    name = f"{role}_{uuid.uuid4().hex[:6]}"
    done = cli("amina", "team", "add-officer", name, "--role", role)
    assert done.returncode == 0, done.stderr
    logins.append(name)
    shown = re.search(r"in person\): (\S+)$", done.stdout.strip())
    assert shown, done.stdout
    return name, shown.group(1)


@contextmanager
def desktop(qtbot, folder: Path, officer: str, language: str = "ar") -> Iterator:  # type: ignore[no-untyped-def]
    """An officer's app on their own computer, in their language: the window shown, the archive opened,
    the sync at start run."""
    from PySide6.QtWidgets import QApplication

    from desktop.gui.appearance import apply_language
    from desktop.gui.main_window import MainWindow

    apply_language(QApplication.instance(), language)  # the command line run before spoke English

    folder.mkdir(parents=True, exist_ok=True)
    archive = open_archive(folder / "archive.sqlite", officer=officer)
    locations = Locations(data_folder=folder, archive=archive.path, is_default_archive=False)
    space = Workspace(archive, Settings(officer_name=officer), TaskRunner(synchronous=True), locations=locations)
    window = MainWindow(space)
    qtbot.addWidget(window)
    window.show()
    window.start_loading()
    try:
        yield window
    finally:
        space.close()


def import_and_accept(window, article: Path) -> list[str]:  # type: ignore[no-untyped-def]
    """The Import page and its review, every proposal accepted: the texts of the quotes kept."""
    window.show_page("import")
    window.importer.import_paths([article])
    review = window.actions_helper.last_dialog
    assert review is not None and review.isVisible()
    review.set_all(True)
    review.save()
    assert not review.isVisible()
    quote_ids = review.accepted_records.quote_ids
    assert quote_ids, f"no quote accepted from {article.name}"
    return [quotes.get_quote(window.workspace.archive, quote_id).text for quote_id in quote_ids]


def sync_button(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(window.sync_status.sync_button, Qt.MouseButton.LeftButton)


def finds(qtbot, window, text: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether searching for some words of ``text`` (not the whole of it) finds that quote."""
    words = [word for word in text.split() if len(word) > 3][:3]
    return any(text in found for found in found_texts(qtbot, window, " ".join(words)))


def go_offline(folder: Path, user: str) -> None:
    """The network gone: the saved team server is at an address nothing answers at."""
    save_address(folder, parse_address(f"postgresql://{user}@/muntada?host=/nonexistent-muntada-socket")[0])


def quote_on(engine: Engine, uid: str) -> dict[str, object]:
    return shared_rows(engine)["quote"][uid]


@pytest.mark.skipif(not ARTICLE_A.exists() or not ARTICLE_B.exists(), reason="our own articles are missing")
def test_two_officers_one_team_server(qtbot, cli: Cli, admin: Engine, postgres_server: PostgresServer,  # noqa: F811
                                      team_database: str, logins: list[str], keyring_file: Path,  # noqa: F811
                                      tmp_path: Path, qt_language, collected_errors) -> None:
    owner_url = it_prepares_the_server(admin, postgres_server, team_database, logins)
    done = cli("amina", "team", "init", owner_url)
    assert done.returncode == 0 and "The team archive is ready" in done.stdout, done.stderr
    huda, huda_password = add_officer(cli, "editor", logins)
    omar, omar_password = add_officer(cli, "editor", logins)
    salem, salem_password = add_officer(cli, "reader", logins)
    url_of = {name: postgres_server.url(team_database, user=name, password=password)
              for name, password in ((huda, huda_password), (omar, omar_password), (salem, salem_password))}
    home_a, home_b, home_r = tmp_path / "A", tmp_path / "B", tmp_path / "R"

    # Each imports different articles, offline (no team yet).
    with desktop(qtbot, home_a, "هدى") as window:
        quotes_a = import_and_accept(window, ARTICLE_A)
    with desktop(qtbot, home_b, "عمر") as window:
        quotes_b = import_and_accept(window, ARTICLE_B)

    # Each joins the team once on the command line; the password goes to the credential store.
    done = cli("A", "sync", url_of[huda])
    assert done.returncode == 0 and "Pulled: 0." in done.stdout and "New conflicts: 0." in done.stdout, done
    done = cli("B", "sync", url_of[omar])
    assert done.returncode == 0 and "New conflicts: 0." in done.stdout, done
    assert keyring_file.exists() and huda_password not in (home_a / "team.json").read_text(encoding="utf-8")

    # A's app syncs at start and with "Sync now"; each finds the other's quotes.
    with desktop(qtbot, home_a, "هدى") as window:
        controller = SyncController.of(window.workspace)
        assert controller.state.last_synced is not None and not controller.state.problem, controller.state
        sync_button(qtbot, window)
        assert not controller.state.running and not controller.state.problem and controller.state.pending == 0
        assert window.sync_status.label.text().startswith("آخر مزامنة ")
        assert all(finds(qtbot, window, text) for text in quotes_b[:2])
        shared_uid = uid_of(window.workspace.archive, "quote", quotes.list_quotes(window.workspace.archive)[0].id)
    with desktop(qtbot, home_b, "عمر") as window:
        assert all(finds(qtbot, window, text) for text in quotes_a[:2])

    # The server out of reach: a calm status, search still finds the other's quotes, both edit one quote.
    go_offline(home_a, huda)
    go_offline(home_b, omar)
    with desktop(qtbot, home_a, "هدى") as window:
        controller = SyncController.of(window.workspace)
        sync_button(qtbot, window)
        assert controller.state.offline and window.sync_status.label.text().startswith("غير متصل")
        assert "آخر مزامنة" in window.sync_status.label.text()  # how fresh this archive is
        assert all(finds(qtbot, window, text) for text in quotes_b[:2])
        quote_a = id_of(window.workspace.archive, "quote", shared_uid)
        window.actions_helper.edit("quote", quote_a)
        editor = window.actions_helper.last_dialog
        editor.set_value("speaker_title", A_TITLE)
        editor.set_value("notes", A_NOTE)
        editor.save()
        assert not editor.isVisible() and controller.state.pending == 1
    with desktop(qtbot, home_b, "عمر") as window:
        assert SyncController.of(window.workspace).state.offline
        assert all(finds(qtbot, window, text) for text in quotes_a[:2])
        quote_b = id_of(window.workspace.archive, "quote", shared_uid)
    assert collected_errors == []  # being offline is never a dialog
    done = cli("B", "edit", "quote", str(quote_b), "--speaker-title", B_TITLE, "--notes", B_NOTE, "--verified", "yes")
    assert done.returncode == 0, done.stderr
    done = cli("B", "sync")
    assert done.returncode == 3 and "cannot be reached" in done.stderr, done

    # Back online: A's edit reaches the server first; B's sync keeps both, as a conflict.
    save_address(home_a, parse_address(url_of[huda])[0])
    save_address(home_b, parse_address(url_of[omar])[0])
    with desktop(qtbot, home_a, "هدى") as window:
        assert SyncController.of(window.workspace).state.pending == 0  # sent by the sync at start
    done = cli("B", "sync")
    assert done.returncode == 0 and "New conflicts: 1." in done.stdout, done

    # B resolves it in the conflicts view, field by field, and syncs.
    with desktop(qtbot, home_b, "عمر") as window:
        assert window.sync_status.conflicts_button.text() == "تعارض واحد"
        qtbot.mouseClick(window.sync_status.conflicts_button, Qt.MouseButton.LeftButton)
        view = window.conflicts_view
        assert view.isVisible() and view.list.topLevelItemCount() == 1
        rows = {view.fields.item(row, 0).text(): (view.fields.item(row, 1).text(), view.fields.item(row, 2).text())
                for row in range(view.fields.rowCount())}
        assert rows == {"المنصب كما نُشر": (B_TITLE, A_TITLE), "ملاحظات": (B_NOTE, A_NOTE), "تم التحقق": ("✓", "✗")}
        view.choose_field("speaker_title", "theirs")
        view.choose_field("notes", "mine")
        view.choose_field("verified", "mine")
        qtbot.mouseClick(view.merge, Qt.MouseButton.LeftButton)
        assert view.list.topLevelItemCount() == 0 and view.empty_label.isVisible()
        controller = SyncController.of(window.workspace)
        assert controller.state.conflicts == 0 and controller.state.pending == 1
        sync_button(qtbot, window)
        assert controller.state.pending == 0 and not controller.state.problem, controller.state
    with desktop(qtbot, home_a, "هدى") as window:
        assert SyncController.of(window.workspace).state.conflicts == 0

    # Both desktops and the server agree.
    server = postgres_server.admin_engine(team_database)
    desktop_a, desktop_b = open_archive(home_a / "archive.sqlite"), open_archive(home_b / "archive.sqlite")
    try:
        merged = quote_on(server, shared_uid)
        assert (merged["speaker_title"], merged["notes"], merged["verified"]) == (A_TITLE, B_NOTE, True)
        assert quote_on(desktop_a.engine, shared_uid) == merged == quote_on(desktop_b.engine, shared_uid)
        assert shared_rows(desktop_a.engine) == shared_rows(server) == shared_rows(desktop_b.engine)

        # A reader pulls everything; their write is refused by the server, in the app and on the command line.
        done = cli("R", "sync", url_of[salem])
        assert done.returncode == 0 and "New conflicts: 0." in done.stdout, done
        with desktop(qtbot, home_r, "سالم", language="en") as window:
            assert all(finds(qtbot, window, text) for text in quotes_a[:1] + quotes_b[:1])
            window.actions_helper.edit("quote", id_of(window.workspace.archive, "quote", shared_uid))
            editor = window.actions_helper.last_dialog
            editor.set_value("notes", "ملاحظة القارئ")
            editor.save()
            sync_button(qtbot, window)  # asked for: the refusal is said in one message
            assert len(collected_errors) == 1 and "editor rights" in collected_errors[0], collected_errors
            assert window.sync_status.label.text().startswith("Received ")
            assert window.sync_status.label.text().endswith(", but the team server refused your changes")
        done = cli("R", "sync")
        assert done.returncode == 2 and "editor rights" in done.stderr and len(done.stderr.strip().splitlines()) == 1
        assert salem_password not in done.stderr
        assert quote_on(server, shared_uid) == merged  # nothing the reader sent was written
    finally:
        server.dispose()
        desktop_a.close()
        desktop_b.close()
