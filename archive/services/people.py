"""Use cases for people: create, edit, delete, find across spellings, and merge duplicates."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from archive.db import models as m
from archive.services import convert
from archive.services.free_text import copy_free_text
from archive.services.records import PersonInput, PersonRecord
from archive.services.unit import (
    ArchiveOrUnit,
    check_link,
    clean_text,
    count_by,
    get_or_raise,
    reading,
    require_text,
    write_unit,
)
from archive.text.names import name_key, same_person_score, split_honorific

KIND = "person"
LIKELY_SAME_PERSON = 0.8


@dataclass(frozen=True)
class PersonMatch:
    """A person who may be the one meant by a name, with how sure the match is (0..1)."""

    person: PersonRecord
    score: float


def create_person(archive: ArchiveOrUnit, data: PersonInput) -> PersonRecord:
    """Store a new person; an honorific written into the name is moved to ``honorific``."""
    with write_unit(archive) as unit:
        row = m.Person()
        _apply(unit.session, row, data)
        unit.session.add(row)
        unit.session.flush()
        unit.record("create", KIND, row.id, after=convert.to_person_input(row))
        return convert.to_person_record(row)


def update_person(archive: ArchiveOrUnit, person_id: int, data: PersonInput) -> PersonRecord:
    """Replace a person's editable fields (quotes keep the titles printed with them)."""
    with write_unit(archive) as unit:
        row = unit.get(m.Person, KIND, person_id)
        before = convert.to_person_input(row)
        _apply(unit.session, row, data)
        unit.session.flush()
        unit.record("update", KIND, row.id, before=before, after=convert.to_person_input(row))
        return convert.to_person_record(row)


def delete_person(archive: ArchiveOrUnit, person_id: int) -> None:
    """Delete a person; their quotes and figures stay, without a speaker."""
    with write_unit(archive) as unit:
        row = unit.get(m.Person, KIND, person_id)
        before = convert.to_person_input(row)
        unit.enqueue_referrers(KIND, person_id)
        unit.session.delete(row)
        unit.record("delete", KIND, person_id, before=before)


def get_person(archive: ArchiveOrUnit, person_id: int) -> PersonRecord:
    with reading(archive) as session:
        row = get_or_raise(session, m.Person, KIND, person_id)
        quotes = count_by(session, m.Quote.speaker_id, [row.id]).get(row.id, 0)
        statistics = count_by(session, m.Statistic.speaker_id, [row.id]).get(row.id, 0)
        return convert.to_person_record(row, quotes, statistics)


def list_people(archive: ArchiveOrUnit, organisation_id: int | None = None) -> list[PersonRecord]:
    """Every person (or those of one organisation), by name, with their quote and figure counts."""
    with reading(archive) as session:
        query = select(m.Person).order_by(m.Person.name)
        if organisation_id is not None:
            query = query.where(m.Person.organisation_id == organisation_id)
        rows = session.scalars(query).all()
        ids = [row.id for row in rows]
        quotes = count_by(session, m.Quote.speaker_id, ids)
        statistics = count_by(session, m.Statistic.speaker_id, ids)
        return [convert.to_person_record(row, quotes.get(row.id, 0), statistics.get(row.id, 0)) for row in rows]


def find_people(archive: ArchiveOrUnit, name: str, minimum_score: float = 0.5) -> list[PersonMatch]:
    """People who may be meant by ``name`` as printed (any spelling, with or without honorific), best first."""
    if not name_key(name):
        return []
    with reading(archive) as session:
        rows = session.scalars(select(m.Person)).all()
        matches = []
        for row in rows:
            spellings = [row.name, *(alias.alias for alias in row.aliases)]
            score = max(same_person_score(name, spelling) for spelling in spellings)
            if score >= minimum_score:
                matches.append(PersonMatch(person=convert.to_person_record(row), score=score))
    return sorted(matches, key=lambda match: (-match.score, match.person.id))


