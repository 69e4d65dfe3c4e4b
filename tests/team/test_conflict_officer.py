"""A conflict names the officer who made the team's side (the login the server logged), whether the
pull or the push found it, against a real server with two officers' logins."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from archive.db.engine import Archive, open_archive
from archive.services.organisations import create_organisation, update_organisation
from archive.services.records import OrganisationInput
from archive.team import roles
from archive.team.conflicts import open_conflicts
from archive.team.server import TeamAddress, make_engine, parse_address
from archive.team.sync import SyncProgress, sync_archive
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
    desktop: Archive
    address: TeamAddress
    server: Engine

    def sync(self, **options: object) -> None:
        sync_archive(self.desktop, self.server, self.address, **options)  # type: ignore[arg-type]


@pytest.fixture
def two(prepared: str, make_officer: MakeOfficer, tmp_path: Path) -> Iterator[tuple[Officer, Officer]]:  # noqa: F811
    made = []
    for name in ("huda", "omar"):
        address, password = parse_address(make_officer(roles.Role.EDITOR))
        made.append(Officer(open_archive(tmp_path / f"{name}.sqlite", officer=name), address,
                            make_engine(address, password)))
    yield made[0], made[1]
    for officer in made:
        officer.server.dispose()
        officer.desktop.close()


def test_a_conflict_found_by_the_pull_names_the_other_officer(two: tuple[Officer, Officer]) -> None:
    huda, omar = two
    record = create_organisation(huda.desktop, OrganisationInput(name="هيئة الإذاعة"))
    huda.sync()
    omar.sync()
    update_organisation(huda.desktop, record.id, OrganisationInput(name="هيئة الإذاعة والتلفزيون"))
    theirs = same_record(huda.desktop, "organisation", record.id, omar.desktop)
    update_organisation(omar.desktop, theirs, OrganisationInput(name="الهيئة العامة للإذاعة"))
    huda.sync()
    omar.sync()
    [conflict] = open_conflicts(omar.desktop)
    assert conflict.officer == huda.address.user


def test_a_conflict_found_by_the_push_names_the_other_officer(two: tuple[Officer, Officer]) -> None:
    huda, omar = two
    record = create_organisation(huda.desktop, OrganisationInput(name="هيئة الإذاعة"))
    huda.sync()
    omar.sync()
    theirs = same_record(huda.desktop, "organisation", record.id, omar.desktop)
    update_organisation(omar.desktop, theirs, OrganisationInput(name="الهيئة العامة للإذاعة"))
    create_organisation(huda.desktop, OrganisationInput(name="وزارة الإعلام"))  # something for omar to pull
    huda.sync()

    def huda_edits_meanwhile(step: SyncProgress) -> None:  # after omar's pull read the log, before his push
        if step.stage == "pull" and step.done == step.total:
            update_organisation(huda.desktop, record.id, OrganisationInput(name="هيئة الإذاعة والتلفزيون"))
            huda.sync()

    omar.sync(progress=huda_edits_meanwhile)
    [conflict] = open_conflicts(omar.desktop)
    assert conflict.officer == huda.address.user
