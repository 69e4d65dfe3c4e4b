"""A byline is no one's words: "كتب: فلان", "كتبت: فلانة" at the top of a page copied whole name the writer, the
verb's subject, and say nothing (``quote_introducers._byline``). Issue 10, page round of 3 December 2026.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import QuoteProposal, extract

_HEADLINE = "الملتقى الإعلامي يختتم أعماله في العاصمة\n"
_BODY = "قال وزير الإعلام سالم العبدلي إن الملتقى يفتح آفاقا جديدة للتعاون بين المؤسسات.\n"


def _quotes(text: str) -> list[tuple[str, str | None]]:
    proposals = extract(text)
    quotes: list[QuoteProposal] = sorted((*proposals.quotes, *proposals.further_quotes), key=lambda q: q.start)
    return [(quote.text, quote.speaker) for quote in quotes]


_SAID = [("الملتقى يفتح آفاقا جديدة للتعاون بين المؤسسات", "سالم العبدلي")]


def test_a_byline_above_the_headline_is_no_quote() -> None:
    assert _quotes("كتب: محمد سالم الراشد\n" + _HEADLINE + _BODY) == _SAID


def test_a_byline_below_the_headline_is_no_quote() -> None:
    assert _quotes(_HEADLINE + "كتب: محمد سالم الراشد\n" + _BODY) == _SAID
    assert _quotes(_HEADLINE + "كتبت : نورة الحمد\n" + _BODY) == _SAID


def test_a_writer_with_the_outlet_is_no_quote() -> None:
    assert _quotes(_HEADLINE + "كتب: محمد الراشد - الكويت\n" + _BODY) == _SAID


def test_a_minister_who_wrote_still_speaks() -> None:
    """The guard: "وكتب الوزير: «...»" and "كتب الوزير: «...»" quote the minister's written words."""
    text = _HEADLINE + _BODY + "وكتب العبدلي على حسابه: «الإعلام شريك في التنمية والبناء».\n"
    assert _quotes(text)[-1] == ("الإعلام شريك في التنمية والبناء", "سالم العبدلي")
    text = _HEADLINE + _BODY + "وكتب: «الإعلام شريك في التنمية والبناء».\n"
    assert _quotes(text)[-1] == ("الإعلام شريك في التنمية والبناء", "سالم العبدلي")
