"""What else a deletion or a merge touches, and the merge of two records of any kind.

``linked(archive, kind, id)`` counts, by kind, the records linked to one record: those deleted with
it (an event's sessions) and those that stay, without their link to it (a person's quotes), read
from the schema's foreign keys, so a link added to the models is counted with nothing to write
here. A merge moves exactly these links to the record kept. The command line's ``muntada delete``
and ``muntada merge`` say it before they ask (the app's dialogs do not count them yet).

``merge_records`` folds one record into another, as one undoable step: people and organisations
through their own services (what the app's merge dialog calls: names become aliases); the other
kinds by pointing every link of the record merged away at the record kept and deleting it. A link
the kept record already has (a source covering both events) is not doubled: it goes with the
record merged away. Two sources are never merged (each quote's span points into its own source's
text), nor two sessions of different events (their quotes would name one event and another's
session).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Column, Table, delete, func, insert, literal, select, update
from sqlalchemy.orm import Session

from archive.db import models as m
from archive.db.engine import Archive
from archive.db.models import Base
from archive.errors import ValidationError
from archive.kinds.registry import KINDS, spec_of
from archive.services import organisations, people
from archive.services.unit import get_or_raise, reading, write_unit

# Kinds whose merge is their own service's (the app's merge dialog): names become aliases.
SYNC_UID = "uid"  # each row's id across desktops (archive.team), made by a trigger when left empty
OWN_MERGES = {"person": people.merge_people, "organisation": organisations.merge_organisations}


@dataclass(frozen=True)
class LinkColumn:
    """Records of ``kind`` (ids in ``owner_id``) link to the kind pointed at through ``column``.

    ``goes_with``: deleting the record pointed at deletes them too (the column is their own and
    its foreign key cascades: an event's sessions).
    """

    kind: str
    owner_id: Column[Any]
    column: Column[Any]
    goes_with: bool


@dataclass(frozen=True)
class Linked:
    """Counts by kind of the records linked to one record: deleted with it, and kept without it."""

    deleted_with: dict[str, int] = field(default_factory=dict)
    kept: dict[str, int] = field(default_factory=dict)

    @property
    def anything(self) -> bool:
        return bool(self.deleted_with or self.kept)


def link_columns(kind: str) -> tuple[LinkColumn, ...]:
    """Every column of the schema that links a record of a registry kind to a record of ``kind``.

    A column of a kind's own table belongs to that kind; a column of an association table to the
    kind whose rows it extends, named first in the table's name (``source_event`` belongs to sources,
    ``session_presenter`` to sessions, ``event_partner`` to events). Links from tables of no kind
    (aliases, tags, import reviews), and an association table's link to its own record (an event's
    partners), are left out: they are part of the record itself.
    """
    target = _table(kind)
    found = []
    for table in Base.metadata.sorted_tables:
        for key in table.foreign_keys:
            if key.column.table is not target:
                continue
            owner = _kind_of(table)
            if owner is not None:
                found.append(LinkColumn(owner, table.c.id, key.parent, key.ondelete == "CASCADE"))
                continue
            owning = next((other for other in table.foreign_keys
                           if table.name.startswith(other.column.table.name + "_")), None)
            owner = _kind_of(owning.column.table) if owning is not None else None
            if owning is not None and owner is not None and owner != kind:
                found.append(LinkColumn(owner, owning.parent, key.parent, False))
    return tuple(found)


def linked(archive: Archive, kind: str, record_id: int) -> Linked:
    """What is linked to one record, by kind (``RecordNotFoundError`` for an unknown record)."""
    spec = spec_of(kind)
    with reading(archive) as session:
        get_or_raise(session, spec.model, kind, record_id)
        deleted: dict[str, set[int]] = {}
        kept: dict[str, set[int]] = {}
        for link in link_columns(kind):
            ids = set(session.scalars(select(link.owner_id).where(link.column == record_id)))
            if ids:
                (deleted if link.goes_with else kept).setdefault(link.kind, set()).update(ids)
    kept_counts = {owner: len(ids - deleted.get(owner, set())) for owner, ids in kept.items()}
    return Linked({owner: len(ids) for owner, ids in deleted.items()},
                  {owner: count for owner, count in kept_counts.items() if count})


def merge_records(archive: Archive, kind: str, keep_id: int, other_id: int) -> Any:
    """Fold record ``other_id`` into ``keep_id`` (same kind) as one step; returns the kept record."""
    spec = spec_of(kind)
    check_merge(archive, kind, keep_id, other_id)
    if kind in OWN_MERGES:
        return OWN_MERGES[kind](archive, keep_id, [other_id])
    with write_unit(archive) as unit:
        keep, other = (unit.get(spec.model, kind, record_id) for record_id in (keep_id, other_id))
        before_keep, before_other = spec.to_input(keep), spec.to_input(other)
        unit.enqueue_referrers(kind, other_id)  # they show the kept record's name from now on
        for column in _moved_columns(kind):
            _move(unit.session, column, other_id, keep_id)
        unit.record("merge", kind, other_id, before=before_other, after={"merged_into": keep_id}, removed=True)
        unit.session.expire_all()
        # Deleted by SQL, not by the ORM: the ORM would delete the children it loaded before they moved.
        unit.session.execute(delete(_table(kind)).where(_table(kind).c.id == other_id))
        unit.session.expire_all()
        kept = unit.get(spec.model, kind, keep_id)
        unit.record("merge", kind, keep_id, before=before_keep, after=spec.to_input(kept), note=f"merged {other_id}")
    return spec.get(archive, keep_id)


def check_merge(archive: Archive, kind: str, keep_id: int, other_id: int) -> None:
    """Raise ``ValidationError`` (or ``RecordNotFoundError``) for a merge that cannot be made; change nothing."""
    spec = spec_of(kind)
    if keep_id == other_id:
        raise ValidationError("Give two different records to merge ({kind} {id} twice).", kind=spec.label, id=keep_id)
    if kind == "source":
        raise ValidationError("Two sources cannot be merged: each quote's place is counted in its own source's text. "
                              "Delete the duplicate source instead (its quotes stay, without a source).")
    with reading(archive) as session:
        for record_id in (keep_id, other_id):
            get_or_raise(session, spec.model, kind, record_id)
        if kind == "session" and len(set(session.scalars(
                select(m.Session.event_id).where(m.Session.id.in_((keep_id, other_id)))))) > 1:
            raise ValidationError("Sessions of different events cannot be merged: their quotes would name one event "
                                  "and another event's session. Move the session to the other event first.")


def _move(session: Session, column: Column[Any], from_id: int, to_id: int) -> None:
    """Point ``column`` at ``to_id`` where it points at ``from_id``; OR IGNORE: a link the kept record
    already has is not doubled (the row stays with the record merged away, deleted with it).

    A column of a primary key (``source_event``, the tag tables) is not updated but copied into a new
    row and the old row deleted: undo writes rows back by their key, and an updated key would leave
    the new row behind. The copy gets its own sync ``uid`` (from the table's trigger).
    """
    table = column.table
    assert isinstance(table, Table)
    if not column.primary_key:
        session.execute(update(table).where(column == from_id).values({column.name: to_id}).prefix_with("OR IGNORE"))
        if _kind_of(table) is None and "id" in table.c:  # an association row both had (a presenter): kept once
            alike = [each for each in table.columns if each.name not in ("id", SYNC_UID)]
            first = select(func.min(table.c.id)).where(column == to_id).group_by(*alike)
            session.execute(delete(table).where(column == to_id, table.c.id.not_in(first)))
        return
    copied = [each for each in table.columns if each.name != SYNC_UID]
    rows = select(*(literal(to_id).label(each.name) if each is column else each for each in copied)).where(
        column == from_id)
    # include_defaults=False: the model's uid default is one value for every row copied (a clash, ignored).
    session.execute(insert(table).from_select([each.name for each in copied], rows, include_defaults=False)
                    .prefix_with("OR IGNORE"))
    session.execute(delete(table).where(column == from_id))


def _moved_columns(kind: str) -> Iterator[Column[Any]]:
    """Every column pointing at a record of ``kind``, of any table (tags and aliases move too)."""
    target = _table(kind)
    for table in Base.metadata.sorted_tables:
        for key in table.foreign_keys:
            if key.column.table is target:
                yield key.parent


def _table(kind: str) -> Table:
    table = spec_of(kind).model.__table__
    assert isinstance(table, Table)
    return table


def _kind_of(table: Any) -> str | None:
    return next((kind for kind, spec in KINDS.items() if spec.model.__table__ is table), None)
