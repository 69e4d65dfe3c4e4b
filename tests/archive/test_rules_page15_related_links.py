"""A related-article link is no one's words: "اقرأ أيضا: «...»", "اقرأ المزيد: ...", "شاهد أيضا: ...", "ذات صلة:
..." on a line of a page copied whole point the reader to another article (``line_quotes._page_label``, the
reader's imperatives in ``lexicon.READER_IMPERATIVES``). Issue 10, page round of 3 December 2026.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import QuoteProposal, extract

_HEADLINE = "الملتقى الإعلامي يختتم أعماله في العاصمة\n"
_BODY = "قال وزير الإعلام سالم العبدلي إن الملتقى يفتح آفاقا جديدة للتعاون بين المؤسسات.\n"
_MORE = "وأكد العبدلي أن الملتقى مستمر في دوراته المقبلة بدعم كامل من الحكومة.\n"
_SAID = [("الملتقى يفتح آفاقا جديدة للتعاون بين المؤسسات", "سالم العبدلي"),
         ("الملتقى مستمر في دوراته المقبلة بدعم كامل من الحكومة", "سالم العبدلي")]


def _quotes(text: str) -> list[tuple[str, str | None]]:
    proposals = extract(text)
    quotes: list[QuoteProposal] = sorted((*proposals.quotes, *proposals.further_quotes), key=lambda q: q.start)
    return [(quote.text, quote.speaker) for quote in quotes]


def test_read_more_is_no_speaker() -> None:
    assert _quotes(_HEADLINE + _BODY + "اقرأ المزيد: «الملتقى يفتح أبوابه للزوار غدا»\n" + _MORE) == _SAID
    assert _quotes(_HEADLINE + _BODY + "إقرأ أيضاً : «الملتقى يفتح أبوابه للزوار غدا»\n" + _MORE) == _SAID


def test_related_is_no_speaker() -> None:
    assert _quotes(_HEADLINE + _BODY + "ذات صلة: «الملتقى يفتح أبوابه للزوار غدا»\n" + _MORE) == _SAID
    assert _quotes(_HEADLINE + _BODY + "مواضيع ذات صلة: «الملتقى يفتح أبوابه للزوار غدا»\n" + _MORE) == _SAID


def test_watch_also_is_no_speaker() -> None:
    assert _quotes(_HEADLINE + _BODY + "شاهد أيضا: «الملتقى يفتح أبوابه للزوار غدا»\n" + _MORE) == _SAID


def test_a_witness_still_speaks() -> None:
    """The guard: "شاهد عيان" is a witness, a person, not the reader's imperative."""
    text = _HEADLINE + _BODY + "شاهد عيان: «رأينا الوفود تدخل القاعة منذ الصباح الباكر»\n"
    assert ("رأينا الوفود تدخل القاعة منذ الصباح الباكر", "شاهد عيان") in _quotes(text)
