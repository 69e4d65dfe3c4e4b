"""Desktops and a team server for the sync tests: two or three local archives and one real PostgreSQL database.

``team`` is a prepared team archive of the test's own, copied from one prepared once per run
(PostgreSQL's ``CREATE DATABASE ... TEMPLATE``): preparing one runs the whole migration chain,
about two seconds a test. Test modules import the fixtures they use from here.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from archive.db.engine import Archive, open_archive
from archive.team.schema import init_team_archive
from archive.team.server import TeamAddress, make_engine, parse_address
from archive.team.sync import SyncResult, sync_archive
from archive.team.wire import TIMESTAMPS, UidMap, shared_tables, to_wire
from tests.team.conftest import PostgresServer


@dataclass
class Team:
    """The team server of a test: its address and an engine on it."""

    address: TeamAddress
    engine: Engine
    url: str = ""  # as an officer types it

    def sync(self, desktop: Archive) -> SyncResult:
        return sync_archive(desktop, self.engine, self.address)

    def sync_with(self, desktop: Archive, **options: Any) -> SyncResult:
        return sync_archive(desktop, self.engine, self.address, **options)


@pytest.fixture(scope="session")
def prepared_template(postgres_server: PostgresServer) -> Iterator[str]:
    """A team archive prepared once per run, copied by ``team`` (dropped at the end)."""
    name = f"muntada_sync_template_{uuid.uuid4().hex[:8]}"
    admin = postgres_server.admin_engine()
    try:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}" ENCODING \'UTF8\' TEMPLATE template0')
        address = parse_address(postgres_server.url(name))[0]
        engine = make_engine(address, None)
        init_team_archive(engine, address)
        engine.dispose()
        yield name
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        admin.dispose()


@pytest.fixture(name="team")
def team_fixture(postgres_server: PostgresServer, prepared_template: str) -> Iterator[Team]:
    """A prepared, empty team archive of this test's own."""
    name = f"muntada_test_{uuid.uuid4().hex[:12]}"
    admin = postgres_server.admin_engine()
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE "{prepared_template}"')
    address = parse_address(postgres_server.url(name))[0]
    engine = make_engine(address, None)
    try:
        yield Team(address, engine, postgres_server.url(name))
    finally:
        engine.dispose()
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def new_desktop(folder: Path, name: str, officer: str = "") -> Archive:
    return open_archive(folder / f"{name}.sqlite", officer=officer)


def shared_rows(engine: Engine) -> dict[str, dict[str, dict[str, Any]]]:
    """table -> uid -> the row in its wire form (timestamps aside), of a desktop or the server."""
    found: dict[str, dict[str, dict[str, Any]]] = {}
    with engine.connect() as connection:
        uids = UidMap(connection)
        for shared in shared_tables().values():
            rows = connection.execute(select(shared.table)).mappings().all()
            found[shared.name] = {
                row["uid"]: {name: value for name, value in to_wire(shared, row, uids).items()
                             if name not in TIMESTAMPS} for row in rows}
    return found


def closing(*archives: Archive) -> Iterator[None]:
    try:
        yield
    finally:
        for archive in archives:
            archive.close()


def uid_of(archive: Archive, table: str, row_id: int) -> str:
    with archive.engine.connect() as connection:
        found = UidMap(connection).uid_of(table, row_id)
    assert found is not None
    return found


def id_of(archive: Archive, table: str, uid: str) -> int | None:
    with archive.engine.connect() as connection:
        return UidMap(connection).id_of(table, uid)


def same_record(source: Archive, table: str, row_id: int, other: Archive) -> int:
    """The id on ``other`` of the record ``row_id`` of ``source`` (they share its uid)."""
    found = id_of(other, table, uid_of(source, table, row_id))
    assert found is not None, f"{table} {row_id} is not on the other desktop"
    return found
