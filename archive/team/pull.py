"""Pull: the team server's changes applied to this desktop.

A desktop that synced before reads the change log after the last entry it applied, in one local
transaction (``Applier``, ``archive.team.applier``), and stores its new position in the log in
the same transaction: killed half-way, nothing is applied and the next pull starts again from the
same place, so nothing is lost and nothing applied twice.

A desktop that never synced with this team archive reads the team archive itself instead, in
parts each committed on its own (``archive.team.first_pull``); a first pull resumed after an
interruption then reads the log since it began, here, at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from sqlalchemy import func, select
from sqlalchemy.engine import Connection, Engine

from archive.db import models as m
from archive.db.engine import Archive
from archive.team import local
from archive.team.applier import Applier, Entry, PullCancelled, PullOutcome, SyncApplyError
from archive.team.first_pull import pull_team_archive
from archive.team.server import TeamAddress

__all__ = ["PullCancelled", "PullOutcome", "SyncApplyError", "pull_changes"]

BATCH = 2000  # log entries read per query
BULK = 1000  # from this many entries on, every uid and id of this desktop is read once, at the start


def pull_changes(archive: Archive, engine: Engine, address: TeamAddress, progress: Callable[[int, int], None],
                 cancelled: Callable[[], bool]) -> PullOutcome:
    """Apply the server's changes here (see the module's docstring); raises ``PullCancelled`` when cancelled."""
    with engine.connect() as server:
        with local.write_transaction(archive) as connection:
            since = local.last_seq(connection, address.display)
            if since is not None:
                outcome = _pull_log(connection, server, since, address, progress, cancelled)
        if since is None:
            first = pull_team_archive(archive, server, address, progress, cancelled)
            outcome = first.outcome
            if first.resumed and first.finished:  # what changed on the server since the pull began
                with local.write_transaction(archive) as connection:
                    since = local.last_seq(connection, address.display)
                    assert since is not None
                    outcome = outcome.plus(_pull_log(connection, server, since, address, progress, cancelled))
        server.rollback()
    return outcome


def _pull_log(connection: Connection, server: Connection, since: int, address: TeamAddress,
              progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> PullOutcome:
    """The log after ``since`` applied in the caller's transaction, with the new position in the log."""
    newest = int(server.execute(select(func.coalesce(func.max(m.SyncChange.seq), 0))).scalar_one())
    me = local.desktop_id(connection)
    # The progress counts the team's changes: the echoes of this desktop's own pushes bring nothing new.
    total = int(server.execute(select(func.count()).where(m.SyncChange.seq > since, m.SyncChange.seq <= newest,
                                                           m.SyncChange.desktop != me)).scalar_one())
    applier = Applier(connection, me, bulk=total > BULK)
    applier.run(_log_after(server, since, newest), total, 0, progress, cancelled)
    applier.finish()
    local.mark_synced(connection, newest, address.display)
    return PullOutcome(pulled=applier.pulled, conflicts=applier.conflicts, changes=applier.changes)


def _log_after(server: Connection, since: int, newest: int) -> Iterator[Entry]:
    position = since
    while position < newest:
        log = m.SyncChange.__table__
        rows = server.execute(select(log).where(log.c.seq > position, log.c.seq <= newest)
                              .order_by(log.c.seq).limit(BATCH)).all()
        if not rows:
            return
        for row in rows:
            yield Entry(row.table_name, row.uid, row.version, row.op, row.row, row.merged_into, row.desktop,
                        row.officer, row.at)
        position = rows[-1].seq
