"""Migration 0009: every stored name key recomputed with the current fold, nothing merged (issue 10).

A real SQLite archive made at 0008 holds names typed on Persian and Urdu keyboards (ھ ہ ڪ ی) with the keys
the older fold gave them; opening it with this Muntada upgrades it: the keys meet their Arabic spellings,
every record stays, and the records whose names now read alike are named for the officer.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

from archive.db import migrations
from archive.db import models as m
from archive.db.engine import open_archive
from archive.i18n import set_language
from archive.services import organisations, people
from archive.services.name_keys import shared_key_notes
from archive.text.names import name_key, organisation_key


def _archive_at_0008(path: Path) -> dict[str, int]:
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as connection:
            migrations.upgrade(connection, "0008")
        with Session(engine) as session, session.begin():
            # keys as the fold before this revision wrote them: ھ ہ ۃ ڪ and the word joiner kept
            arabic = m.Person(name="هشام الكندي", name_key="هشام كندي")
            persian = m.Person(name="ھشام الڪندی", name_key="ھشام ڪندي")
            minister = m.Person(name="خالد الفاضل", name_key="خالد فاضل",
                                aliases=[m.PersonAlias(alias="خالد الفا\u2060ضل", alias_key="خالد فا\u2060ضل")])
            company = m.Organisation(name="شرڪة النفط الوطنیة", name_key="شرڪه نفط وطنيه")
            series = m.Series(name="ملتقى الطاقة", name_key="ملتقي طاقه")
            tags = [m.Tag(name="#ھيئة_الطاقة", name_key="ھيئه_الطاقه"), m.Tag(name="#هيئة_الطاقة",
                                                                             name_key="هيئه_الطاقه")]
            session.add_all([arabic, persian, minister, company, series, *tags])
            session.flush()
            return {"arabic": arabic.id, "persian": persian.id, "minister": minister.id, "company": company.id,
                    "persian_tag": tags[0].id, "arabic_tag": tags[1].id}
    finally:
        engine.dispose()


def test_opening_an_0008_archive_recomputes_every_key_and_merges_nothing(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite"
    ids = _archive_at_0008(path)
    archive = open_archive(path)
    try:
        assert archive.schema_version() == migrations.HEAD_REVISION
        with archive.session() as session:
            assert session.scalar(select(func.count()).select_from(m.Person)) == 3
            assert session.scalar(select(func.count()).select_from(m.Tag)) == 2
            persian = session.get(m.Person, ids["persian"])
            assert persian is not None and persian.name == "ھشام الڪندی"  # as typed
            assert persian.name_key == name_key("هشام الكندي") == "هشام كندي"
            minister = session.get(m.Person, ids["minister"])
            assert minister is not None and minister.aliases[0].alias_key == "خالد فاضل"
            company = session.get(m.Organisation, ids["company"])
            assert company is not None and company.name_key == organisation_key("شركة النفط الوطنية")
            # a unique key taken by the other tag: this one keeps its old key, and stays
            assert session.get(m.Tag, ids["persian_tag"]).name_key == "ھيئه_الطاقه"
            assert session.get(m.Tag, ids["arabic_tag"]).name_key == "هيئه_الطاقه"
        assert [found.id for found in organisations.find_organisations(archive, "شركة النفط الوطنية")] \
            == [ids["company"]]
        assert {match.person.id for match in people.find_people(archive, "هشام الكندي")} \
            == {ids["arabic"], ids["persian"]}
        set_language("en")
        with archive.engine.connect() as connection:
            notes = shared_key_notes(connection)
        assert len(notes) == 2
        assert f"{ids['arabic']} «هشام الكندي»" in notes[0] and f"{ids['persian']} «ھشام الڪندی»" in notes[0]
        tags = f"{ids['persian_tag']} «#ھيئة_الطاقة», {ids['arabic_tag']} «#هيئة_الطاقة»"
        assert notes[1] == f"Tags {tags} are spelled alike: a label typed so goes to «#هيئة_الطاقة»."
    finally:
        archive.close()


def test_an_archive_whose_names_all_differ_has_no_note(tmp_path: Path) -> None:
    archive = open_archive(tmp_path / "archive.sqlite")
    try:
        people.create_person(archive, people.PersonInput(name="هشام الكندي"))
        people.create_person(archive, people.PersonInput(name="سالم الكندي"))
        with archive.engine.connect() as connection:
            assert shared_key_notes(connection) == []
    finally:
        archive.close()


def test_the_recomputed_keys_queue_nothing_for_the_team_server(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite"
    _archive_at_0008(path)
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM sync_outbox")  # as after a push: nothing waits
    engine.dispose()
    archive = open_archive(path)
    try:
        with archive.engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT count(*) FROM sync_outbox").scalar() == 0
            assert connection.exec_driver_sql("SELECT name_key FROM person WHERE name = 'ھشام الڪندی'").scalar() \
                == "هشام كندي"
    finally:
        archive.close()


def test_a_key_freed_by_another_row_is_taken_in_a_second_pass(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        migrations.upgrade(connection, "0008")
        # the first tag's new key is the key the second still holds, which it gives up for its own
        connection.exec_driver_sql("INSERT INTO tag (name, name_key) VALUES ('#ھيئة', 'ھيئه'), ('#وزارة', 'هيئه')")
    engine.dispose()
    archive = open_archive(path)
    try:
        with archive.engine.connect() as connection:
            keys = connection.exec_driver_sql("SELECT name, name_key FROM tag ORDER BY id").all()
            assert [tuple(row) for row in keys] == [("#ھيئة", "هيئه"), ("#وزارة", "وزاره")]
            assert shared_key_notes(connection) == []
    finally:
        archive.close()
