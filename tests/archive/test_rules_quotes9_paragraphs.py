"""A paragraph all in quotation marks, printed without a verb of speech after a paragraph that quotes or names
its speaker, is more of that speaker's words (speeches, press conferences: issue 10, round of 2 December
2026, `quote_paragraphs.py`). Seen missed in five outlets of four studied sets.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import QuoteProposal, extract


def _quotes(text: str) -> list[QuoteProposal]:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_a_paragraph_in_marks_after_a_quote_is_the_same_speakers() -> None:
    text = ("قال وزير التجارة سالم الحربي إن المعرض حقق نتائج طيبة هذا العام.\n"
            "“نريد أن نوسع التعاون مع جيراننا في التجارة والتعليم والثقافة خلال السنوات المقبلة”.\n")
    quote = _quotes(text)[-1]
    assert quote.text == "نريد أن نوسع التعاون مع جيراننا في التجارة والتعليم والثقافة خلال السنوات المقبلة"
    assert text[quote.start:quote.end] == quote.text
    assert quote.speaker == "سالم الحربي"
    assert quote.kind == "direct"
    assert quote.confidence <= 0.45


def test_a_paragraph_whose_mark_never_closes_ends_where_the_reporter_speaks_again() -> None:
    text = ("قال وزير التجارة سالم الحربي إن المعرض حقق نتائج طيبة هذا العام.\n"
            "“فيما يخص الأسعار، أود أن أطمئن المواطنين إلى أن السلع متوفرة في كل الأسواق. "
            "وقال الوزير سالم الحربي في ختام حديثه: “سنواصل العمل مع التجار”.\n")
    quotes = _quotes(text)
    assert [quote.text for quote in quotes[1:]] == [
        "فيما يخص الأسعار، أود أن أطمئن المواطنين إلى أن السلع متوفرة في كل الأسواق",
        "سنواصل العمل مع التجار"]
    assert quotes[1].speaker == "سالم الحربي"


def test_a_statement_in_marks_over_several_paragraphs_runs_to_its_closing_mark() -> None:
    text = ("أكد وزير الإعلام سالم الحربي أن الصحافة شريك في التنمية.\n\n"
            "\"يأسف الوزير لما نشر من تصريحات عن الصحفيين في المؤتمر.\n\n"
            "ويؤكد أنه يحرص على كرامة كل صحفي ويعتز بعملهم\".\n")
    quote = _quotes(text)[-1]
    assert quote.text.startswith("يأسف الوزير لما نشر")
    assert quote.text.endswith("ويعتز بعملهم")
    assert quote.speaker == "سالم الحربي"


def test_a_quote_before_its_attribution_and_a_short_heading_in_marks_are_left_alone() -> None:
    """Guards: «...»، قال فلان keeps its own speaker; a heading of three words in marks is no speech."""
    text = ("قال وزير التجارة سالم الحربي إن المعرض حقق نتائج طيبة هذا العام.\n"
            "“الأسواق مستقرة والأسعار في متناول الجميع”، قال وزير المالية خالد العمري.\n"
            "“معرض الكتاب الدولي”\n")
    quotes = _quotes(text)
    assert [(quote.text, quote.speaker) for quote in quotes[1:]] == [
        ("الأسواق مستقرة والأسعار في متناول الجميع", "خالد العمري")]
