"""The team archive on the command line: ``muntada team init URL`` and ``muntada team push [URL]``.

``init`` prepares an empty PostgreSQL database as the team archive (``archive.team.schema``);
``push`` uploads this desktop's archive into it, all or nothing (``archive.team.push``). Both
remember the server's address for the next command (without its password) and keep a password
given in the address in the system's credential store (``archive.team.credentials``).
"""

from __future__ import annotations

import argparse
import sys

from sqlalchemy.engine import Engine

from archive.i18n import tr
from archive.team import credentials
from archive.team.push import PushProgress, push_archive
from archive.team.schema import InitOutcome, init_team_archive
from archive.team.server import TeamAddress, make_engine
from desktop.cli.context import CliContext

ADDRESS_HELP = "postgresql://USER@HOST/DATABASE (?sslmode=require ...)"


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    team = subparsers.add_parser("team", help=tr("the team archive on a PostgreSQL server (init, push)"))
    commands = team.add_subparsers(dest="team_command", metavar="COMMAND", required=True)
    parser = commands.add_parser("init", help=tr("prepare an empty PostgreSQL database as the team archive"))
    parser.add_argument("server", metavar="URL", help=ADDRESS_HELP)
    parser.set_defaults(handler=run_init)
    parser = commands.add_parser("push", help=tr("upload this archive into the empty team archive, all or nothing"))
    parser.add_argument("server", metavar="URL", nargs="?",
                        help=tr("the team server (default: the one set up by 'muntada team init')"))
    parser.set_defaults(handler=run_push)


def run_init(args: argparse.Namespace, context: CliContext) -> int:
    address, given_password, engine = _connect(args.server, context)
    try:
        result = init_team_archive(engine, address)
    finally:
        engine.dispose()
    _remember(context, address, given_password)
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
    address, given_password, engine = _connect(args.server, context)
    try:
        result = push_archive(archive, engine, address, progress=lambda step: _show_progress(context, step))
    finally:
        engine.dispose()
    _remember(context, address, given_password)
    context.say(tr("The archive {path} was uploaded to the team archive at {server}.",
                   path=str(archive.path), server=address.display))
    for table, rows in result.rows_by_table:
        if rows:
            context.say(f"  {table}: {rows}")
    return 0


def _connect(given: str | None, context: CliContext) -> tuple[TeamAddress, str | None, Engine]:
    """The address to use, the password written in it (None if none), and an engine on the server.

    Without a password in the address, the one kept in the credential store is used.
    """
    address, given_password = credentials.address_to_use(context.locations.data_folder, given)
    password = given_password or credentials.stored_password(address)
    return address, given_password, make_engine(address, password)


def _remember(context: CliContext, address: TeamAddress, given_password: str | None) -> None:
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
