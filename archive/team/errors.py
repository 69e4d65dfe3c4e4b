"""The errors a user meets when working with the team server: each says what happened and what to do."""

from __future__ import annotations

from typing import TYPE_CHECKING

from archive.errors import MuntadaError

if TYPE_CHECKING:
    from archive.services.changes import Changes


class TeamServerError(MuntadaError):
    """Something about the team server stops the command (base of the errors below).

    ``pulled_changes``: raised by a sync's push after its pull went through, the records that pull
    changed here (committed, kept); the app refreshes its screens from them. None otherwise.
    """

    pulled_changes: Changes | None = None


class TeamAddressError(TeamServerError):
    """The address given is not a PostgreSQL address, or none was given nor saved."""


class TeamServerUnreachableError(TeamServerError):
    """The server could not be reached (network, name, port, server down): a status, never a crash."""

    exit_code = 3


class TeamLoginError(TeamServerError):
    """The server refused the login (user or password), or the database does not exist."""


class TeamPermissionError(TeamServerError):
    """The server refused a change this officer's role may not make (PostgreSQL's privileges)."""


class TeamSchemaError(TeamServerError):
    """The database is not a Muntada team archive, or its schema is newer or older than this program's."""


class TeamArchiveNotEmptyError(TeamServerError):
    """A push was asked of a team archive that already holds records."""


class TeamPushDataError(TeamServerError):
    """A record of the desktop archive cannot be stored on the server as it is (too long, a NUL)."""


class SampleArchiveNotSyncedError(MuntadaError):
    """The archive is the sample archive: its invented data must never reach the team server."""
