"""Accepting proposals in a real archive: one transaction per article, and the sessions it names.

The article below is our own, written for these tests. A failure is forced for real: a
correction that fails validation, or a trigger in the SQLite file that refuses one quote, so the
failure happens after the event, sessions and people of the article were already written.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from archive.errors import ValidationError
from archive.i18n import current_language, set_language
from archive.importing.service import ReviewChoices, accept_proposals, get_review, import_files, pending_reviews
from archive.services import events, quotes, sessions, sources, statistics

ARTICLE = """ملتقى الإعلام الرقمي يناقش صحافة البيانات

مسقط - الرؤية

نظمت وزارة الإعلام ملتقى الإعلام الرقمي الثاني في فندق البستان بمشاركة واسعة من الصحفيين.

وقال معالي الدكتور سالم بن ناصر الحارثي وزير الإعلام إن الملتقى يجمع الخبراء لتبادل التجارب في الإعلام الحديث.

وفي ورشة عمل بعنوان «صحافة البيانات» قال الدكتور خالد بن سعيد الراشدي إن غرف الأخبار تحتاج إلى مهارات جديدة في تحليل البيانات، وحضر الورشة أكثر من 120 صحفيا.

وفي الجلسة الحوارية أكدت الدكتورة منى بنت علي الكندية أن 60% من الجمهور يتابعون الأخبار عبر الهاتف.
"""

# A second article on the same event and workshop, by another outlet.
FOLLOW_UP = """مسقط - الوطن

اختتم ملتقى الإعلام الرقمي الثاني أعماله أمس.

