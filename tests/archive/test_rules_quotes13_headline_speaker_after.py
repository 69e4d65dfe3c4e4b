"""A headline whose speaker is printed after the words: «“…”.. السفير فلان عن …»، «"…".. وزير الخارجية: …» (the
marked words, then the person), and «… (رئيس الأرجنتين)» (the person in parentheses closing the line). The words
are the person's, a title being resolved to the person the article names with it. Issue 10, round of 3 December
2026 (`line_quotes.headline_words_first`).

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import QuoteProposal, extract


def _quotes(text: str) -> list[QuoteProposal]:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_marked_words_then_the_persons_name() -> None:
    text = ("“شريك أساسي في المنطقة”.. السفير ماجد الكعبي عن زيارة الرئيس\n\n"
            "قال السفير ماجد الكعبي، الأمين العام الأسبق للمنظمة، إن الزيارة تفتح صفحة جديدة بين البلدين.\n")
    first = _quotes(text)[0]
    assert (first.text, first.speaker) == ("شريك أساسي في المنطقة", "ماجد الكعبي")


def test_marked_words_then_a_title_and_more_words_after_its_colon() -> None:
    text = ("\"البلاد استعادت عافيتها\".. وزير الخارجية: إعلان القمة يتضمن ثلاثة أجزاء\n\n"
            "أكد وزير الخارجية، سالم العبدلي، اليوم السبت، أن إعلان القمة يتضمن ثلاثة أجزاء رئيسية.\n")
    quotes = _quotes(text)
    assert [(quote.text, quote.speaker) for quote in quotes[:2]] == [
        ("البلاد استعادت عافيتها", "سالم العبدلي"), ("إعلان القمة يتضمن ثلاثة أجزاء", "سالم العبدلي")]


def test_a_title_in_parentheses_closing_the_headline() -> None:
    text = ("زيارة الرئيس الضيف إلى بلادنا خطوة هامة جدا تدشن عهدا جديدا (رئيس الجمهورية)\n"
            "أكد رئيس الجمهورية، ماجد الكعبي، أن الزيارة التي يعتزم الرئيس الضيف القيام بها تشكل خطوة هامة.\n")
    first = _quotes(text)[0]
    assert (first.text, first.speaker) == (
        "زيارة الرئيس الضيف إلى بلادنا خطوة هامة جدا تدشن عهدا جديدا", "ماجد الكعبي")


def test_an_agency_or_a_tag_in_parentheses_is_no_speaker() -> None:
    """The guard: "(رويترز)"، "(فيديو)" closing a headline name nobody."""
    video = ("رئيس الوزراء يفتح مكبر الصوت أمام الصحافيين أثناء مكالمة هاتفية.. ماذا قال له؟ (فيديو)\n"
             "فتح رئيس الوزراء ماجد الكعبي مكبر الصوت أمام الصحافيين أثناء مكالمة هاتفية من نظيره.\n")
    time = ("المعرض الدولي للكتاب يفتح أبوابه للزوار الساعة السادسة مساء (بتوقيت مكة المكرمة)\n"
            "افتتح أمير المنطقة ماجد الكعبي المعرض الدولي للكتاب في مكة المكرمة.\n")
    assert [quote.text for quote in _quotes(video)] == []
    assert [quote.text for quote in _quotes(time)] == []
