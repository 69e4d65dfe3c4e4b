"""Migration 0010: stored name keys recomputed once church titles became honorifics (issue 10).

A real SQLite archive made at 0009 holds a person stored with a church title in his name and the key the
older honorifics gave him; opening it with this Muntada upgrades it: his key leaves the title out, as a
king's does, every record stays, and the records whose names now read alike are named for the officer.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

from archive.db import migrations
from archive.db import models as m
from archive.db.engine import open_archive
from archive.i18n import set_language
from archive.services import people
from archive.services.name_keys import shared_key_notes
from archive.text.names import name_key


def _archive_at_0009(path: Path) -> dict[str, int]:
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as connection:
            migrations.upgrade(connection, "0009")
        with Session(engine) as session, session.begin():
            # keys as the honorifics before this revision gave them: the church title kept in the key
            titled = m.Person(name="البابا أنطونيوس", name_key="بابا انطونيوس",
                              aliases=[m.PersonAlias(alias="قداسة البابا أنطونيوس", alias_key="قداسه بابا انطونيوس")])
            bare = m.Person(name="أنطونيوس", name_key="انطونيوس")
            bishop = m.Person(name="الأنبا مرقس", name_key="انبا مرقس")
            session.add_all([titled, bare, bishop])
            session.flush()
            ids = {"titled": titled.id, "bare": bare.id, "bishop": bishop.id}
        with engine.begin() as connection:
            connection.exec_driver_sql("DELETE FROM sync_outbox")  # as after a push: nothing waits
        return ids
    finally:
        engine.dispose()


def test_opening_an_0009_archive_leaves_church_titles_out_of_the_keys(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite"
    ids = _archive_at_0009(path)
    archive = open_archive(path)
    try:
        assert archive.schema_version() == migrations.HEAD_REVISION == "0010"
        with archive.session() as session:
            assert session.scalar(select(func.count()).select_from(m.Person)) == 3
            titled = session.get(m.Person, ids["titled"])
            assert titled is not None and titled.name == "البابا أنطونيوس"  # as typed
            assert titled.name_key == name_key("أنطونيوس") == "انطونيوس"
            assert titled.aliases[0].alias_key == "انطونيوس"
            bishop = session.get(m.Person, ids["bishop"])
            assert bishop is not None and bishop.name_key == "مرقس"
        assert {match.person.id for match in people.find_people(archive, "أنطونيوس")} == {ids["titled"], ids["bare"]}
        set_language("en")
        with archive.engine.connect() as connection:
            notes = shared_key_notes(connection)
            assert connection.exec_driver_sql("SELECT count(*) FROM sync_outbox").scalar() == 0
        assert len(notes) == 1
        assert f"{ids['titled']} «البابا أنطونيوس»" in notes[0] and f"{ids['bare']} «أنطونيوس»" in notes[0]
    finally:
        archive.close()
