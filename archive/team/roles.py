"""Who may do what on the team archive: PostgreSQL's own roles and grants, enforced by the server.

Three group roles, one per kind of officer; each officer logs in with a role of their own that is
a member of one of them (``team add-officer``):

- ``muntada_owner``: owns the team archive's tables, so it prepares and upgrades it (``team init``),
  and manages officers (it is made with CREATEROLE; its members act as it to add one);
- ``muntada_editor``: reads and writes records; adds to the audit trail and the change log, never
  rewrites them (``APPEND_ONLY_TABLES``); reads, never changes, the schema's version and the
  archive's marker (``READ_ONLY_TABLES``);
- ``muntada_reader``: reads only.

The server refuses whatever a role was not granted (SQLSTATE 42501), whatever the desktop asks:
``archive.team.server`` turns that refusal into one line saying to ask for editor rights. Row-level
security is not needed: no role may see only part of the archive.

``team init`` runs ``prepare_groups`` and ``grant_rights`` in its transaction: they create the groups
that are missing when the login may create roles (else report them, with the SQL for IT), grant each group its
rights on every table and sequence there is now (so it is run again after each upgrade, and a
re-run of ``init`` repairs them), and makes the server name the officer of each change-log row
from its own knowledge (``session_user``), not from what the desktop sends (``OFFICER_TRIGGER``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

from archive.i18n import N_
from archive.team.errors import TeamServerError


class Role(Enum):
    """An officer's role on the team archive; its value is what ``--role`` takes."""

    OWNER = "owner"
    EDITOR = "editor"
    READER = "reader"

    @property
    def group(self) -> str:
        """The PostgreSQL group role of this kind of officer."""
        return f"muntada_{self.value}"


ROLE_LABELS = {Role.OWNER: N_("Owner"), Role.EDITOR: N_("Editor"), Role.READER: N_("Reader")}
GROUPS = tuple(role.group for role in Role)
READ_ONLY_TABLES = frozenset({"alembic_version", "archive_meta"})  # the schema's version, the team marker
APPEND_ONLY_TABLES = frozenset({"sync_change", "audit_entry"})  # history: editors add to it, never rewrite it
OFFICER_NAME = re.compile(r"^[a-z][a-z0-9_.-]{0,62}$")  # a login as typed in an address: no quoting needed
CHANGE_LOG_TABLE = "sync_change"  # the server's change log (archive.team.push_changes); its officer is set here
OFFICER_COLUMN = "officer"
OFFICER_TRIGGER = "muntada_change_officer"
SCRAM = b"scram-sha-256"


class TeamOfficerError(TeamServerError):
    """An officer's login cannot be made as asked (a name that is not a login, one that exists)."""


@dataclass(frozen=True)
class RolesResult:
    """What ``prepare_groups`` found and did: groups it created, groups that are missing (IT makes them)."""

    created: tuple[str, ...]
    missing: tuple[str, ...]


NO_GROUPS_CHANGED = RolesResult((), ())


@dataclass(frozen=True)
class Officer:
    """A login that is a member of one of the groups; ``role`` is the highest of its groups."""

    name: str
    role: Role
    can_login: bool


def prepare_groups(connection: Connection) -> RolesResult:
    """The missing groups created when this login may create roles, else reported as missing (IT makes them)."""
    created, missing = [], []
    for group in GROUPS:
        if _role_exists(connection, group):
            continue
        if may_create_roles(connection):
            managing = " CREATEROLE" if group == Role.OWNER.group else ""  # owners manage officers
            connection.exec_driver_sql(f"CREATE ROLE {group} NOLOGIN{managing}")
            created.append(group)
        else:
            missing.append(group)
    return RolesResult(tuple(created), tuple(missing))


def grant_rights(connection: Connection, groups: RolesResult) -> RolesResult:
    """Each existing group's rights granted on every table and sequence there is; returns ``groups``.

    Called inside ``team init``'s transaction, after the migrations; does nothing when this login
    does not own the tables (an editor running ``init`` on a prepared archive).
    """
    if owns_tables(connection):
        _grant(connection, [group for group in GROUPS if group not in groups.missing])
        _name_officer_on_server(connection)
    return groups


