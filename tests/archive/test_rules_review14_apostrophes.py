"""Two apostrophes typed for a quotation mark ("قائلا ''...''") open and close words as '"' does
(``tokens.read_typed_marks``, read before the article is tokenised); the text keeps its length, so every offset
stays the text's. Issue 10, review round of 3 December 2026.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import QuoteProposal, extract
from archive.importing.tokens import read_typed_marks

_OPEN_CLOSE = ("وأوضح وزير الثقافة سالم العبدلي أن المعرض سيضم قطعا نادرة، قائلا ''المعرض سيكون تحت "
               "عنوان المدينة الخالدة، لأن للمدينة تاريخا طويلا مع البحر'' مضيفا أن العمل بدأ منذ عام.")
_CLOSED_AFTER_SPACE = ("وأكد الرئيس محمد سالم في بيان أن بلاده \"لن تقبل بأي تدخل عسكري في شؤون المنطقة ''، "
                       "داعيا جميع الأطراف إلى الحوار.")
_SPACED_OPENER = ("قال وزير الثقافة سالم العبدلي إن المعرض سيضم أربعمئة قطعة نادرة.\n"
                  "وتابع '' المدينة ستكون في قلب العاصمة... ولأول مرة ننظم حدثا مثل هذا منذ سنوات''.\n")


def _quotes(text: str) -> list[QuoteProposal]:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_two_apostrophes_open_and_close_a_quote() -> None:
    texts = [quote.text for quote in _quotes(_OPEN_CLOSE)]
    assert "المعرض سيكون تحت عنوان المدينة الخالدة، لأن للمدينة تاريخا طويلا مع البحر" in texts


def test_two_apostrophes_after_a_space_close_before_the_comma() -> None:
    first = _quotes(_CLOSED_AFTER_SPACE)[0]
    assert first.text == "لن تقبل بأي تدخل عسكري في شؤون المنطقة"


def test_two_apostrophes_with_spaces_on_both_sides_open_the_continued_words() -> None:
    quotes = _quotes(_SPACED_OPENER)
    assert [(quote.text, quote.speaker) for quote in quotes][-1] == (
        "المدينة ستكون في قلب العاصمة... ولأول مرة ننظم حدثا مثل هذا منذ سنوات", "سالم العبدلي")


def test_the_reading_keeps_every_offset() -> None:
    for text in (_OPEN_CLOSE, _CLOSED_AFTER_SPACE, _SPACED_OPENER):
        read = read_typed_marks(text)
        assert len(read) == len(text)
        assert [i for i, (a, b) in enumerate(zip(text, read, strict=True)) if a != b] == \
            [i for i, a in enumerate(text) if a == "'"]
    for quote in _quotes(_OPEN_CLOSE):
        assert _OPEN_CLOSE[quote.start:quote.end] == quote.text


def test_an_apostrophe_inside_a_word_or_three_are_left_alone() -> None:
    """The guard: a pair between two words, a run of three, a single apostrophe are no quotation marks."""
    for text in ("O''Brien قال", "كلمة ''' أخرى", "رأي l'art الفرنسي"):
        assert read_typed_marks(text) == text


def test_a_quote_keeps_the_apostrophes_printed_inside_it() -> None:
    """The reading is for the rules: the words proposed are the article's own ("''ليلة المدينة''" inside)."""
    text = ("قال وزير الثقافة سالم العبدلي إن المهرجان سيقدم عروضا موسيقية ''ليلة المدينة'' طوال الأسبوع "
            "بالتنسيق مع وزارة السياحة.\n")
    quote = _quotes(text)[0]
    assert quote.text == text[quote.start:quote.end]
    assert "''ليلة المدينة''" in quote.text
