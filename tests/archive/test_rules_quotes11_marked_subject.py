"""A name or a term in marks opening reported speech is its subject, not the quote: "أن «ملتقى ...» في دورته
الخامسة يشكل ..." quotes the whole clause, marks kept inside (bench/corpus/README.md, "Annotation conventions":
a name set apart in marks is no quote and stays inside the span); issue 10, round of 3 December 2026
(`quote_openings.build_quote`). Marks opening the clause that hold the speaker's words (closing it, or a phrase of
four words or more) are the quote, as before.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import QuoteProposal, extract


def _quotes(text: str) -> list[QuoteProposal]:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_an_event_name_in_marks_opening_the_clause_is_its_subject() -> None:
    text = ("وأكدت رئيسة النادي سعاد الهاشمي، أن \"ملتقى الصحافة الخليجية\" في دورته الخامسة، يشكل فرصة "
            "لحوار مفتوح بين الإعلاميين.\n")
    assert [(quote.text, quote.kind, quote.speaker) for quote in _quotes(text)] == [
        ("\"ملتقى الصحافة الخليجية\" في دورته الخامسة، يشكل فرصة لحوار مفتوح بين الإعلاميين", "indirect",
         "سعاد الهاشمي")]


def test_a_document_name_in_marks_opening_a_participle_clause_is_its_subject() -> None:
    text = ("وافتتح محافظ المدينة خالد الزبيدي أعمال الندوة، مؤكدا أن «إعلان المدن الآمنة» الذي سيصدر في "
            "ختامها يجمع رؤساء البلديات.\n")
    assert [quote.text for quote in _quotes(text)] == [
        "«إعلان المدن الآمنة» الذي سيصدر في ختامها يجمع رؤساء البلديات"]


def test_a_short_term_in_marks_opening_the_clause_stays_inside() -> None:
    text = "وقال وزير المالية عادل النعيمي إن «الإصلاح الضريبي» سيبدأ مطلع العام المقبل في كل المحافظات.\n"
    assert [quote.text for quote in _quotes(text)] == [
        "«الإصلاح الضريبي» سيبدأ مطلع العام المقبل في كل المحافظات"]


def test_speech_in_marks_opening_the_clause_is_still_the_quote() -> None:
    """The guards: marks holding the clause to its end, and a phrase of the speaker's four words or more."""
    whole = "وأكد وزير المالية عادل النعيمي أن «الإصلاح سيبدأ مطلع العام المقبل في كل المحافظات».\n"
    assert [quote.text for quote in _quotes(whole)] == ["الإصلاح سيبدأ مطلع العام المقبل في كل المحافظات"]
    phrase = "وأكد وزير المالية عادل النعيمي أن «الإصلاح لن يتأخر عن موعده أبدا» وفق الخطة المعلنة.\n"
    assert [quote.text for quote in _quotes(phrase)] == ["الإصلاح لن يتأخر عن موعده أبدا"]


def test_a_name_in_marks_before_a_verb_of_speech_speaks_and_its_words_are_the_quote() -> None:
    """The guard: "أن «فلان» صرح … إنه …" reports a report; the clause is not one quote running over his words."""
    text = ("وأفادت وكالة الأنباء الرسمية، أن \"سالم العبدلي\" صرح صباح اليوم في مطار العاصمة إنه يريد دعم "
            "السلام في المنطقة كلها.\n")
    quotes = _quotes(text)
    assert [quote.text.endswith("يريد دعم السلام في المنطقة كلها") for quote in quotes] == [True]
    assert "سالم العبدلي" not in quotes[0].text
