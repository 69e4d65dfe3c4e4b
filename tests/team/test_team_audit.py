"""The audit trail across desktops (issue 14): a change pulled from the team server is in the receiving
desktop's history, named by the officer (the server's login) who made it; it is not on that desktop's
undo stack and is never pushed back; a conflict resolved here names who resolved it and which side
was kept. Two officers' logins, two desktops, one real PostgreSQL server."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from archive.db import models as m
from archive.db.engine import Archive, open_archive
from archive.i18n import current_language, set_language
from archive.services import audit, people
from archive.services.organisations import create_organisation, update_organisation
from archive.services.records import OrganisationInput, PersonInput
from archive.services.undo import NothingToUndoError, UndoRefusedError, undo
from archive.team import roles
from archive.team.conflicts import open_conflicts, resolve_conflict
from archive.team.server import TeamAddress, make_engine, parse_address
from archive.team.sync import SyncResult, sync_archive
from tests.team.sync_helpers import same_record
from tests.team.test_roles import (  # noqa: F401 (fixtures)
    MakeOfficer,
    Muntada,
    admin,
    make_officer,
    muntada,
    prepared,
)


@dataclass
class Officer:
    """An officer's desktop and their own login on the team server."""

    desktop: Archive
    address: TeamAddress
    engine: Engine

    @property
    def login(self) -> str:
        return self.address.user

    def sync(self) -> SyncResult:
        return sync_archive(self.desktop, self.engine, self.address)


@pytest.fixture(autouse=True)
def in_english() -> Iterator[None]:
    """The notes are read in the current language: English here, whatever a test before left."""
    before = current_language()
    set_language("en")
    yield
    set_language(before)


@pytest.fixture
def officers(prepared: str, make_officer: MakeOfficer, tmp_path: Path) -> Iterator[tuple[Officer, Officer]]:  # noqa: F811
    made = []
    for name in ("amina", "omar"):
        address, password = parse_address(make_officer(roles.Role.EDITOR))
        made.append(Officer(open_archive(tmp_path / f"{name}.sqlite", officer=f"{name} (desktop)"), address,
                            make_engine(address, password)))
    try:
        yield made[0], made[1]
    finally:
        for officer in made:
            officer.engine.dispose()
            officer.desktop.close()


def log_size(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(m.SyncChange)).scalar_one())


def test_a_pulled_change_is_in_the_receiving_desktops_history_named_by_its_officer(
        officers: tuple[Officer, Officer]) -> None:
    a, b = officers
    centre = create_organisation(a.desktop, OrganisationInput(name="مركز التواصل الحكومي", aliases=("المركز",)))
    a.sync()
    assert b.sync().pulled >= 2  # b's first pull: the team archive itself
    on_b = same_record(a.desktop, "organisation", centre.id, b.desktop)
    received = audit.record_history(b.desktop, "organisation", on_b)
    assert [(entry.action, entry.officer) for entry in received] == [("received", a.login)]

    update_organisation(a.desktop, centre.id, OrganisationInput(name="المركز الوطني للتواصل", aliases=("المركز",),
                                                                notes="اسمه الجديد منذ 2026"))
    speaker = people.create_person(a.desktop, PersonInput(name="سالم الهاشمي", organisation_id=centre.id))
    a.sync()
    logged = log_size(a.engine)
    pulled = b.sync()
    assert pulled.pulled >= 2 and pulled.pushed == 0

    entries = audit.record_history(b.desktop, "organisation", on_b)
    assert [(entry.action, entry.officer) for entry in entries] == [("received", a.login), ("update", a.login)]
    change = entries[-1]
    assert change.note == "by sync, from the team archive"
    assert change.before is not None and change.after is not None
    assert (change.before["name"], change.after["name"]) == ("مركز التواصل الحكومي", "المركز الوطني للتواصل")
    assert change.after["notes"] == "اسمه الجديد منذ 2026" and change.after["aliases"] == ["المركز"]
    person_on_b = same_record(a.desktop, "person", speaker.id, b.desktop)
    made = audit.record_history(b.desktop, "person", person_on_b)
    assert [(entry.action, entry.officer) for entry in made] == [("create", a.login)]
    assert made[0].before is None and made[0].after is not None
    assert (made[0].after["name"], made[0].after["organisation_id"]) == ("سالم الهاشمي", on_b)

    # No echo: what the pull wrote here (rows and audit entries) is not sent back.
    assert b.sync().pushed == 0 and log_size(a.engine) == logged
    assert a.sync().pulled == 0


def test_undo_on_the_receiving_desktop_takes_back_only_its_own_steps(officers: tuple[Officer, Officer]) -> None:
    a, b = officers
    centre = create_organisation(a.desktop, OrganisationInput(name="مركز التواصل الحكومي"))
    a.sync()
    b.sync()
    update_organisation(a.desktop, centre.id, OrganisationInput(name="المركز الوطني للتواصل"))
    a.sync()
    b.sync()
    on_b = same_record(a.desktop, "organisation", centre.id, b.desktop)
    with pytest.raises(NothingToUndoError):  # amina's change is not omar's step
        undo(b.desktop)

    ministry = create_organisation(b.desktop, OrganisationInput(name="وزارة الإعلام"))
    update_organisation(a.desktop, centre.id, OrganisationInput(name="مركز الاتصال الحكومي"))
    a.sync()
    b.sync()
    undone = undo(b.desktop)  # omar's own step, made before amina's change was pulled
    assert undone.step.record_id == ministry.id
    with b.desktop.engine.connect() as connection:
        names = set(connection.execute(select(m.Organisation.name)).scalars())
    assert names == {"مركز الاتصال الحكومي"}
    history = audit.record_history(b.desktop, "organisation", on_b)
    assert [(entry.action, entry.officer) for entry in history] == [
        ("received", a.login), ("update", a.login), ("update", a.login)]
    # The undo is omar's change, sent at the next sync like any other: the ministry goes on a's desktop too.
    assert b.sync().pushed == 1
    a.sync()
    with a.desktop.engine.connect() as connection:
        assert set(connection.execute(select(m.Organisation.name)).scalars()) == {"مركز الاتصال الحكومي"}


