"""A body before a headline's colon speaks through the person the article then quotes for it: "الحكومة الأردنية: خطة
جديدة ..." above "قال المتحدث باسم الحكومة فلان ..." is a quote of فلان (bench/corpus/README.md, "Headlines": a
headline naming a speaker, a person, a title or a body, and giving its words is a quote); issue 10, round of 3
December 2026 (`line_quotes.headline_quote`, `headline_speakers`). A place before the colon is no speaker.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import QuoteProposal, extract

_BODY = ("\n\nقال المتحدث باسم الحكومة سالم العبدلي إن الخطة جيدة للجميع.\n"
         "وأضاف أن النقل العام سيتحسن كثيرا في كل المدن.\n")


def _quotes(text: str) -> list[QuoteProposal]:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_a_body_before_a_headline_colon_speaks_through_its_spokesman() -> None:
    text = "الحكومة الأردنية: خطة جديدة للنقل العام تبدأ الشهر المقبل" + _BODY
    assert [(quote.text, quote.speaker) for quote in _quotes(text)] == [
        ("خطة جديدة للنقل العام تبدأ الشهر المقبل", "سالم العبدلي"),
        ("الخطة جيدة للجميع", "سالم العبدلي"),
        ("النقل العام سيتحسن كثيرا في كل المدن", "سالم العبدلي")]


def test_a_body_in_marks_before_a_headline_colon_speaks_too() -> None:
    text = "\"الخارجية\": الفترة القادمة ستشهد مشروعات عديدة مع الصين" + _BODY
    first = _quotes(text)[0]
    assert (first.text, first.speaker) == ("الفترة القادمة ستشهد مشروعات عديدة مع الصين", "سالم العبدلي")


def test_a_place_before_a_headline_colon_is_no_speaker() -> None:
    """The guard: a place's news, not its words."""
    text = "الإمارات: انطلاق معرض الكتاب الدولي في دورته الجديدة" + _BODY
    assert [quote.text for quote in _quotes(text)] == ["الخطة جيدة للجميع", "النقل العام سيتحسن كثيرا في كل المدن"]


def test_a_body_with_its_adjective_of_origin_before_a_headline_colon_speaks_too() -> None:
    text = "الخارجية الأميركية: الوضع في العاصمة تحت السيطرة الكاملة" + _BODY
    first = _quotes(text)[0]
    assert (first.text, first.speaker) == ("الوضع في العاصمة تحت السيطرة الكاملة", "سالم العبدلي")


def test_a_headline_printed_twice_is_a_quote_twice() -> None:
    """A page printing its title, then the same words as its headline (marks of another kind): both are headlines,
    and the corpus annotates a quote at each place it is printed."""
    text = ("العبدلي: منتدى \"الشباب\" يوفر منصة للحوار\nالعبدلي: منتدى 'الشباب' يوفر منصة للحوار\n"
            "صرح الرئيس سالم جومارت العبدلي قائلا: \"إن منتدى الشباب الدولي هو تاريخ فريد للحوار بين الأجيال\".\n")
    assert [quote.text for quote in _quotes(text)] == [
        "منتدى \"الشباب\" يوفر منصة للحوار", "منتدى 'الشباب' يوفر منصة للحوار",
        "منتدى الشباب الدولي هو تاريخ فريد للحوار بين الأجيال"]


def test_a_body_line_under_a_headline_is_no_headline() -> None:
    """The guard: a line under the headline that does not repeat it runs on as the article's."""
    text = ("العبدلي: منتدى الشباب يوفر منصة للحوار\nالوزير: المنتدى يجمع الشباب من كل الدول العربية\n"
            "صرح الرئيس سالم جومارت العبدلي قائلا: \"إن منتدى الشباب الدولي هو تاريخ فريد للحوار بين الأجيال\".\n")
    assert "المنتدى يجمع الشباب من كل الدول العربية" not in [quote.text for quote in _quotes(text)]
