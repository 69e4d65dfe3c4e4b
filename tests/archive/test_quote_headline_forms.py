"""Headline quotes as the top lines of real pages print them (issue 10, round 4). Our own sentences.

A headline quote may sit on a deck line under a kicker, open with a bullet, put the
speaker's name in marks, or say to whom it was said ("فلان لـ«الصحيفة»: ..."); a page's labels among the
top lines ("الكاتب: ..."، a date in Latin letters) are no speaker.
"""

from __future__ import annotations

import pytest

from archive.importing.extraction import extract

_BODY = "\nقال وزير الإعلام سالم راشد العلي إن الوكالة تحتفل بعيدها هذا الأسبوع في العاصمة.\n"


def _quote_texts(text: str) -> list[str]:
    proposals = extract(text)
    return [quote.text for quote in sorted((*proposals.quotes, *proposals.further_quotes),
                                           key=lambda quote: quote.start)]


@pytest.mark.parametrize("top", [
    "أكد أن الوكالة تحتفل بعيدها هذا الأسبوع\nسالم العلي لمراسلي «الوكالة»: الوكالة مدرسة في الإعلام الوطني",
    "وزير الإعلام سالم العلي لـ«الأخبار»: الوكالة مدرسة في الإعلام الوطني",
    "الوكالة تحتفل بعيدها\n• وزير الإعلام: الوكالة مدرسة في الإعلام الوطني",
    "«سالم العلي»: الوكالة مدرسة في الإعلام الوطني",
])
def test_a_headline_quote_in_the_top_lines(top: str) -> None:
    assert "الوكالة مدرسة في الإعلام الوطني" in _quote_texts(top + "\n" + _BODY)


@pytest.mark.parametrize("top", [
    "الوكالة تحتفل بعيدها\n\nالكاتب: حاوره سالم العلي الفارسي",
    "الوكالة تحتفل بعيدها\n\nPublished On: 13 ديسمبر 2021",
])
def test_a_page_s_labels_in_the_top_lines_are_no_speaker(top: str) -> None:
    assert _quote_texts(top + "\n" + _BODY) == ["الوكالة تحتفل بعيدها هذا الأسبوع في العاصمة"]
