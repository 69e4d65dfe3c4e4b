"""Import safety on big inputs: time linear in size, the speaker index agreeing with a plain scan.

The long articles are our own annotated paragraphs (``bench/annotations``), numbered so that no
two paragraphs are the same text.
"""

from __future__ import annotations

import random
import time

from archive.importing.extraction import extract
from archive.importing.spans import SpanSet
from archive.importing.speakers import KnownPerson, PeopleBook


def long_article(own_articles: list[tuple[str, str, dict]], size: int) -> str:
    """About ``size`` characters of our own paragraphs, each numbered."""
    paragraphs = [part.strip() for _, text, _ in own_articles for part in text.split("\n\n") if part.strip()]
    parts: list[str] = []
    total = 0
    while total < size:
        part = f"{paragraphs[len(parts) % len(paragraphs)]} (الفقرة {len(parts) + 1})"
        parts.append(part)
        total += len(part) + 2
    return "\n\n".join(parts)


def test_a_long_article_is_extracted_in_time_linear_in_its_size(own_articles) -> None:
    # 100,000 characters took 14 s when every token scanned every mention against every quote.
    text = long_article(own_articles, 100_000)
    began = time.perf_counter()
    proposals = extract(text)
    elapsed = time.perf_counter() - began
    assert len(proposals.quotes) > 100
    assert elapsed < 3.0, f"extracting 100,000 characters took {elapsed:.1f} s"


def test_the_long_article_gives_each_article_its_own_proposals_again(own_articles) -> None:
    # Two copies of the same articles: the second copy's quotes are the first's, shifted.
    single = "\n\n".join(text for _, text, _ in own_articles)
    doubled = single + "\n\n" + single
    once, twice = extract(single), extract(doubled)
    shift = len(single) + 2
    assert [(q.text, q.speaker) for q in twice.quotes[len(once.quotes):]] == [(q.text, q.speaker) for q in once.quotes]
    assert [q.start + shift for q in once.quotes] == [q.start for q in twice.quotes[len(once.quotes):]]


def _scan_latest(people: list[KnownPerson], before: int, outside: list[tuple[int, int]]) -> KnownPerson | None:
    """The plain scan the book's index replaces: every mention of every person, in order."""
    best: tuple[int, KnownPerson] | None = None
    for person in people:
        for start, _ in person.mentions:
            if start < before and not any(s <= start < e for s, e in outside) and (best is None or start > best[0]):
                best = (start, person)
    return best[1] if best else None


def test_latest_mentioned_agrees_with_a_plain_scan() -> None:
    rng = random.Random(5)
    for _ in range(200):
        book = PeopleBook()
        people = [KnownPerson(f"person {n}", None, None, None) for n in range(rng.randint(1, 6))]
        for person in people:
            book._order[id(person)] = len(book.people)
            book.people.append(person)
        spans: list[tuple[int, int]] = []
        span_set = SpanSet()
        for _ in range(rng.randint(0, 30)):
            if rng.random() < 0.3:
                start = rng.randint(0, 200)
                spans.append((start, start + rng.randint(0, 30)))
                span_set.add(*spans[-1])
            else:
                start = rng.randint(0, 200)  # mentions come in any order, several at one place
                book.note_mention(rng.choice(people), start, start + 5)
        for before in range(0, 240, 7):
            assert book.latest_mentioned(before, span_set) is _scan_latest(book.people, before, spans)


# --- two processes on one archive (item 16) ---------------------------------------------------

CONCURRENT_ARTICLE = (
    "مسقط - الرؤية\n\nنظمت هيئة البيئة ملتقى المناخ الأول في مسقط.\n\n"
    "وقال المهندس هلال بن سالم المعمري إن الملتقى يبحث حلولا عملية لخفض الانبعاثات.\n"
)


def test_a_source_stored_by_another_process_at_the_same_moment_is_a_duplicate(tmp_path) -> None:
    from sqlalchemy import event

    from archive.db.engine import open_archive
    from archive.importing.service import import_files
    from archive.services import sources

    article = tmp_path / "climate.txt"
    article.write_text(CONCURRENT_ARTICLE, encoding="utf-8")
    ours = open_archive(tmp_path / "a.sqlite", create=True)
    theirs = open_archive(tmp_path / "a.sqlite")  # another connection, as another process has
    stored_by_them: list[int] = []

    @event.listens_for(ours.engine, "before_cursor_execute")
    def _the_other_process_gets_there_first(_conn, _cursor, statement, *_args) -> None:
        # Between our "is it there already?" and our INSERT, the other process stores the same text.
        if statement.startswith("INSERT INTO source ") and not stored_by_them:
            stored_by_them.append(import_files(theirs, [article])[0].source_id)

    try:
        [result] = import_files(ours, [article])
        assert stored_by_them and stored_by_them[0] is not None
        assert result.duplicate and result.concurrent and result.skipped is None
        assert result.source_id == stored_by_them[0]
        assert len(sources.list_sources(ours)) == 1
    finally:
        ours.close()
        theirs.close()


def test_an_archive_busy_with_another_writer_is_a_per_file_message(tmp_path, monkeypatch) -> None:
    import sqlite3

    from archive.db.engine import open_archive
    from archive.i18n import current_language, set_language
    from archive.importing import service
    from archive.importing.service import import_files

    monkeypatch.setattr(service, "BUSY_ATTEMPTS", 1)  # one wait of the engine's busy timeout, not two

    article = tmp_path / "climate.txt"
    article.write_text(CONCURRENT_ARTICLE, encoding="utf-8")
    archive = open_archive(tmp_path / "a.sqlite", create=True)
    writer = sqlite3.connect(tmp_path / "a.sqlite", isolation_level=None)
    previous = current_language()
    set_language("en")
    try:
        writer.execute("BEGIN IMMEDIATE")  # another process in the middle of a long import
        [result] = import_files(archive, [article])
        assert result.source_id is None
        assert result.skipped == ("the archive was busy (another program was writing to it), "
                                  "so nothing of it was stored; import it again.")
        writer.execute("ROLLBACK")
        [again] = import_files(archive, [article])  # the other process is done: import it again
        assert again.source_id is not None and not again.skipped
    finally:
        set_language(previous)
        writer.close()
        archive.close()


def test_a_long_page_of_nested_blocks_is_read_in_time_linear_in_its_size(own_articles) -> None:
    from archive.importing.html_text import article_text

    paragraphs = long_article(own_articles, 250_000).split("\n\n")
    page = ("<html><body>" + "".join(f"<div><p>{p}</p>" for p in paragraphs[:250])
            + "".join(f"<p>{p}</p>" for p in paragraphs[250:]) + "</div>" * 250 + "</body></html>")
    began = time.perf_counter()
    text = article_text(page, "nested.html")
    elapsed = time.perf_counter() - began
    assert text.split("\n\n") == paragraphs[249:]  # the innermost block holds the most paragraph text
    # Each paragraph was measured again for each of its 250 ancestors: 5 s for this page.
    assert elapsed < 2.0, f"reading a 250,000-character page nested 250 deep took {elapsed:.1f} s"
