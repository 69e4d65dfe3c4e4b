"""``muntada team add-officer`` and ``team officers``, against a real server: with the right to create
logins the login is made (and works), without it the SQL for the administrator is printed (and runs)."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from archive.team import roles
from archive.team.server import make_engine, parse_address
from desktop.cli.team_commands import ADMIN_MUST_RUN_EXIT
from tests.team.conftest import PostgresServer
from tests.team.test_roles import PASSWORD, Muntada, admin, muntada  # noqa: F401 (fixtures)
from tests.team.test_team_cli import one_clear_line


@pytest.fixture
def names(admin: Engine) -> Iterator[list[str]]:  # noqa: F811
    """Logins the test makes, dropped afterwards (roles are the whole server's)."""
    made: list[str] = []
    yield made
    with admin.connect() as connection:
        for name in made:
            if not connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": name}).first():
                continue
            connection.exec_driver_sql(f'REASSIGN OWNED BY "{name}" TO CURRENT_USER')
            connection.exec_driver_sql(f'DROP OWNED BY "{name}"')
            connection.exec_driver_sql(f'DROP ROLE IF EXISTS "{name}"')


def new_name(names: list[str], prefix: str) -> str:
    name = f"{prefix}.{uuid.uuid4().hex[:8]}"
    names.append(name)
    return name


def groups_of(admin: Engine, name: str) -> set[str]:  # noqa: F811
    with admin.connect() as connection:
        return {row[0] for row in connection.execute(text(
            "SELECT grp.rolname FROM pg_auth_members m JOIN pg_roles grp ON grp.oid = m.roleid "
            "JOIN pg_roles member ON member.oid = m.member WHERE member.rolname = :name"), {"name": name})}


def test_with_the_right_to_create_logins_the_officer_is_created_and_logs_in(
        muntada: Muntada, team_url: str, admin: Engine, names: list[str]) -> None:  # noqa: F811
    assert muntada("team", "init", team_url).returncode == 0
    name = new_name(names, "amina")

    done = muntada("team", "add-officer", name, "--role", "editor")  # the saved address: the superuser's
    assert done.returncode == 0, done.stderr
    assert f"{name} can now log in" in done.stdout and "with the role Editor" in done.stdout
    password = re.search(r"in person\): (\S+)", done.stdout).group(1)  # type: ignore[union-attr]
    assert groups_of(admin, name) == {"muntada_editor"}

    address = parse_address(team_url)[0]
    engine = make_engine(parse_address(address.url.set(username=name).render_as_string())[0], password)
    try:
        with engine.begin() as connection:
            assert connection.exec_driver_sql("SELECT session_user").scalar() == name
            connection.exec_driver_sql("INSERT INTO tag (name, name_key) VALUES ('منتدى', 'منتدى')")
    finally:
        engine.dispose()

    with admin.connect() as connection:  # as IT does on PostgreSQL 16 (docs/team.md): a group in a group
        connection.exec_driver_sql("GRANT muntada_reader TO muntada_owner WITH ADMIN OPTION")
    try:
        listed = muntada("team", "officers")
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql("REVOKE muntada_reader FROM muntada_owner")
    assert listed.returncode == 0 and f"{name}\tEditor" in listed.stdout.splitlines()
    assert not any(group in listed.stdout for group in roles.GROUPS)  # groups are not officers
    as_json = muntada("team", "officers", "--json")
    assert {"name": name, "role": "editor", "can_login": True} in json.loads(as_json.stdout)

    again = one_clear_line(muntada("team", "add-officer", name, "--role", "reader"))
    assert f"already has a login named {name}" in again
    assert groups_of(admin, name) == {"muntada_editor"}


def make_groups(admin: Engine) -> None:  # noqa: F811
    """The groups as IT makes them (docs/team.md), unless an earlier test's init made them."""
    with admin.connect() as connection:
        for group in roles.GROUPS:
            connection.exec_driver_sql(
                f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{group}') THEN "
                f"CREATE ROLE {group} NOLOGIN; END IF; END $$")
        connection.exec_driver_sql("ALTER ROLE muntada_owner CREATEROLE")


def test_an_owner_officer_adds_officers_acting_as_the_owner_group(
        muntada: Muntada, postgres_server: PostgresServer, team_database: str, admin: Engine,  # noqa: F811
        names: list[str]) -> None:
    """CREATEROLE is not inherited: the owner officer has it through muntada_owner only."""
    make_groups(admin)
    owner = new_name(names, "owner")
    with admin.connect() as connection:
        connection.exec_driver_sql(f"CREATE ROLE \"{owner}\" LOGIN PASSWORD '{PASSWORD}' IN ROLE muntada_owner")
        connection.exec_driver_sql(f'ALTER DATABASE "{team_database}" OWNER TO muntada_owner')
    owner_url = postgres_server.url(team_database, user=owner, password=PASSWORD)
    assert muntada("team", "init", owner_url).returncode == 0
    name = new_name(names, "salem")

    done = muntada("team", "add-officer", name, "--role", "reader", "--server", owner_url)
    assert done.returncode == 0, done.stderr
    assert groups_of(admin, name) == {"muntada_reader"}


def test_without_that_right_the_sql_for_the_administrator_is_printed_and_runs(
        muntada: Muntada, postgres_server: PostgresServer, team_database: str, admin: Engine,  # noqa: F811
        names: list[str]) -> None:
    """The database's owner, in no group and without CREATEROLE (as in phase 1's set-up), asks."""
    make_groups(admin)
    owner = new_name(names, "owner")
    with admin.connect() as connection:
        connection.exec_driver_sql(f"CREATE ROLE \"{owner}\" LOGIN PASSWORD '{PASSWORD}'")
        connection.exec_driver_sql(f'ALTER DATABASE "{team_database}" OWNER TO "{owner}"')
    owner_url = postgres_server.url(team_database, user=owner, password=PASSWORD)
    assert muntada("team", "init", owner_url).returncode == 0
    name = new_name(names, "bilal")

    done = muntada("team", "add-officer", name, "--role", "reader", "--server", owner_url)
    assert done.returncode == ADMIN_MUST_RUN_EXIT
    assert len(done.stderr.strip().splitlines()) == 1 and "Ask the centre's administrator" in done.stderr
    assert done.stdout.splitlines() == [f'CREATE ROLE "{name}" LOGIN IN ROLE muntada_reader;', f'\\password "{name}"']
    assert not groups_of(admin, name)

    with admin.connect() as connection:  # the administrator runs it (psql's \password is psql's own)
        connection.exec_driver_sql(done.stdout.splitlines()[0])
    assert groups_of(admin, name) == {"muntada_reader"}


@pytest.mark.parametrize("name", ["Amina Salem", "أمينة", "1amina", "amina;drop"])
def test_a_name_that_is_not_a_login_is_one_clear_line(muntada: Muntada, name: str) -> None:  # noqa: F811
    line = one_clear_line(muntada("team", "add-officer", name, "--role", "editor"))
    assert f"'{name}' cannot be an officer's login" in line