def act_as_owner_group(connection: Connection) -> bool:
    """``SET LOCAL ROLE muntada_owner`` when this login is one of its members and it may create tables.

    Then the tables ``init`` makes belong to the group, not to the officer who ran it, so any other
    owner can upgrade them later. Lasts until the transaction ends. True when the role was set.
    """
    row = connection.execute(text(
        "SELECT pg_has_role(current_user, r.oid, 'MEMBER') AND current_user <> r.rolname "
        "AND has_schema_privilege(r.oid, 'public', 'CREATE') FROM pg_roles r WHERE r.rolname = :group"),
        {"group": Role.OWNER.group}).scalar()
    if row:
        connection.exec_driver_sql(f"SET LOCAL ROLE {Role.OWNER.group}")
    return bool(row)


def owns_tables(connection: Connection) -> bool:
    """Whether this login owns (or is a member of the owner of) the team archive's tables."""
    return bool(connection.execute(text(
        "SELECT pg_has_role(current_user, tableowner, 'USAGE') FROM pg_tables "
        "WHERE schemaname = current_schema() AND tablename = 'alembic_version'")).scalar())


def _grant(connection: Connection, groups: list[str]) -> None:
    tables = inspect(connection).get_table_names()
    quote = connection.dialect.identifier_preparer.quote
    writable = ", ".join(quote(table) for table in tables
                         if table not in READ_ONLY_TABLES and table not in APPEND_ONLY_TABLES)
    appended = ", ".join(quote(table) for table in tables if table in APPEND_ONLY_TABLES)
    every = ", ".join(quote(table) for table in tables)
    owner, editor, reader = Role.OWNER.group, Role.EDITOR.group, Role.READER.group
    statements = {
        owner: [f"GRANT ALL ON TABLE {every} TO {owner}", f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {owner}"],
        editor: [f"GRANT SELECT ON TABLE {every} TO {editor}",
                 f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON TABLE {every} FROM {editor}",  # grants made by hand
                 f"GRANT INSERT, UPDATE, DELETE ON TABLE {writable} TO {editor}",
                 f"GRANT INSERT ON TABLE {appended} TO {editor}",
                 f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {editor}"],
        reader: [f"GRANT SELECT ON TABLE {every} TO {reader}",
                 f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON TABLE {every} FROM {reader}"],
    }
    schema_owned = connection.execute(text(
        "SELECT pg_has_role(current_user, nspowner, 'USAGE') FROM pg_namespace WHERE nspname = 'public'")).scalar()
    for group in groups:
        if schema_owned:
            connection.exec_driver_sql(f"GRANT USAGE ON SCHEMA public TO {group}")
        for statement in statements[group]:
            if " ON TABLE  TO " not in statement:  # no table of that sort at this schema
                connection.exec_driver_sql(statement)


def _name_officer_on_server(connection: Connection) -> None:
    """Each change-log row's officer is the login that wrote it (``session_user``), whatever was sent.

    ``session_user``, not ``current_user``: an owner acting as its group (``SET ROLE``) is still named.
    Nothing to do before the change log exists (migration 0006 of sync).
    """
    columns = {column["name"] for column in inspect(connection).get_columns(CHANGE_LOG_TABLE)} \
        if CHANGE_LOG_TABLE in inspect(connection).get_table_names() else set()
    if OFFICER_COLUMN not in columns:
        return
    connection.exec_driver_sql(
        "CREATE OR REPLACE FUNCTION muntada_change_officer() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN NEW.{OFFICER_COLUMN} := session_user; RETURN NEW; END $$")
    connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {OFFICER_TRIGGER} ON {CHANGE_LOG_TABLE}")
    connection.exec_driver_sql(
        f"CREATE TRIGGER {OFFICER_TRIGGER} BEFORE INSERT OR UPDATE ON {CHANGE_LOG_TABLE} "
        "FOR EACH ROW EXECUTE FUNCTION muntada_change_officer()")


def _role_exists(connection: Connection, name: str) -> bool:
    return connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": name}).first() is not None


def may_create_roles(connection: Connection, group: str | None = None) -> bool:
    """Whether this login may create login roles (and, given ``group``, make them members of it).

    PostgreSQL 16 and later also ask for the ADMIN option on the group; 15 lets CREATEROLE do it.
    """
    row = connection.execute(text(
        "SELECT rolsuper, rolcreaterole FROM pg_roles WHERE rolname = current_user")).one()
    if row.rolsuper:
        return True
    if not row.rolcreaterole:
        return False
    if group is None or connection.dialect.server_version_info < (16,):  # type: ignore[operator]
        return True
    return bool(connection.execute(text(
        "SELECT pg_has_role(current_user, :group, 'MEMBER WITH ADMIN OPTION')"), {"group": group}).scalar())


def act_as_officer_manager(connection: Connection, group: str) -> bool:
    """Whether this login may add officers to ``group``, acting as ``muntada_owner`` when it must.

    Role attributes such as CREATEROLE are not inherited: an owner officer creates logins as the
    owner group (``SET LOCAL ROLE``, until the transaction ends), which ``team init`` made with it.
    """
    if may_create_roles(connection, group):
        return True
    member = connection.execute(text(
        "SELECT pg_has_role(current_user, :owner, 'MEMBER') FROM pg_roles WHERE rolname = :owner"),
        {"owner": Role.OWNER.group}).scalar()
    if not member:
        return False
    connection.exec_driver_sql(f"SET LOCAL ROLE {Role.OWNER.group}")
    if may_create_roles(connection, group):
        return True
    connection.exec_driver_sql("RESET ROLE")
    return False


def check_officer_name(name: str) -> str:
    """``name`` as a login; raises ``TeamOfficerError`` for a name that is not one."""
    if not OFFICER_NAME.match(name):
        raise TeamOfficerError(
            "'{name}' cannot be an officer's login: use lower-case Latin letters, digits, '_', '.' or '-', "
            "starting with a letter (at most 63), e.g. amina.salem.", name=name)
    return name


def add_officer_sql(name: str, role: Role) -> list[str]:
    """What the centre's administrator runs in ``psql`` to add the officer ``name`` (password asked by psql)."""
    check_officer_name(name)
    return [f'CREATE ROLE "{name}" LOGIN IN ROLE {role.group};', f'\\password "{name}"']


def add_officer(connection: Connection, name: str, role: Role, password: str) -> None:
    """Create the login ``name`` with ``password``, a member of ``role``'s group.

    Only the password's SCRAM verifier is sent (made here by libpq), so the password itself never
    reaches the server's logs. Raises ``TeamOfficerError`` when the login exists; the server's
    refusal (no right to create roles) arrives as ``TeamPermissionError``.
    """
    check_officer_name(name)
    if _role_exists(connection, name):
        raise TeamOfficerError(
            "The team server already has a login named {name}; nothing was changed. Choose another name, "
            "or ask the centre's administrator to change that login's role.", name=name)
    pgconn = connection.connection.driver_connection.pgconn  # type: ignore[union-attr]
    verifier = pgconn.encrypt_password(password.encode(), name.encode(), SCRAM).decode()
    quote = connection.dialect.identifier_preparer.quote_identifier
    literal = "'" + verifier.replace("'", "''") + "'"
    connection.exec_driver_sql(f"CREATE ROLE {quote(name)} LOGIN PASSWORD {literal} IN ROLE {role.group}")


def list_officers(connection: Connection) -> list[Officer]:
    """Every role that is a member of a group (directly), with its highest role, by name; groups left out."""
    rows = connection.execute(text(
        "SELECT member.rolname AS name, member.rolcanlogin AS can_login, array_agg(grp.rolname) AS groups "
        "FROM pg_auth_members m JOIN pg_roles grp ON grp.oid = m.roleid JOIN pg_roles member ON member.oid = m.member "
        "WHERE grp.rolname = ANY(:groups) AND NOT member.rolname = ANY(:groups) "  # a group in a group: no officer
        "GROUP BY member.rolname, member.rolcanlogin ORDER BY member.rolname"),
        {"groups": list(GROUPS)})
    officers = []
    for row in rows:
        role = next(role for role in Role if role.group in row.groups)  # Role is ordered owner, editor, reader
        officers.append(Officer(row.name, role, row.can_login))
    return officers
