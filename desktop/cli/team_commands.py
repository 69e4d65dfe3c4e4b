"""The team archive on the command line: ``muntada team init URL`` and ``muntada team push [URL]``.

``init`` prepares an empty PostgreSQL database as the team archive (``archive.team.schema``);
``push`` uploads this desktop's archive into it, all or nothing (``archive.team.push``). Both
remember the server's address for the next command (without its password) and keep a password
given in the address in the system's credential store (``archive.team.credentials``).
"""

from __future__ import annotations

import argparse
import getpass
import secrets
import sys

from sqlalchemy.engine import Engine

from archive.i18n import tr
from archive.team import credentials, roles
from archive.team.push import PushProgress, push_archive
from archive.team.schema import InitOutcome, init_team_archive
from archive.team.server import TeamAddress, make_engine
from desktop.cli import sync_commands
from desktop.cli.context import CliContext

ADDRESS_HELP = "postgresql://USER@HOST/DATABASE (?sslmode=require ...)"


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    team = subparsers.add_parser(
        "team", help=tr("the team archive on a PostgreSQL server (init, push, pull, add-officer, officers)"))
    commands = team.add_subparsers(dest="team_command", metavar="COMMAND", required=True)
    parser = commands.add_parser("init", help=tr("prepare an empty PostgreSQL database as the team archive"))
    parser.add_argument("server", metavar="URL", help=ADDRESS_HELP)
    parser.set_defaults(handler=run_init)
    parser = commands.add_parser("push", help=tr("upload this archive into the empty team archive, all or nothing"))
    parser.add_argument("server", metavar="URL", nargs="?",
                        help=tr("the team server (default: the one set up by 'muntada team init')"))
    parser.set_defaults(handler=run_push)
    parser = commands.add_parser("add-officer", help=tr("give an officer a login on the team server, with a role"))
    parser.add_argument("name", metavar="NAME", help=tr("the officer's login, e.g. amina.salem"))
    parser.add_argument("--role", required=True, choices=[role.value for role in roles.Role],
                        help=tr("reader: reads only; editor: reads and writes records; owner: also upgrades "
                                "the team archive and manages officers"))
    parser.add_argument("--ask-password", action="store_true",
                        help=tr("type the officer's password (default: a new one is made and shown once)"))
    parser.add_argument("--server", metavar="URL", help=tr("the team server (default: the one set up by "
                                                            "'muntada team init')"))
    parser.set_defaults(handler=run_add_officer)
    parser = commands.add_parser("officers", help=tr("list the officers of the team server and their roles"))
    parser.add_argument("--server", metavar="URL", help=tr("the team server (default: the one set up by "
                                                            "'muntada team init')"))
    parser.add_argument("--json", action="store_true", help=tr("print JSON"))
    parser.set_defaults(handler=run_officers)
    sync_commands.register(subparsers, commands)


def run_init(args: argparse.Namespace, context: CliContext) -> int:
    address, given_password, engine = connect(args.server, context)
    try:
        result = init_team_archive(engine, address)
    finally:
        engine.dispose()
    remember(context, address, given_password)
    _report_groups(context, address, result.groups)
    if result.outcome is InitOutcome.CREATED:
        context.say(tr("The team archive is ready at {server} (schema {revision}).",
                       server=address.display, revision=result.revision))
    elif result.outcome is InitOutcome.UPGRADED:
        context.say(tr("The team archive at {server} was upgraded from schema {old} to {revision}.",
                       server=address.display, old=result.previous_revision, revision=result.revision))
    else:
        context.say(tr("The team archive at {server} was already prepared (schema {revision}).",
                       server=address.display, revision=result.revision))
    return 0


def run_push(args: argparse.Namespace, context: CliContext) -> int:
    archive = context.open_archive()
    address, given_password, engine = connect(args.server, context)
    try:
        result = push_archive(archive, engine, address, progress=lambda step: _show_progress(context, step))
    finally:
        engine.dispose()
    remember(context, address, given_password)
    context.say(tr("The archive {path} was uploaded to the team archive at {server}.",
                   path=str(archive.path), server=address.display))
    for table, rows in result.rows_by_table:
        if rows:
            context.say(f"  {table}: {rows}")
    return 0


def connect(given: str | None, context: CliContext) -> tuple[TeamAddress, str | None, Engine]:
    """The address to use, the password written in it (None if none), and an engine on the server.

    Without a password in the address, the one kept in the credential store is used.
    """
    address, given_password = credentials.address_to_use(context.locations.data_folder, given)
    password = given_password or credentials.stored_password(address)
    return address, given_password, make_engine(address, password)


