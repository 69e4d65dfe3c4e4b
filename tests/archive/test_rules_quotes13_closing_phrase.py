"""Three words in marks that close reported speech are its speaker's words: "أن الحوار بين الطرفين «لا بديل
عنه»." quotes the marked words (bench/corpus/README.md: a clause or a predicate in marks of three words or
more is the quote), while three marked words the sentence goes on about ("أن «منتدى الشباب العربي» سيعقد
...") are a name and stay inside. Issue 10, round of 3 December 2026 (`quote_openings.marked_words_inside`).

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import QuoteProposal, extract


def _quotes(text: str) -> list[QuoteProposal]:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_three_marked_words_closing_the_sentence_are_the_quote() -> None:
    text = "وأكد وزير الخارجية سالم العبدلي أن الحوار بين الطرفين في المرحلة المقبلة «لا بديل عنه».\n"
    assert [(quote.text, quote.kind, quote.speaker) for quote in _quotes(text)] == [
        ("لا بديل عنه", "direct", "سالم العبدلي")]


def test_three_marked_words_closing_the_line_are_the_quote() -> None:
    text = "صرح وزير الطاقة ماجد الكعبي بأن نتائج الاجتماع الوزاري الأخير كانت \"مشجعة للغاية للجميع\"\n"
    assert [quote.text for quote in _quotes(text)] == ["مشجعة للغاية للجميع"]


def test_three_marked_words_the_sentence_goes_on_about_stay_inside() -> None:
    """The guard: a name of three words in marks, followed by more of the clause, is what the words are about."""
    text = "وقال وزير الشباب ماجد الكعبي إن الموقف بشأن \"حادثة الميناء القديم\" كان واضحا منذ البداية.\n"
    assert [quote.text for quote in _quotes(text)] == [
        "الموقف بشأن \"حادثة الميناء القديم\" كان واضحا منذ البداية"]


def test_two_marked_words_closing_the_sentence_stay_inside() -> None:
    """The guard: a term of two words in marks stays inside the reported words, wherever it stands."""
    text = "وأكد وزير الخارجية سالم العبدلي أن المفاوضات بين البلدين في المرحلة المقبلة ستكون \"صعبة جدا\".\n"
    assert [quote.text for quote in _quotes(text)] == [
        "المفاوضات بين البلدين في المرحلة المقبلة ستكون \"صعبة جدا\""]
