"""A team server's address, the engine on it, and the server's errors as clear messages.

An address is what IT hands out: ``postgresql://USER@HOST:PORT/DATABASE``, with libpq's options
in the query passed through untouched (``sslmode=require``, ``sslrootcert=...``, ``host=/socket``).
The password is never part of a saved or shown address (``credentials`` keeps it).

Every engine made here translates the server's errors in one place (the ``handle_error`` event),
as ``archive.db.engine`` does for SQLite: unreachable, login refused, no such database, no
privilege. Statement parameters (article text) never appear in messages or logs.
"""

from __future__ import annotations

from dataclasses import dataclass

import psycopg
from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Engine, ExceptionContext, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from archive.team.errors import (
    TeamAddressError,
    TeamLoginError,
    TeamPermissionError,
    TeamServerError,
    TeamServerUnreachableError,
)

SCHEMES = frozenset({"postgresql", "postgres", "postgresql+psycopg"})
CONNECT_TIMEOUT_SECONDS = 10  # an unreachable server is reported in seconds, not after the OS's minutes
DRIVER = "postgresql+psycopg"  # psycopg 3
LOGIN_STATES = frozenset({"28P01", "28000"})  # invalid password, invalid authorisation
LOGIN_SIGNS = ("password authentication failed", "no password supplied", "authentication failed",
               "role \"", "pg_hba.conf")
NO_DATABASE_STATE = "3D000"
PRIVILEGE_STATE = "42501"


@dataclass(frozen=True)
class TeamAddress:
    """Where the team archive is: a PostgreSQL URL without password."""

    url: URL

    @property
    def display(self) -> str:
        """The address as the user wrote it, without password: ``postgresql://USER@HOST/DATABASE?...``."""
        return self.url.set(drivername="postgresql").render_as_string(hide_password=False)

    @property
    def user(self) -> str:
        return self.url.username or ""

    @property
    def credential_name(self) -> str:
        """The key of the password in the credential store: user, server and database."""
        host = self.url.host or str(self.url.query.get("host", "")) or "localhost"
        port = f":{self.url.port}" if self.url.port else ""
        return f"{self.user}@{host}{port}/{self.url.database or ''}"


def parse_address(text: str) -> tuple[TeamAddress, str | None]:
    """The address in ``text`` and the password written in it (None when there is none).

    Raises ``TeamAddressError`` for anything that is not a ``postgresql://`` URL with a database.
    """
    try:
        url = make_url(text.strip())
    except ArgumentError:
        raise TeamAddressError(
            "'{address}' is not a team server address. Give one like postgresql://USER@HOST/DATABASE.",
            address=_without_password(text)) from None
    if url.drivername not in SCHEMES or not url.database:
        raise TeamAddressError(
            "'{address}' is not a team server address. Give one like postgresql://USER@HOST/DATABASE.",
            address=_without_password(text))
    password = str(url.password) if url.password else None
    # _replace, not set(): URL.set() takes None for "leave as it is", and the password would stay.
    return TeamAddress(url.set(drivername=DRIVER)._replace(password=None)), password


def _without_password(text: str) -> str:
    """``text`` with anything between ``:`` and ``@`` after the scheme hidden (for error messages)."""
    scheme, separator, rest = text.strip().partition("://")
    credentials, at, host = rest.rpartition("@")
    if not separator or not at or ":" not in credentials:
        return text.strip()
    return f"{scheme}://{credentials.split(':', 1)[0]}:***@{host}"


def make_engine(address: TeamAddress, password: str | None) -> Engine:
    """An engine on the team database; its errors reach the caller as ``TeamServerError``s."""
    url = address.url.set(password=password) if password else address.url
    connect_args: dict[str, object] = {"application_name": "muntada"}
    if "connect_timeout" not in url.query:
        connect_args["connect_timeout"] = CONNECT_TIMEOUT_SECONDS
    engine = create_engine(url, connect_args=connect_args, hide_parameters=True)

    @event.listens_for(engine, "handle_error")
    def _translate(context: ExceptionContext) -> BaseException | None:
        return translate_server_error(context.original_exception, address)

    return engine


def translate_server_error(error: BaseException, address: TeamAddress) -> TeamServerError | None:
    """The clear error for a server's failure (unreachable, login, no database, no privilege); None for a bug."""
    original = error.orig if isinstance(error, DBAPIError) else error
    if not isinstance(original, psycopg.Error):
        return None
    state = original.sqlstate or ""
    reason = first_line(str(original))
    lowered = reason.lower()
    if state == PRIVILEGE_STATE:
        return TeamPermissionError(
            "The team server {server} refused this change by {user}, whose role may not make it ({reason}). "
            "Ask the centre's administrator for editor rights (owner rights to prepare or upgrade the team archive).",
            server=address.display, user=address.user, reason=reason)
    if state == NO_DATABASE_STATE or ("database \"" in lowered and "does not exist" in lowered):
        return TeamLoginError(
            "The team server {server} has no such database ({reason}). Check the address, "
            "or ask IT to create the database (docs/team.md).", server=address.display, reason=reason)
    if state in LOGIN_STATES or any(sign in lowered for sign in LOGIN_SIGNS):
        return _login_refused(address, reason)
    if isinstance(original, psycopg.OperationalError):
        return TeamServerUnreachableError(
            "The team server {server} cannot be reached ({reason}). Check the address and the network, "
            "or keep working offline and try again later.", server=address.display, reason=reason)
    return None


def _login_refused(address: TeamAddress, reason: str) -> TeamLoginError:
    """The refused login, and where the password can be given: the app has no form for it, so the command line."""
    from archive.team.credentials import credential_store_available  # it imports this module

    if credential_store_available():
        return TeamLoginError(
            "The team server {server} refused the login of {user} ({reason}). Run once on the command line "
            "(muntada-cli.exe on Windows) muntada sync postgresql://USER:PASSWORD@HOST/DATABASE with the right "
            "password: it is then kept in the system's credential store, for the app too.",
            server=address.display, user=address.user, reason=reason)
    return TeamLoginError(
        "The team server {server} refused the login of {user} ({reason}). This computer has no credential "
        "store to keep a password: give the right one with each command (postgresql://USER:PASSWORD@HOST/DATABASE "
        "or PGPASSWORD), and start the app with PGPASSWORD set.",
        server=address.display, user=address.user, reason=reason)


def first_line(text: str) -> str:
    """The first non-empty line of a server's message (libpq's run over several)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[0] if lines else text.strip()
