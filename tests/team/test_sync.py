"""Sync between desktops through a real PostgreSQL team server: first push, pull into an empty
desktop, offline work on both sides, search of each other's quotes (issue 14)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, text

from archive.db.engine import Archive, open_archive
from archive.services import outbox, people, quotes
from archive.services.maintenance import archive_generation
from archive.services.records import PersonInput, QuoteInput
from archive.services.steps import recent_steps
from archive.services.undo import undo
from archive.team.errors import TeamSchemaError
from archive.team.pull import SyncApplyError
from archive.team.push import push_archive
from archive.team.server import make_engine, parse_address
from archive.team.sync import SyncProgress, sync_status
from tests.team.sync_helpers import Team, new_desktop, prepared_template, same_record, shared_rows, team_fixture  # noqa: F401 (fixtures)


@pytest.fixture
def first(sample_archive: Path, team: Team) -> Iterator[Archive]:
    """The first officer's desktop: the sample archive, pushed as the team's."""
    archive = open_archive(sample_archive, create=False, officer="amina")
    push_archive(archive, team.engine, team.address)
    yield archive
    archive.close()


@pytest.fixture
def second(tmp_path: Path) -> Iterator[Archive]:
    archive = new_desktop(tmp_path, "second", officer="omar")
    yield archive
    archive.close()


def test_after_team_push_the_first_desktop_has_nothing_to_push(first: Archive, team: Team) -> None:
    assert sync_status(first).pending_changes == 0
    result = team.sync(first)
    assert (result.pulled, result.pushed, result.conflicts) == (0, 0, 0)


def test_an_empty_desktop_pulls_the_whole_team_archive(first: Archive, second: Archive, team: Team) -> None:
    generation = archive_generation(second)
    result = team.sync(second)
    # Its contents replaced wholesale: the index rebuilds from the archive (a new generation), no outbox replay.
    assert archive_generation(second) != generation and outbox.pending_count(second) == 0
    assert result.conflicts == 0 and result.pushed == 0
    assert shared_rows(second.engine) == shared_rows(team.engine) == shared_rows(first.engine)
    assert result.pulled == sum(len(rows) for rows in shared_rows(team.engine).values())
    assert sync_status(second).pending_changes == 0 and sync_status(second).last_sync_at is not None
    again = team.sync(second)
    assert (again.pulled, again.pushed, again.conflicts) == (0, 0, 0)


def test_offline_work_on_both_desktops_meets_on_both(first: Archive, second: Archive, team: Team) -> None:
    team.sync(second)
    speaker = people.create_person(first, PersonInput(name="سالم الهاشمي"))
    quotes.create_quote(first, QuoteInput(text="نعمل على تطوير منظومة الاتصال الحكومي", speaker_id=speaker.id))
    other = people.create_person(second, PersonInput(name="ليلى المعمري"))
    quotes.create_quote(second, QuoteInput(text="الشفافية أساس الثقة بين المؤسسات والجمهور", speaker_id=other.id))
    assert sync_status(first).pending_changes == 2

    assert team.sync(first).pushed == 2
    result = team.sync(second)
    assert (result.pulled, result.pushed, result.conflicts) == (2, 2, 0)
    assert team.sync(first).pulled == 2
    assert shared_rows(first.engine) == shared_rows(second.engine) == shared_rows(team.engine)
    assert sync_status(first).pending_changes == sync_status(second).pending_changes == 0


def test_a_server_with_a_newer_schema_is_refused_and_nothing_is_exchanged(
        first: Archive, second: Archive, team: Team) -> None:
    people.create_person(first, PersonInput(name="سالم الهاشمي"))
    with team.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(TeamSchemaError, match="newer version of Muntada"):
        team.sync(first)
    with pytest.raises(TeamSchemaError):
        team.sync(second)
    assert sync_status(first).pending_changes == 1 and sync_status(second).last_sync_at is None
    assert shared_rows(second.engine)["person"] == {}


def test_pulled_changes_are_queued_for_the_index_and_are_no_undo_steps(
        first: Archive, second: Archive, team: Team) -> None:
    team.sync(second)
    steps_before = recent_steps(second)
    outbox.acknowledge(second, [item.id for item in outbox.pending(second, limit=100_000)])
    made = quotes.create_quote(first, QuoteInput(text="نعمل على تطوير منظومة الاتصال الحكومي"))
    team.sync(first)
    result = team.sync(second)
    here = same_record(first, "quote", made.id, second)
    assert result.changes.created == {"quote": frozenset({here})}
    assert [(item.record_kind, item.record_id, item.op) for item in outbox.pending(second)] == [
        ("quote", here, "upsert")]
    assert recent_steps(second) == steps_before  # another officer's work is not this desktop's undo step


def test_an_officers_own_archive_joins_the_team_and_the_same_tag_stays_one_tag(
        first: Archive, team: Team, tmp_path: Path) -> None:
    quotes.create_quote(first, QuoteInput(text="نمو الاقتصاد غير النفطي", tags=("اقتصاد",)))
    team.sync(first)
    own = new_desktop(tmp_path, "own", officer="omar")  # typed offline before the team existed
    quotes.create_quote(own, QuoteInput(text="الاستثمار في الاقتصاد الرقمي", tags=("اقتصاد",)))
    people.create_person(own, PersonInput(name="ليلى المعمري"))
    result = team.sync(own)
    assert result.conflicts == 0 and result.pushed >= 3
    team.sync(first)
    assert shared_rows(own.engine) == shared_rows(team.engine) == shared_rows(first.engine)
    tagged = [quote for quote in quotes.list_quotes(first) if "اقتصاد" in quote.tags]
    assert len(tagged) == 2 and len({row["name_key"] for row in shared_rows(first.engine)["tag"].values()}) == len(
        shared_rows(first.engine)["tag"])
    own.close()


def test_undoing_a_change_already_pushed_is_a_new_change_pushed_at_the_next_sync(
        first: Archive, second: Archive, team: Team) -> None:
    team.sync(second)
    made = quotes.create_quote(first, QuoteInput(text="نعمل على تطوير منظومة الاتصال الحكومي"))
    team.sync(first)
    team.sync(second)
    here = same_record(first, "quote", made.id, second)
    undo(first)  # the officer takes it back after it reached the team
    assert team.sync(first).pushed == 1
    team.sync(second)
    assert here not in {quote.id for quote in quotes.list_quotes(second)}
    assert shared_rows(first.engine) == shared_rows(second.engine) == shared_rows(team.engine)


def test_a_cancelled_sync_applies_nothing_and_the_next_one_completes(first: Archive, second: Archive,
                                                                      team: Team) -> None:
    seen: list[SyncProgress] = []
    result = team.sync_with(second, progress=seen.append, cancelled=lambda: bool(seen))
    assert result.cancelled and (result.pulled, result.pushed) == (0, 0)
    assert seen[0].stage == "pull" and seen[0].total > 0
    assert sync_status(second).last_sync_at is None and shared_rows(second.engine)["quote"] == {}
    assert not team.sync(second).cancelled
    assert shared_rows(second.engine) == shared_rows(team.engine)


def test_a_pull_holds_the_write_lock_before_it_reads_what_is_pending(
        first: Archive, second: Archive, team: Team) -> None:
    """Else an edit committed between that read and the pull's first write would be dropped as the pull's own."""
    statements: list[str] = []

    def log(_connection, _cursor, statement, *_rest) -> None:  # type: ignore[no-untyped-def]
        statements.append(" ".join(statement.split()).upper())

    event.listen(second.engine, "before_cursor_execute", log)
    try:
        team.sync(second)
    finally:
        event.remove(second.engine, "before_cursor_execute", log)
    first_pending_read = next(index for index, statement in enumerate(statements) if "FROM SYNC_OUTBOX" in statement)
    assert "BEGIN IMMEDIATE" in statements[:first_pending_read]


def test_a_desktop_moved_to_another_team_archive_joins_it_afresh(
        first: Archive, second: Archive, team: Team, tmp_path: Path, postgres_server, prepared_template: str,  # noqa: F811
) -> None:  # type: ignore[no-untyped-def]
    team.sync(second)  # second follows the first team archive, far along its log
    for number in range(3):
        quotes.create_quote(second, QuoteInput(text=f"قال المتحدث {number}"))
    team.sync(second)
    other_name = f"muntada_test_{tmp_path.name[-12:]}_other".replace("-", "_")
    admin = postgres_server.admin_engine()
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{other_name}" TEMPLATE "{prepared_template}"')
    address = parse_address(postgres_server.url(other_name))[0]
    other = Team(address, make_engine(address, None))
    try:
        starter = new_desktop(tmp_path, "starter")
        quotes.create_quote(starter, QuoteInput(text="فريق آخر ومنتدى آخر"))
        push_archive(starter, other.engine, other.address)
        starter.close()
        result = other.sync(second)  # the same laptop, now given the other team's address
        assert result.pulled == 1 and result.conflicts == 0
        assert shared_rows(second.engine) == shared_rows(other.engine)
    finally:
        other.engine.dispose()
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{other_name}" WITH (FORCE)')
        admin.dispose()


def test_a_pulled_change_that_would_make_two_records_one_is_one_clear_error_and_pulls_nothing(
        first: Archive, second: Archive, team: Team) -> None:
    quotes.create_quote(first, QuoteInput(text="نمو الاقتصاد غير النفطي", tags=("اقتصاد",)))
    team.sync(first)
    team.sync(second)
    quotes.create_quote(second, QuoteInput(text="السياحة تنمو", tags=("سياحة",)))  # a new tag here, not sent yet
    with first.engine.begin() as connection:  # elsewhere, the first tag is renamed to the same name
        connection.execute(text("UPDATE tag SET name = 'سياحة', name_key = 'سياحه' WHERE name = 'اقتصاد'"))
    with second.engine.connect() as connection:
        assert connection.execute(text("SELECT name_key FROM tag WHERE name = 'سياحة'")).scalar() == "سياحه"
    team.sync(first)
    before = shared_rows(second.engine)
    with pytest.raises(SyncApplyError) as refused:
        team.sync(second)
    assert "\n" not in refused.value.user_message("en") and "tag" in refused.value.user_message("en")
    assert shared_rows(second.engine) == before
