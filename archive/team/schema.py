"""``muntada team init``: an empty server database made a Muntada team archive, and the checks of one.

A team archive is the desktop's schema (the same Alembic chain, ``archive.db.migrations``) at
head, plus a marker row in ``archive_meta`` saying it is a Muntada team archive. The schema
version is Alembic's ``alembic_version``, as on the desktop. PostgreSQL's DDL is transactional,
so the whole preparation commits at once or not at all; a transaction-scoped advisory lock
makes two officers preparing the same database wait for each other (the second finds it done).

Refused, with nothing changed: a database holding tables that are not a Muntada team archive,
and one whose schema is newer than this program (an officer with an older Muntada must upgrade
before touching it). An older team schema is brought to head by ``init``; the other commands
ask for that first.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from sqlalchemy import insert, inspect, select
from sqlalchemy.engine import Connection, Engine

from archive.db import migrations
from archive.db.models import ArchiveMeta
from archive.team import roles
from archive.team.errors import TeamSchemaError
from archive.team.server import TeamAddress

TEAM_MARKER_KEY = "muntada_team_archive"
TEAM_MARKER_VALUE = "1"  # the format of the team archive itself (the schema's version is Alembic's)
TEAM_LOCK_ID = 0x4D554E54  # "MUNT": one advisory lock for init and push, held until their transaction ends


class InitOutcome(Enum):
    CREATED = "created"
    UPGRADED = "upgraded"
    ALREADY = "already"


@dataclass(frozen=True)
class InitResult:
    """What ``team init`` did, and the schema revision the team archive is at afterwards."""

    outcome: InitOutcome
    revision: str
    previous_revision: str | None
    groups: roles.RolesResult = roles.NO_GROUPS_CHANGED  # officers' groups created, and those IT must create


def lock_team_archive(connection: Connection) -> None:
    """Wait for any other init or push on this database to finish; held until the transaction ends."""
    connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({TEAM_LOCK_ID})")


def init_team_archive(engine: Engine, address: TeamAddress) -> InitResult:
    """Prepare the database behind ``engine`` as a team archive at this program's schema, in one transaction.

    Raises ``TeamSchemaError`` for a foreign database or a newer schema; server failures arrive as
    the ``TeamServerError``s of ``archive.team.server``.
    """
    with engine.begin() as connection:
        lock_team_archive(connection)
        if not inspect(connection).get_table_names():
            made = roles.prepare_groups(connection)  # before acting as the owner group: it may not create roles
            roles.act_as_owner_group(connection)
            migrations.upgrade(connection)
            connection.execute(insert(ArchiveMeta).values(key=TEAM_MARKER_KEY, value=TEAM_MARKER_VALUE))
            granted = roles.grant_rights(connection, made)
            return InitResult(InitOutcome.CREATED, migrations.head_revision(), None, granted)
        revision = team_revision(connection, address)
        made = roles.prepare_groups(connection)
        if revision == migrations.head_revision():  # rights granted again: a re-run of init repairs them
            return InitResult(InitOutcome.ALREADY, revision, revision, roles.grant_rights(connection, made))
        roles.act_as_owner_group(connection)
        migrations.upgrade(connection)
        granted = roles.grant_rights(connection, made)
        return InitResult(InitOutcome.UPGRADED, migrations.head_revision(), revision, granted)


def team_revision(connection: Connection, address: TeamAddress) -> str:
    """The schema revision of a team archive this program can work with (it may be older than head).

    Raises ``TeamSchemaError`` when the database is not a Muntada team archive or is newer than this program.
    """
    tables = set(inspect(connection).get_table_names())
    if not tables:
        raise TeamSchemaError(
            "The database at {server} is not a team archive yet. Prepare it first: muntada team init {server}",
            server=address.display)
    marked = "archive_meta" in tables and "alembic_version" in tables and connection.execute(
        select(ArchiveMeta.value).where(ArchiveMeta.key == TEAM_MARKER_KEY)).scalar() is not None
    if not marked:
        raise TeamSchemaError(
            "The database at {server} already holds tables and is not a Muntada team archive; nothing was "
            "changed. Give the address of an empty database (docs/team.md).", server=address.display)
    revision = migrations.current_revision(connection)
    if revision is None or revision not in migrations.known_revisions():
        raise TeamSchemaError(
            "The team archive at {server} was prepared by a newer version of Muntada (schema {revision}). "
            "Install that version to work with it; nothing was changed.",
            server=address.display, revision=revision or "?")
    return revision


def require_current_schema(connection: Connection, address: TeamAddress) -> str:
    """``team_revision``, and it must be this program's head: an older team archive is upgraded by init."""
    revision = team_revision(connection, address)
    if revision != migrations.head_revision():
        raise TeamSchemaError(
            "The team archive at {server} has an older schema ({revision}) than this version of Muntada "
            "({head}). Upgrade it first: muntada team init {server}",
            server=address.display, revision=revision, head=migrations.head_revision())
    return revision
