"""A citation pasted into an Arabic memo shows its date as written: '2024-05-12' after Arabic
words is laid out by the bidi rules as '12-05-2024' unless its direction is marked."""

from __future__ import annotations

from bidi.algorithm import get_display

from archive.services import people, quotes
from desktop.gui.citation import quote_with_citation


def test_the_date_of_an_arabic_citation_is_not_reversed(filled):
    quote = quotes.get_quote(filled.archive, filled.quote_id)
    speaker = people.get_person(filled.archive, filled.speaker_id)
    text = quote_with_citation(quote, speaker, language="ar")
    shown = get_display(text, base_dir="R")  # as an Arabic (right-to-left) paragraph lays it out
    assert "2024-05-12" in shown and "12-05-2024" not in shown