def remember(context: CliContext, address: TeamAddress, given_password: str | None) -> None:
    """After a command that logged in: the address saved, a password given in it kept in the credential store.

    Only then: a mistyped password never replaces the one that works.
    """
    credentials.save_address(context.locations.data_folder, address)
    if given_password is None:
        return
    if credentials.store_password(address, given_password):
        context.say(tr("The password is kept in the system's credential store, not in any file of Muntada."))
    else:
        context.error(tr("The password could not be kept: this computer has no credential store. "
                         "Give it in the address again next time, or set PGPASSWORD."))


def _show_progress(context: CliContext, step: PushProgress) -> None:
    context.say(tr("Uploading {table}: {sent}/{rows}", table=step.table, sent=step.table_rows_sent,
                   rows=step.table_rows))
    sys.stdout.flush()  # progress is seen as it happens, also through a pipe


ADMIN_MUST_RUN_EXIT = 4  # add-officer: this login may not create logins; the SQL for the administrator was printed
GENERATED_PASSWORD_BYTES = 15  # 20 URL-safe characters


def run_add_officer(args: argparse.Namespace, context: CliContext) -> int:
    role = roles.Role(args.role)
    name = roles.check_officer_name(args.name)
    address, given_password, engine = connect(args.server, context)
    try:
        with engine.begin() as connection:
            if not roles.act_as_officer_manager(connection, role.group):
                _print_sql_for_administrator(context, address, name, role)
                return ADMIN_MUST_RUN_EXIT
            password = _new_officer_password(args.ask_password)
            roles.add_officer(connection, name, role, password)
    finally:
        engine.dispose()
    remember(context, address, given_password)
    context.say(tr("{name} can now log in to the team archive at {server}, with the role {role}.",
                   name=name, server=address.display, role=tr(roles.ROLE_LABELS[role])))
    if not args.ask_password:
        context.say(tr("Their password, shown only this once (give it to them in person): {password}",
                       password=password))
    return 0


def run_officers(args: argparse.Namespace, context: CliContext) -> int:
    address, given_password, engine = connect(args.server, context)
    try:
        with engine.connect() as connection:
            officers = roles.list_officers(connection)
    finally:
        engine.dispose()
    remember(context, address, given_password)
    if args.json:
        context.print_json([{"name": officer.name, "role": officer.role.value, "can_login": officer.can_login}
                            for officer in officers])
        return 0
    if not officers:
        context.say(tr("The team server {server} has no officers yet: add one with "
                       "'muntada team add-officer NAME --role editor'.", server=address.display))
    for officer in officers:
        login = "" if officer.can_login else "\t" + tr("cannot log in")
        context.say(f"{officer.name}\t{tr(roles.ROLE_LABELS[officer.role])}{login}")
    return 0


def _print_sql_for_administrator(context: CliContext, address: TeamAddress, name: str, role: roles.Role) -> None:
    """The refusal on stderr, the statements on stdout (so they can be saved to a file and handed over)."""
    context.error(tr("{user} may not create logins on {server}. Ask the centre's administrator to run this "
                     "in psql on the database, as the postgres superuser (psql asks for the new password):",
                     user=address.user, server=address.display))
    for statement in roles.add_officer_sql(name, role):
        context.say(statement)


def _new_officer_password(ask: bool) -> str:
    """A password typed twice (``--ask-password``), or a new random one."""
    if not ask:
        return secrets.token_urlsafe(GENERATED_PASSWORD_BYTES)
    while True:
        password = getpass.getpass(tr("The officer's password: "))
        if password and password == getpass.getpass(tr("The same password again: ")):
            return password
        print(tr("The two passwords differ, or are empty; type them again."), file=sys.stderr)


def _report_groups(context: CliContext, address: TeamAddress, groups: roles.RolesResult) -> None:
    """After ``init``: the officers' groups created, or those the administrator must still create."""
    if groups.created:
        context.say(tr("The officers' groups were created on the server: {groups}.", groups=", ".join(groups.created)))
    if groups.missing:
        context.error(tr("{user} may not create roles, and the server has no {groups}: ask the centre's "
                         "administrator to run in psql {sql} then run 'muntada team init' again (docs/team.md).",
                         user=address.user, groups=", ".join(groups.missing),
                         sql=" ".join(f"CREATE ROLE {group} NOLOGIN;" for group in groups.missing)))
