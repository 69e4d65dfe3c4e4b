"""Use cases for organisations: create, edit, delete, find across spellings, and merge duplicates."""

from __future__ import annotations

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from archive.db import models as m
from archive.services import convert
from archive.services.free_text import copy_free_text
from archive.services.records import OrganisationInput, OrganisationRecord
from archive.services.unit import ArchiveOrUnit, clean_text, count_by, get_or_raise, reading, require_text, write_unit
from archive.text.names import organisation_key

KIND = "organisation"


def create_organisation(archive: ArchiveOrUnit, data: OrganisationInput) -> OrganisationRecord:
    """Store a new organisation."""
    with write_unit(archive) as unit:
        row = m.Organisation()
        _apply(row, data)
        unit.session.add(row)
        unit.session.flush()
        unit.record("create", KIND, row.id, after=data)
        return convert.to_organisation_record(row)


def update_organisation(archive: ArchiveOrUnit, organisation_id: int, data: OrganisationInput) -> OrganisationRecord:
    """Replace an organisation's editable fields."""
    with write_unit(archive) as unit:
        row = unit.get(m.Organisation, KIND, organisation_id)
        before = convert.to_organisation_input(row)
        _apply(row, data)
        unit.session.flush()
        unit.record("update", KIND, row.id, before=before, after=convert.to_organisation_input(row))
        return convert.to_organisation_record(row)


def delete_organisation(archive: ArchiveOrUnit, organisation_id: int) -> None:
    """Delete an organisation; links to it from people, quotes and events are cleared."""
    with write_unit(archive) as unit:
        row = unit.get(m.Organisation, KIND, organisation_id)
        before = convert.to_organisation_input(row)
        unit.enqueue_referrers(KIND, organisation_id)
        unit.session.delete(row)
        unit.record("delete", KIND, organisation_id, before=before)


def get_organisation(archive: ArchiveOrUnit, organisation_id: int) -> OrganisationRecord:
    with reading(archive) as session:
        row = get_or_raise(session, m.Organisation, KIND, organisation_id)
        people = count_by(session, m.Person.organisation_id, [row.id]).get(row.id, 0)
        quotes = count_by(session, m.Quote.organisation_id, [row.id]).get(row.id, 0)
        return convert.to_organisation_record(row, people, quotes)


def list_organisations(archive: ArchiveOrUnit) -> list[OrganisationRecord]:
    """Every organisation, by name, with how many people and quotes link to it."""
    with reading(archive) as session:
        rows = session.scalars(select(m.Organisation).order_by(m.Organisation.name)).all()
        ids = [row.id for row in rows]
        people = count_by(session, m.Person.organisation_id, ids)
        quotes = count_by(session, m.Quote.organisation_id, ids)
        return [convert.to_organisation_record(row, people.get(row.id, 0), quotes.get(row.id, 0)) for row in rows]


def find_organisations(archive: ArchiveOrUnit, name: str) -> list[OrganisationRecord]:
    """Organisations whose name or a known alias matches ``name`` across spellings."""
    key = organisation_key(name)
    if not key:
        return []
    with reading(archive) as session:
        alias_owner = select(m.OrganisationAlias.organisation_id).where(m.OrganisationAlias.alias_key == key)
        rows = session.scalars(
            select(m.Organisation).where(or_(m.Organisation.name_key == key, m.Organisation.id.in_(alias_owner)))
        ).all()
        return [convert.to_organisation_record(row) for row in rows]


def find_or_create_organisation(archive: ArchiveOrUnit, name: str, kind: str | None = None) -> OrganisationRecord:
    """The organisation called ``name`` (in any known spelling), created when there is none."""
    found = find_organisations(archive, name)
    if found:
        return found[0]
    return create_organisation(archive, OrganisationInput(name=name, kind=kind))


def merge_organisations(archive: ArchiveOrUnit, keep_id: int, merge_ids: list[int]) -> OrganisationRecord:
    """Fold duplicates into ``keep_id``: every link moves over, their names become aliases."""
    merge_ids = [merge_id for merge_id in dict.fromkeys(merge_ids) if merge_id != keep_id]
    with write_unit(archive) as unit:
        keep = unit.get(m.Organisation, KIND, keep_id)
        before = convert.to_organisation_input(keep)
        aliases = list(before.aliases)
        for merge_id in merge_ids:
            duplicate = unit.get(m.Organisation, KIND, merge_id)
            aliases += [duplicate.name, *(alias.alias for alias in duplicate.aliases)]
            unit.enqueue_referrers(KIND, merge_id)
            _move_links(unit.session, merge_id, keep_id)
            unit.session.flush()
            unit.record("merge", KIND, merge_id, before=convert.to_organisation_input(duplicate),
                        after={"merged_into": keep_id}, removed=True)
            unit.session.delete(duplicate)
        unit.session.flush()
        _set_aliases(keep, tuple(aliases))
        unit.session.flush()
        note = "merged " + ", ".join(str(merge_id) for merge_id in merge_ids)
        unit.record("merge", KIND, keep_id, before=before, after=convert.to_organisation_input(keep), note=note)
        return convert.to_organisation_record(keep)


def _move_links(session: Session, from_id: int, to_id: int) -> None:
    for column_owner, column in (
        (m.Person, m.Person.organisation_id),
        (m.Quote, m.Quote.organisation_id),
        (m.Event, m.Event.organiser_id),
        (m.Series, m.Series.organiser_id),
        (m.SessionPresenter, m.SessionPresenter.organisation_id),
    ):
        session.execute(update(column_owner).where(column == from_id).values({column.key: to_id}))
    partners = session.scalars(select(m.EventPartner).where(m.EventPartner.organisation_id == from_id)).all()
    for partner in partners:
        clash = session.scalar(
            select(m.EventPartner).where(
                m.EventPartner.event_id == partner.event_id,
                m.EventPartner.organisation_id == to_id,
                m.EventPartner.role == partner.role,
            )
        )
        if clash is None:
            partner.organisation_id = to_id
        else:
            session.delete(partner)


def _apply(row: m.Organisation, data: OrganisationInput) -> None:
    copy_free_text(row, data)
    row.name = require_text(data.name, "Name")
    row.name_key = organisation_key(row.name)
    _set_aliases(row, data.aliases)


def _set_aliases(row: m.Organisation, aliases: tuple[str, ...]) -> None:
    wanted: dict[str, str] = {}
    for typed in aliases:
        alias = clean_text(typed)
        if alias is None:
            continue
        key = organisation_key(alias)
        if key and key != row.name_key and key not in wanted:
            wanted[key] = alias
    row.aliases = [a for a in row.aliases if a.alias_key in wanted]
    present = {a.alias_key for a in row.aliases}
    row.aliases += [m.OrganisationAlias(alias=alias, alias_key=key)
                    for key, alias in wanted.items() if key not in present]