وفي ورشة عمل بعنوان «صحافة البيانات» أوضح المهندس يوسف بن حمد البلوشي أن أدوات التحليل المفتوحة تكفي لأغلب غرف الأخبار.
"""


@pytest.fixture
def english():
    """Messages in English for this test (the language is process-wide state)."""
    previous = current_language()
    set_language("en")
    yield
    set_language(previous)


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _row_counts(archive) -> dict[str, int]:
    """Rows in every table of the archive file, audit trail and outbox included (read with sqlite3 itself)."""
    with sqlite3.connect(archive.path) as connection:
        tables = [name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables}


def _refuse_quotes_containing(archive, word: str) -> None:
    """A trigger in the archive file that refuses to store a quote containing ``word``."""
    with sqlite3.connect(archive.path) as connection:
        connection.execute(f"CREATE TRIGGER refuse_quote BEFORE INSERT ON quote WHEN NEW.text LIKE '%{word}%' "
                           "BEGIN SELECT RAISE(ABORT, 'this quote is refused'); END")


def test_accepting_creates_the_sessions_and_places_quotes_and_figures_in_them(archive, tmp_path: Path) -> None:
    result = import_files(archive, [_write(tmp_path, "article.txt", ARTICLE)], accept_all=True)[0]
    assert result.skipped is None and result.accepted
    event = events.get_event(archive, result.records.event_id)
    assert event.name == "ملتقى الإعلام الرقمي الثاني" and event.edition == 2
    made = sessions.list_sessions(archive, event.id)
    assert [(row.kind, row.title) for row in made] == [("workshop", "صحافة البيانات"), ("panel", "الجلسة الحوارية")]
    assert set(result.records.session_ids) == {row.id for row in made}
    workshop, panel = made
    said = {quote.speaker.name: quote for quote in quotes.list_quotes(archive)}
    assert said["سالم بن ناصر الحارثي"].session is None and said["سالم بن ناصر الحارثي"].event.id == event.id
    assert said["خالد بن سعيد الراشدي"].session.id == workshop.id
    assert said["منى بنت علي الكندية"].session.id == panel.id
    figures = {figure.figure_text: figure for figure in statistics.list_statistics(archive)}
    assert figures["أكثر من 120 صحفيا"].session.id == workshop.id
    assert figures["60% من الجمهور"].session.id == panel.id
    assert [row.quote_count for row in sessions.list_sessions(archive, event.id)] == [1, 1]
    assert get_review(archive, result.source_id).proposals["quotes"][1]["session"] == 0


def test_a_second_article_on_the_same_session_adds_to_it(archive, tmp_path: Path) -> None:
    import_files(archive, [_write(tmp_path, "a.txt", ARTICLE), _write(tmp_path, "b.txt", FOLLOW_UP)], accept_all=True)
    assert len(events.list_events(archive)) == 1
    workshop = next(row for row in sessions.list_sessions(archive) if row.kind == "workshop")
    assert workshop.quote_count == 2 and len(sessions.list_sessions(archive)) == 2


def test_rejected_sessions_are_not_created_and_their_quotes_stay_with_the_event(archive, tmp_path: Path) -> None:
    source_id = import_files(archive, [_write(tmp_path, "article.txt", ARTICLE)])[0].source_id
    records = accept_proposals(archive, source_id, ReviewChoices(sessions={1: {}}))
    assert [row.kind for row in sessions.list_sessions(archive)] == ["panel"]
    by_speaker = {quote.speaker.name: quote for quote in quotes.list_quotes(archive)}
    assert by_speaker["خالد بن سعيد الراشدي"].session is None
    assert by_speaker["منى بنت علي الكندية"].session.id == records.session_ids[0]


def test_a_failure_midway_through_accepting_leaves_nothing_behind(archive, tmp_path: Path) -> None:
    source_id = import_files(archive, [_write(tmp_path, "article.txt", ARTICLE)])[0].source_id
    before = _row_counts(archive)
    # The first two quotes are fine; the third's corrected span lies outside the article.
    broken = ReviewChoices(quotes={0: {}, 1: {}, 2: {"start": 0, "end": 10 * len(ARTICLE)}})
    with pytest.raises(ValidationError, match="outside the source text"):
        accept_proposals(archive, source_id, broken)
    assert _row_counts(archive) == before  # no event, session, person, quote, audit entry or outbox row
    assert [review.source_id for review in pending_reviews(archive)] == [source_id]
    records = accept_proposals(archive, source_id, ReviewChoices(quotes={0: {}, 1: {}, 2: {}}))
    after = _row_counts(archive)
    assert len(records.quote_ids) == 3 and after["quote"] == before["quote"] + 3
    assert after["audit_entry"] > before["audit_entry"] and after["outbox"] > before["outbox"]


def test_accepting_the_same_proposals_twice_is_refused(archive, tmp_path: Path) -> None:
    source_id = import_files(archive, [_write(tmp_path, "article.txt", ARTICLE)])[0].source_id
    accept_proposals(archive, source_id)
    before = _row_counts(archive)
    with pytest.raises(ValidationError, match="already reviewed"):
        accept_proposals(archive, source_id)
    assert _row_counts(archive) == before


def test_accept_all_is_all_or_nothing_per_file_and_the_other_files_go_on(archive, tmp_path: Path, english) -> None:
    first = _write(tmp_path, "1-good.txt", FOLLOW_UP)
    failing = _write(tmp_path, "2-refused.txt", ARTICLE)
    last = _write(tmp_path, "3-good.txt", FOLLOW_UP.replace("أمس", "مساء أمس"))
    _refuse_quotes_containing(archive, "الجمهور")  # the last quote of ARTICLE, after its event, sessions, people
    before = _row_counts(archive)
    results = import_files(archive, [first, failing, last], accept_all=True)
    assert [result.skipped is None for result in results] == [True, False, True]
    assert results[1].source_id is None
    assert results[1].skipped == "the archive refused it, so nothing of it was stored: this quote is refused"
    assert [source.file_name for source in sources.list_sources(archive)] == ["1-good.txt", "3-good.txt"]
    # Nothing of the refused article: none of its sessions, people or figures, and no audit or outbox rows.
    assert [row.kind for row in sessions.list_sessions(archive)] == ["workshop"]
    assert statistics.list_statistics(archive) == []
    assert {quote.speaker.name for quote in quotes.list_quotes(archive)} == {"يوسف بن حمد البلوشي"}
    after = _row_counts(archive)
    good_only = _row_counts_of_good_files(tmp_path, [first, last])
    assert {table: after[table] - before[table] for table in after} == good_only


def _row_counts_of_good_files(tmp_path: Path, files: list[Path]) -> dict[str, int]:
    """What importing only ``files`` with accept-all adds to a new archive, table by table."""
    from archive.db.engine import open_archive

    other = open_archive(tmp_path / "reference.muntada", create=True, officer="tester")
    try:
        before = _row_counts(other)
        import_files(other, files, accept_all=True)
        after = _row_counts(other)
        return {table: after[table] - before[table] for table in after}
    finally:
        other.close()


def test_the_sample_workshop_becomes_a_session_of_its_meeting(archive, sample_paths) -> None:
    meeting = next(path for path in sample_paths if "meta" in path.name)
    result = import_files(archive, [meeting], accept_all=True)[0]
    made = sessions.list_sessions(archive, result.records.event_id)
    assert [(row.kind, row.title) for row in made] == [("workshop", "الحضور الرقمي في منصات التواصل الاجتماعي")]
