"""A quote with its citation, in Arabic and English order and punctuation."""

from __future__ import annotations

from archive.services import people, quotes
from desktop.gui.citation import quote_with_citation
from tests.desktop.conftest import QUOTE_TEXT


def test_arabic_citation(filled):
    quote = quotes.get_quote(filled.archive, filled.quote_id)
    speaker = people.get_person(filled.archive, filled.speaker_id)
    text = quote_with_citation(quote, speaker, language="ar")
    assert text == (f"«{QUOTE_TEXT}» — معالي الدكتور سالم بن ناصر الهاشمي، وزير الإعلام، "
                    "منتدى الاتصال المؤسسي، \u200e2024-05-12، وكالة الأنباء")


def test_english_citation_and_missing_parts(filled):
    quote = quotes.get_quote(filled.archive, filled.quote_id)
    text = quote_with_citation(quote, None, language="en")
    assert text.startswith(f"“{QUOTE_TEXT}” — سالم بن ناصر الهاشمي, وزير الإعلام, ")


def test_reported_speech_is_not_put_in_quotation_marks(filled):
    """A paraphrase pasted in «…» read as the speaker's own words; the briefs already tell them apart."""
    from dataclasses import replace

    quote = replace(quotes.get_quote(filled.archive, filled.quote_id), speech="indirect")
    arabic = quote_with_citation(quote, None, language="ar")
    assert arabic.startswith(f"{QUOTE_TEXT} — ") and "«" not in arabic, arabic
    assert arabic.endswith("، نقلًا بالمعنى"), arabic
    english = quote_with_citation(quote, None, language="en")
    assert "“" not in english and english.endswith(", reported speech"), english
