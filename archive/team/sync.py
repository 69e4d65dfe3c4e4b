"""``muntada sync``: this desktop and the team server exchange their changes (issue 14, scheme A of docs/team.md).

A sync is a pull (``archive.team.pull``: the server's changes applied here in one local
transaction) then a push (``archive.team.push_changes``: this desktop's pending changes written
to the server in one server transaction, each only if the server's row is still at the version
this desktop last saw). Either may be interrupted at any point (a dropped network, the program
killed): each step commits whole or not at all and records where it got to in the same
transaction, so the next sync resumes without losing or repeating anything.

Pulled changes reach the search index through the archive's outbox (the caller drains it, as
after any change); they are not undo steps: they are other officers' work, and undoing them here
would only be pushed back as a new change. Conflicts are kept on both sides and listed by
``archive.team.conflicts``.

What is pending is written by SQLite triggers in each change's own transaction (``sync_outbox``,
migration 0006) rather than read from the undo steps: the steps keep their rows for the latest
edits only, and miss what no step wrote (a restore, a change made by another program).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.engine import Engine

from archive.db.engine import Archive
from archive.services.changes import Changes
from archive.team import local
from archive.team.conflicts import open_conflict_count
from archive.team.errors import TeamServerError
from archive.team.pull import PullCancelled, pull_changes
from archive.team.push_changes import PushCancelled, push_changes
from archive.team.sample_guard import refuse_sample_archive
from archive.team.schema import require_current_schema
from archive.team.server import TeamAddress

PULL, PUSH, INDEX = "pull", "push", "index"


@dataclass(frozen=True)
class SyncProgress:
    """Where a sync is: its stage ("pull", "push", or "index" for the caller's indexing) and rows done of total."""

    stage: str
    done: int
    total: int


@dataclass(frozen=True)
class SyncResult:
    """What a sync did: rows pulled and pushed, conflicts found, and the local records it changed."""

    pulled: int
    pushed: int
    conflicts: int
    changes: Changes = field(default_factory=Changes)
    cancelled: bool = False


@dataclass(frozen=True)
class SyncStatus:
    """This desktop's sync state, read from the archive alone (no server needed)."""

    last_sync_at: datetime | None  # None: never synced
    pending_changes: int  # shared rows changed here and not pushed yet
    open_conflicts: int


def sync_archive(archive: Archive, engine: Engine, address: TeamAddress,
                 progress: Callable[[SyncProgress], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> SyncResult:
    """Pull, then push (see the module's docstring).

    Raises ``TeamSchemaError`` when the team archive's schema is not this program's (nothing is
    exchanged then), and the ``TeamServerError``s of ``archive.team.server`` when the server
    fails (unreachable: ``TeamServerUnreachableError``); a sync cut short changes nothing it did
    not finish. A push that fails after the pull went through raises with the pull's changes in
    ``pulled_changes``. The sample archive is refused (``SampleArchiveNotSyncedError``) before the server
    is reached.
    """
    archive.require_writable()
    refuse_sample_archive(archive)
    report = progress or (lambda _step: None)
    stop = cancelled or (lambda: False)
    with engine.connect() as server:
        require_current_schema(server, address)
    try:
        pulled = pull_changes(archive, engine, address,
                              lambda done, total: report(SyncProgress(PULL, done, total)), stop)
    except PullCancelled:
        return SyncResult(0, 0, 0, cancelled=True)
    if stop():
        return SyncResult(pulled.pulled, 0, pulled.conflicts, pulled.changes, cancelled=True)
    try:
        pushed = push_changes(archive, engine, address,
                              lambda done, total: report(SyncProgress(PUSH, done, total)), stop)
    except PushCancelled:
        return SyncResult(pulled.pulled, 0, pulled.conflicts, pulled.changes, cancelled=True)
    except TeamServerError as error:  # the pull is committed: its records reach the caller all the same
        error.pulled_changes = pulled.changes
        raise
    return SyncResult(pulled.pulled, pushed.pushed, pulled.conflicts + pushed.conflicts, pulled.changes)


def pull_archive(archive: Archive, engine: Engine, address: TeamAddress,
                 progress: Callable[[SyncProgress], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> SyncResult:
    """Only the pull of a sync (``muntada team pull``: the team archive into a new, empty desktop)."""
    archive.require_writable()
    report = progress or (lambda _step: None)
    with engine.connect() as server:
        require_current_schema(server, address)
    try:
        pulled = pull_changes(archive, engine, address, lambda done, total: report(SyncProgress(PULL, done, total)),
                              cancelled or (lambda: False))
    except PullCancelled:
        return SyncResult(0, 0, 0, cancelled=True)
    return SyncResult(pulled.pulled, 0, pulled.conflicts, pulled.changes)


def sync_status(archive: Archive) -> SyncStatus:
    """When this desktop last synced, how many changes wait to be pushed, how many conflicts are open."""
    with archive.engine.connect() as connection:
        last = local.meta(connection, local.LAST_SYNC_KEY)
        return SyncStatus(last_sync_at=datetime.fromisoformat(last) if last else None,
                          pending_changes=local.pending_count(connection),
                          open_conflicts=open_conflict_count(connection))