def find_or_create_person(archive: ArchiveOrUnit, data: PersonInput) -> PersonRecord:
    """The person meant by ``data.name`` when one matches surely enough, else a new person.

    A new spelling of a known person is remembered as an alias.
    """
    matches = find_people(archive, data.name, minimum_score=LIKELY_SAME_PERSON)
    if not matches:
        return create_person(archive, data)
    person = matches[0].person
    _, bare_name = split_honorific(data.name)
    if name_key(bare_name) not in {name_key(person.name), *(name_key(alias) for alias in person.aliases)}:
        current = get_person(archive, person.id)
        person = update_person(
            archive,
            person.id,
            PersonInput(
                name=current.name,
                honorific=current.honorific,
                title=current.title or data.title,
                organisation_id=current.organisation.id if current.organisation else data.organisation_id,
                aliases=(*current.aliases, bare_name),
                notes=current.notes,
            ),
        )
    return person


def merge_people(archive: ArchiveOrUnit, keep_id: int, merge_ids: list[int]) -> PersonRecord:
    """Fold duplicate people into ``keep_id``: quotes, figures and sessions move over; names become aliases."""
    merge_ids = [merge_id for merge_id in dict.fromkeys(merge_ids) if merge_id != keep_id]
    with write_unit(archive) as unit:
        keep = unit.get(m.Person, KIND, keep_id)
        before = convert.to_person_input(keep)
        aliases = list(before.aliases)
        for merge_id in merge_ids:
            duplicate = unit.get(m.Person, KIND, merge_id)
            aliases += [duplicate.name, *(alias.alias for alias in duplicate.aliases)]
            unit.enqueue_referrers(KIND, merge_id)
            _move_links(unit.session, merge_id, keep_id)
            unit.session.flush()
            unit.record("merge", KIND, merge_id, before=convert.to_person_input(duplicate),
                        after={"merged_into": keep_id}, removed=True)
            unit.session.delete(duplicate)
        unit.session.flush()
        _set_aliases(keep, tuple(aliases))
        keep.title = keep.title or before.title
        unit.session.flush()
        note = "merged " + ", ".join(str(merge_id) for merge_id in merge_ids)
        unit.record("merge", KIND, keep_id, before=before, after=convert.to_person_input(keep), note=note)
        quotes = count_by(unit.session, m.Quote.speaker_id, [keep_id]).get(keep_id, 0)
        statistics = count_by(unit.session, m.Statistic.speaker_id, [keep_id]).get(keep_id, 0)
        return convert.to_person_record(keep, quotes, statistics)


def _move_links(session: Session, from_id: int, to_id: int) -> None:
    """Point every link at ``from_id`` to ``to_id``."""
    session.execute(update(m.Quote).where(m.Quote.speaker_id == from_id).values(speaker_id=to_id))
    session.execute(update(m.Statistic).where(m.Statistic.speaker_id == from_id).values(speaker_id=to_id))
    session.execute(update(m.Session).where(m.Session.moderator_id == from_id).values(moderator_id=to_id))
    session.execute(
        update(m.SessionPresenter).where(m.SessionPresenter.person_id == from_id).values(person_id=to_id)
    )


def _apply(session: Session, row: m.Person, data: PersonInput) -> None:
    copy_free_text(row, data)
    honorific_in_name, bare_name = split_honorific(require_text(data.name, "Name"))
    row.name = require_text(bare_name, "Name")
    row.name_key = name_key(row.name)
    row.honorific = clean_text(data.honorific) or clean_text(honorific_in_name)
    check_link(session, m.Organisation, "organisation", data.organisation_id)
    row.organisation_id = data.organisation_id
    _set_aliases(row, data.aliases)


def _set_aliases(row: m.Person, aliases: tuple[str, ...]) -> None:
    wanted: dict[str, str] = {}
    for typed in aliases:
        alias = clean_text(typed)
        if alias is None:
            continue
        key = name_key(alias)
        if key and key != row.name_key and key not in wanted:
            wanted[key] = alias
    row.aliases = [a for a in row.aliases if a.alias_key in wanted]
    present = {a.alias_key for a in row.aliases}
    row.aliases += [m.PersonAlias(alias=alias, alias_key=key) for key, alias in wanted.items() if key not in present]
