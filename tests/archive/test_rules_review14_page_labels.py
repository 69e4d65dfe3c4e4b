"""A web page's label is no speaker: "آخر تحديث:", "تاريخ النشر:", "المصدر:" before a colon at the top of a page
copied whole head the page's furniture, not a headline's words (``line_quotes._page_label``, the label words in
``lexicon.PAGE_LABEL_WORDS`` and ``PAGE_LABELS``). Issue 10, review round of 3 December 2026.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import QuoteProposal, extract

_BODY = "\nقال وزير الإعلام سالم العبدلي إن الملتقى يفتح آفاقا جديدة للتعاون بين المؤسسات.\n"


def _speakers(text: str) -> list[str | None]:
    proposals = extract(text)
    quotes: list[QuoteProposal] = sorted((*proposals.quotes, *proposals.further_quotes), key=lambda q: q.start)
    return [quote.speaker for quote in quotes]


def test_an_update_label_is_no_speaker() -> None:
    assert _speakers("آخر تحديث: الملتقى الإعلامي يختتم أعماله في العاصمة" + _BODY) == ["سالم العبدلي"]
    assert _speakers("آخر تحديث : 12 مارس 2026 الساعة العاشرة صباحا بتوقيت مكة" + _BODY) == ["سالم العبدلي"]


def test_a_publication_date_label_is_no_speaker() -> None:
    assert _speakers("تاريخ النشر: الملتقى الإعلامي يختتم أعماله في العاصمة" + _BODY) == ["سالم العبدلي"]


def test_a_label_before_words_in_marks_is_no_speaker() -> None:
    assert _speakers("آخر تحديث: «الملتقى الإعلامي يختتم أعماله في العاصمة»" + _BODY) == ["سالم العبدلي"]


def test_a_person_before_the_colon_still_speaks() -> None:
    """The guard: a person's family name before the headline's colon is no label."""
    text = ("العبدلي: «الملتقى يفتح آفاقا جديدة للتعاون بين المؤسسات»" + _BODY)
    assert _speakers(text)[0] == "سالم العبدلي"
