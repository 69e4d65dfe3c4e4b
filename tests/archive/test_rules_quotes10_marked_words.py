"""Marked words inside reported speech are the quote: "أن المعرض “سيحظى بمشاركة …”" quotes the marked words,
and the reporter's words before the mark are in no quote (bench/corpus/README.md, "Annotation conventions");
issue 10, round of 2 December 2026 (`quote_openings.marked_words_inside`). A name, a title, a slogan or a term
of a few words in marks stays inside the reported words.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import QuoteProposal, extract


def _quotes(text: str) -> list[QuoteProposal]:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_marks_opening_after_the_first_reported_words_set_the_quote_apart() -> None:
    text = "وقال وزير الثقافة سالم العبدلي إن المهرجان الوطني للتراث \"سيستقبل آلاف الزوار من المدن كلها\" هذا العام.\n"
    assert [(quote.text, quote.kind, quote.speaker) for quote in _quotes(text)] == [
        ("سيستقبل آلاف الزوار من المدن كلها", "direct", "سالم العبدلي")]


def test_marks_closing_the_reported_sentence_set_the_quote_apart() -> None:
    text = "وأكدت وزيرة الإعلام هدى الساعدي أن الملتقى «يفتح صفحة جديدة من التعاون بين المؤسسات الإعلامية».\n"
    assert [(quote.text, quote.speaker) for quote in _quotes(text)] == [
        ("يفتح صفحة جديدة من التعاون بين المؤسسات الإعلامية", "هدى الساعدي")]


def test_a_term_of_few_words_in_marks_stays_inside_the_reported_words() -> None:
    """The guard: two words in marks are a term the speaker used, not a quote of their own."""
    text = "وأكد وزير الثقافة سالم العبدلي أن الخلاف بين البلدين سببه \"دول الحصار\" وحدها في المنطقة.\n"
    assert [quote.text for quote in _quotes(text)] == [
        "الخلاف بين البلدين سببه \"دول الحصار\" وحدها في المنطقة"]


def test_a_slogan_or_a_title_with_its_year_in_marks_stays_inside_the_reported_words() -> None:
    """The guards: marks after a word that names what they hold, and a title ending with its year."""
    slogan = "وأكد وزير الثقافة سالم العبدلي أن الدورة تقام تحت شعار «الثقافة جسر بين الشعوب كلها» في العاصمة.\n"
    year = "وأكد وزير الثقافة سالم العبدلي أن الأسبوع يأتي ضمن «الدوحة عاصمة للثقافة العربية 2030» هذا العام.\n"
    assert [quote.text for quote in _quotes(slogan)] == [
        "الدورة تقام تحت شعار «الثقافة جسر بين الشعوب كلها» في العاصمة"]
    assert [quote.text for quote in _quotes(year)] == [
        "الأسبوع يأتي ضمن «الدوحة عاصمة للثقافة العربية 2030» هذا العام"]


def test_marks_inside_direct_speech_stay_inside_it() -> None:
    """The guard: a quote that is already in marks, or after a colon, keeps the marks inside it."""
    text = "وقال وزير الثقافة سالم العبدلي: نحن نعمل على \"تعزيز الحوار بين الثقافات كلها\" في كل المحافل.\n"
    assert [quote.text for quote in _quotes(text)] == [
        "نحن نعمل على \"تعزيز الحوار بين الثقافات كلها\" في كل المحافل"]


def test_the_name_of_a_text_in_marks_stays_inside_the_reported_words() -> None:
    """The guard: marked words that open with a noun naming a text are its name, not the speaker's words."""
    text = "وأضاف وزير الخارجية سالم العبدلي أن الحل يتمثل في تنفيذ \"إعلان المبادئ المشتركة بين دول المنطقة\" كاملا.\n"
    assert [quote.text for quote in _quotes(text)] == [
        "الحل يتمثل في تنفيذ \"إعلان المبادئ المشتركة بين دول المنطقة\" كاملا"]
