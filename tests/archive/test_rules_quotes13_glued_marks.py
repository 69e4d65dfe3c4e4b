"""A two-way mark glued to و or to a one-letter preposition opens words as a mark after a space does: "،
و”ماضون في ...”" and "ل\"توحيد ...\"" set the speaker's words apart (bench/corpus/README.md: marked words
inside reported speech are the quote). Issue 10, round of 3 December 2026 (`quote_openings.opens_words`).

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import QuoteProposal, extract


def _quotes(text: str) -> list[QuoteProposal]:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_a_mark_glued_to_and_opens_the_speakers_words() -> None:
    text = ("وأوضح وزير الخارجية سالم العبدلي أن المباحثات شملت القضايا الإقليمية كلها، "
            "و”ماضون في العمل المشترك لحل هذه الأزمات”.\n")
    assert [(quote.text, quote.kind, quote.speaker) for quote in _quotes(text)] == [
        ("ماضون في العمل المشترك لحل هذه الأزمات", "direct", "سالم العبدلي")]


def test_a_mark_glued_to_a_preposition_opens_the_speakers_words() -> None:
    text = ("وأعرب وزير الخارجية سالم العبدلي عن أمله في أن تكون القمة فرصة "
            "ل\"توحيد الصف العربي في مواجهة التحديات\" و\"تعزيز العمل المشترك\".\n")
    assert [quote.text for quote in _quotes(text)] == ["توحيد الصف العربي في مواجهة التحديات"]


def test_a_mark_after_a_word_ending_in_waw_opens_nothing() -> None:
    """The guard: the letter before the mark must stand alone; 'أبو"' ends a word and its mark closes nothing."""
    text = ("وأكد وزير السياحة سالم العبدلي أن بلدة أبو\"الغيث القديمة في الجنوب الشرقي\" تستقبل آلاف الزوار "
            "كل عام.\n")
    assert [quote.text for quote in _quotes(text)] == [
        "بلدة أبو\"الغيث القديمة في الجنوب الشرقي\" تستقبل آلاف الزوار كل عام"]


def test_names_listed_in_marks_stay_inside_the_reported_words() -> None:
    """The guard: marked words between و and و and another mark are an item of a list of names."""
    text = ("وأكد وزير الداخلية سالم العبدلي أن الحوار شيء ومواجهة تنظيمات الجماعة المسلحة "
            "و\"جيش الخلاص الوطني في الجنوب\" و\"الجبهة الشعبية\" شيء آخر.\n")
    assert [quote.text for quote in _quotes(text)] == [text.split(" أن ", 1)[1].rstrip(".\n")]


def test_a_closing_mark_typed_to_open_closes_at_the_same_mark() -> None:
    """'و”...”': a page that types one mark both ways closes the words at the same mark, not at the line's end."""
    text = ("وأوضح وزير الخارجية سالم العبدلي أن المباحثات شملت القضايا الإقليمية كلها، "
            "و”مستمرون في العمل المشترك لحل هذه الأزمات” كما قال.\n")
    assert [quote.text for quote in _quotes(text)] == ["مستمرون في العمل المشترك لحل هذه الأزمات"]


def test_a_closing_guillemet_typed_to_open_closes_at_the_same_guillemet() -> None:
    """'و»هو ...»': a page that types » both ways opens and closes the speaker's words with it."""
    text = ("وقال وزير الإعلام سالم العبدلي إن للإعلام تأثيرا في المجتمع «فهو مرآته التي يرى فيها نفسه كل يوم»، "
            "و»هو مهنة ذات رسالة سامية تخدم شتى قطاعات المجتمع».\n")
    assert [quote.text for quote in _quotes(text)] == [
        "فهو مرآته التي يرى فيها نفسه كل يوم", "هو مهنة ذات رسالة سامية تخدم شتى قطاعات المجتمع"]