def test_a_resolved_conflict_names_who_resolved_it_and_the_side_kept(officers: tuple[Officer, Officer]) -> None:
    a, b = officers
    centre = create_organisation(a.desktop, OrganisationInput(name="مركز التواصل الحكومي"))
    ministry = create_organisation(a.desktop, OrganisationInput(name="وزارة الإعلام"))
    forum = create_organisation(a.desktop, OrganisationInput(name="منتدى الإعلام العربي"))
    a.sync()
    b.sync()
    ids_on_b = [same_record(a.desktop, "organisation", record.id, b.desktop) for record in (centre, ministry, forum)]
    for record in (centre, ministry, forum):
        update_organisation(a.desktop, record.id, OrganisationInput(name=record.name + " (أ)", notes="أمينة"))
    for record_id, name in zip(ids_on_b, ("مركز التواصل الحكومي", "وزارة الإعلام", "منتدى الإعلام العربي"),
                               strict=True):
        update_organisation(b.desktop, record_id, OrganisationInput(name=name + " (ب)", notes="عمر"))
    a.sync()
    assert b.sync().conflicts == 3
    by_local_id = {conflict.local_id: conflict.id for conflict in open_conflicts(b.desktop)}

    resolve_conflict(b.desktop, by_local_id[ids_on_b[0]], "theirs")
    resolve_conflict(b.desktop, by_local_id[ids_on_b[1]], "mine")
    unnamed = open_archive(b.desktop.path, create=False)  # the command line names no officer: omar's login then
    try:
        resolve_conflict(unnamed, by_local_id[ids_on_b[2]], {"name": "theirs", "notes": "mine"})
    finally:
        unnamed.close()

    resolved = [audit.record_history(b.desktop, "organisation", record_id)[-1] for record_id in ids_on_b]
    assert [(entry.action, entry.officer) for entry in resolved] == [
        ("resolved", "omar (desktop)"), ("resolved", "omar (desktop)"), ("resolved", b.login)]
    assert [entry.note for entry in resolved] == [
        "the conflict was resolved by keeping the team's version",
        "the conflict was resolved by keeping this desktop's version",
        "the conflict was resolved field by field"]
    theirs, mine, fields = resolved
    assert theirs.before is not None and theirs.after is not None
    assert (theirs.before["name"], theirs.after["name"]) == ("مركز التواصل الحكومي (ب)", "مركز التواصل الحكومي (أ)")
    assert mine.before == mine.after and mine.after is not None and mine.after["name"] == "وزارة الإعلام (ب)"
    assert fields.after is not None and (fields.after["name"], fields.after["notes"]) == ("منتدى الإعلام العربي (أ)",
                                                                                          "عمر")
    # The sides kept here reach the server with omar's login; a's desktop names him when it pulls them.
    b.sync()
    a.sync()
    on_a = audit.record_history(a.desktop, "organisation", forum.id)[-1]
    assert (on_a.action, on_a.officer, on_a.after and on_a.after["notes"]) == ("update", b.login, "عمر")


def test_muntada_history_on_the_receiving_desktop_names_the_other_officer(
        officers: tuple[Officer, Officer], muntada: Muntada) -> None:  # noqa: F811
    a, b = officers
    centre = create_organisation(a.desktop, OrganisationInput(name="مركز التواصل الحكومي"))
    a.sync()
    b.sync()
    update_organisation(a.desktop, centre.id, OrganisationInput(name="المركز الوطني للتواصل"))
    a.sync()
    b.sync()
    on_b = same_record(a.desktop, "organisation", centre.id, b.desktop)
    done = muntada("--archive", str(b.desktop.path), "history", "organisation", str(on_b))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 2
    assert "Received from the team" in lines[0] and a.login in lines[0]
    assert "Changed" in lines[1] and a.login in lines[1] and "by sync, from the team archive" in lines[1]


def test_undo_is_refused_when_a_pulled_change_touched_the_record_since(officers: tuple[Officer, Officer]) -> None:
    a, b = officers
    centre = create_organisation(a.desktop, OrganisationInput(name="مركز التواصل الحكومي"))
    a.sync()
    b.sync()
    on_b = same_record(a.desktop, "organisation", centre.id, b.desktop)
    update_organisation(b.desktop, on_b, OrganisationInput(name="مركز التواصل", notes="عمر"))
    b.sync()
    a.sync()
    update_organisation(a.desktop, centre.id, OrganisationInput(name="المركز الوطني للتواصل", notes="عمر"))
    a.sync()
    b.sync()
    with pytest.raises(UndoRefusedError) as refused:  # it would silently take back amina's change too
        undo(b.desktop)
    assert f"{on_b} was changed since" in refused.value.user_message("en")
    with b.desktop.engine.connect() as connection:
        assert connection.execute(select(m.Organisation.name)).scalar_one() == "المركز الوطني للتواصل"
