"""Who may do what is enforced by the server: real logins of each role against a real PostgreSQL.

The team archive is prepared by the test server's superuser (``team init`` creates the groups and
grants their rights); each test makes officers' logins of its own (roles are the server's, shared
by every database of the run, so their names are unique) and runs the command line as them.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import Engine, make_url

from archive.db.models import Quote
from archive.team import roles
from archive.team.errors import TeamPermissionError
from archive.team.schema import init_team_archive
from archive.team.server import make_engine, parse_address
from desktop.cli import main
from tests.team.conftest import PostgresServer
from tests.team.test_team_cli import Done, one_clear_line

PASSWORD = "officer-pass-٧٨٩"

Muntada = Callable[..., Done]
MakeOfficer = Callable[[roles.Role], str]


@pytest.fixture
def muntada(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Muntada:
    """Run ``muntada --lang en ARGS`` with a data folder of its own per ``home`` name."""
    def run(*arguments: str, home: str = "home") -> Done:
        monkeypatch.setenv("MUNTADA_HOME", str(tmp_path / home))
        monkeypatch.delenv("PGPASSWORD", raising=False)
        capsys.readouterr()
        code = main(["--lang", "en", *arguments])
        out, err = capsys.readouterr()
        return Done(code, out, err)
    return run


@pytest.fixture
def admin(postgres_server: PostgresServer, team_database: str) -> Iterator[Engine]:
    """The superuser on this test's database (AUTOCOMMIT)."""
    engine = postgres_server.admin_engine(team_database)
    yield engine
    engine.dispose()


@pytest.fixture
def prepared(team_url: str) -> str:
    """The test's database prepared by ``team init`` as the superuser (who may create the groups)."""
    address = parse_address(team_url)[0]
    engine = make_engine(address, None)
    try:
        init_team_archive(engine, address)
    finally:
        engine.dispose()
    return team_url


@pytest.fixture
def make_officer(admin: Engine, postgres_server: PostgresServer, team_database: str) -> Iterator[MakeOfficer]:
    """A new login in a role's group, with ``PASSWORD``; returns its address (password included)."""
    made: list[str] = []

    def make(role: roles.Role) -> str:
        name = f"{role.value}_{uuid.uuid4().hex[:8]}"
        with admin.connect() as connection:
            connection.exec_driver_sql(f"CREATE ROLE {name} LOGIN PASSWORD '{PASSWORD}' IN ROLE {role.group}")
        made.append(name)
        return postgres_server.url(team_database, user=name, password=PASSWORD)

    yield make
    with admin.connect() as connection:
        for name in made:
            connection.exec_driver_sql(f"DROP OWNED BY {name}")
            connection.exec_driver_sql(f"DROP ROLE {name}")


def test_init_creates_the_groups_and_grants_each_its_rights(prepared: str, admin: Engine) -> None:
    with admin.connect() as connection:
        def may(group: str, table: str, privilege: str) -> bool:
            return bool(connection.execute(text("SELECT has_table_privilege(:group, :table, :privilege)"),
                                           {"group": group, "table": table, "privilege": privilege}).scalar())
        groups = {row[0] for row in connection.exec_driver_sql("SELECT rolname FROM pg_roles")}
        assert set(roles.GROUPS) <= groups
        assert may("muntada_reader", "quote", "SELECT") and not may("muntada_reader", "quote", "INSERT")
        assert not may("muntada_reader", "audit_entry", "UPDATE")
        assert may("muntada_editor", "quote", "INSERT") and may("muntada_editor", "quote", "DELETE")
        assert may("muntada_editor", "sync_change", "INSERT") and may("muntada_editor", "audit_entry", "INSERT")
        for history in ("sync_change", "audit_entry"):  # added to, never rewritten
            assert not may("muntada_editor", history, "UPDATE") and not may("muntada_editor", history, "DELETE")
        assert may("muntada_editor", "alembic_version", "SELECT")
        assert not may("muntada_editor", "alembic_version", "UPDATE")
        assert not may("muntada_editor", "archive_meta", "INSERT")
        assert connection.execute(text(
            "SELECT has_sequence_privilege('muntada_editor', pg_get_serial_sequence('quote', 'id'), 'USAGE')")).scalar()


def test_a_readers_push_is_refused_by_the_server_in_one_clear_line(
        muntada: Muntada, prepared: str, make_officer: MakeOfficer, sample_archive: Path, admin: Engine) -> None:
    reader_url = make_officer(roles.Role.READER)
    line = one_clear_line(muntada("--archive", str(sample_archive), "team", "push", reader_url))
    user = make_url(reader_url).username
    assert line.startswith(f"The team server postgresql://{user}@") and "permission denied" in line
    assert "editor rights" in line and "administrator" in line and PASSWORD not in line
    with admin.connect() as connection:
        assert connection.execute(select(Quote.id)).first() is None  # nothing was written


def test_a_reader_reads_but_the_server_refuses_a_write_whatever_the_program_sends(
        prepared: str, make_officer: MakeOfficer, admin: Engine) -> None:
    with admin.connect() as connection:
        connection.exec_driver_sql("INSERT INTO tag (name, name_key) VALUES ('ملتقى', 'ملتقى')")
    address, password = parse_address(make_officer(roles.Role.READER))
    engine = make_engine(address, password)
    try:
        with engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT name FROM tag").scalar() == "ملتقى"
        writes = ("INSERT INTO tag (name, name_key) VALUES ('x', 'x')", "UPDATE tag SET name = 'x'", "DELETE FROM tag")
        for statement in writes:
            with pytest.raises(TeamPermissionError, match="editor rights"), engine.begin() as connection:
                connection.exec_driver_sql(statement)
    finally:
        engine.dispose()


def test_an_editor_writes_records_but_not_the_schema_version(
        prepared: str, make_officer: MakeOfficer) -> None:
    address, password = parse_address(make_officer(roles.Role.EDITOR))
    engine = make_engine(address, password)
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("INSERT INTO tag (name, name_key) VALUES ('منتدى', 'منتدى')")
            connection.exec_driver_sql("UPDATE tag SET name = 'منتدى الإعلام'")
        with pytest.raises(TeamPermissionError), engine.begin() as connection:
            connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
        with pytest.raises(TeamPermissionError), engine.begin() as connection:
            connection.exec_driver_sql("CREATE TABLE mine (id integer)")
    finally:
        engine.dispose()


def test_an_owner_member_prepares_the_archive_as_the_group(
        muntada: Muntada, postgres_server: PostgresServer, team_database: str, admin: Engine,
        make_officer: MakeOfficer) -> None:
    """Tables made by an owner officer belong to muntada_owner, so another owner can upgrade them."""
    with admin.connect() as connection:
        for group in roles.GROUPS:  # the groups as IT makes them (docs/team.md), before any init
            connection.exec_driver_sql(
                f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{group}') THEN "
                f"CREATE ROLE {group} NOLOGIN; END IF; END $$")
        connection.exec_driver_sql(f'ALTER DATABASE "{team_database}" OWNER TO muntada_owner')
        connection.exec_driver_sql("ALTER SCHEMA public OWNER TO pg_database_owner")
    owner_url = make_officer(roles.Role.OWNER)
    done = muntada("team", "init", owner_url)
    assert done.returncode == 0, done.stderr
    with admin.connect() as connection:
        owners = {row[0] for row in connection.exec_driver_sql(
            "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'")}
        assert owners == {"muntada_owner"}
        assert connection.execute(text("SELECT has_table_privilege('muntada_editor', 'quote', 'INSERT')")).scalar()
