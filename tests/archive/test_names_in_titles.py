"""A name whose first word is also a title word, printed right after a title (issue 10, speakers): "وزير
الاقتصاد أمين سلام إن" is the minister Amin Salam, not a post "وزير الاقتصاد أمين سلام". Our own sentences.
"""

from __future__ import annotations

import pytest

from archive.importing.extraction import extract
from archive.importing.people import parse_person
from archive.importing.tokens import tokenize


def _mention(text: str) -> tuple[str | None, str | None]:
    tokens = tokenize(text)
    mention, _ = parse_person(text, tokens, 1, len(tokens))
    assert mention is not None
    return mention.name, mention.title


@pytest.mark.parametrize(("text", "name", "title"), [
    ("قال وزير التجارة أمين فرحات إن", "أمين فرحات", "وزير التجارة"),
    ("قال الرئيس التنفيذي أمين الزعبي إن", "أمين الزعبي", "الرئيس التنفيذي"),
    ("أكد محافظ البنك المركزي أمير حداد اليوم أن", "أمير حداد", "محافظ البنك المركزي"),
])
def test_a_given_name_that_is_a_title_word_starts_the_name_before_a_stop(text: str, name: str, title: str) -> None:
    assert _mention(text) == (name, title)


@pytest.mark.parametrize(("text", "title"), [
    ("قال وزير الخارجية أمين عام الحزب إن", "وزير الخارجية أمين عام الحزب"),
    ("قال وزير الداخلية أمير المنطقة إن", "وزير الداخلية أمير المنطقة"),
])
def test_a_second_post_stays_a_post(text: str, title: str) -> None:
    assert _mention(text) == (None, title)


def test_the_family_name_alone_later_is_the_same_minister() -> None:
    text = ("قال وزير التجارة أمين فرحات إن الأسعار ستراقب يوميا في الأسواق كلها.\n"
            "وفي مؤتمر صحفي له اليوم، قال فرحات إنه لن يقبل بأي تلاعب بالأسعار.")
    proposals = extract(text)
    quotes = sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)
    assert [quote.speaker for quote in quotes] == ["أمين فرحات", "أمين فرحات"]
    assert quotes[0].speaker_title == "وزير التجارة"
