"""``muntada check`` speaks the officer's language: notes and problems through the catalogue."""

from __future__ import annotations

import sqlite3

from archive.i18n import set_language
from archive.services import maintenance, quotes, sources
from archive.services.records import QuoteInput, SourceInput


def test_the_checks_notes_and_problems_are_arabic_with_arabic_plurals(archive) -> None:
    source = sources.add_source(archive, SourceInput(title="مقال", full_text="نص قصير")).source
    quote = quotes.create_quote(archive, QuoteInput(text="نص", source_id=source.id, source_start=0, source_end=2))
    with sqlite3.connect(archive.path) as connection:  # a span beyond the text, as a damaged import would leave
        connection.execute("UPDATE quote SET source_end = 500 WHERE id = ?", (quote.id,))
    set_language("ar")
    try:
        report = maintenance.check_archive(archive)
    finally:
        set_language("en")
    assert report.notes and all("فهرس البحث" in note for note in report.notes)
    assert any("الاقتباس" in problem and str(quote.id) in problem for problem in report.problems)
    assert not any(word in " ".join(report.notes + report.problems) for word in ("outbox", "provenance", "points"))
