"""Bodies that speak without their full name (issue 10, the first fresh set's misses).

Sentences written for these tests: a ministry named by its short name after a feminine verb ("وقالت
الخارجية في بيان"), and a feminine verb later in the sentence whose subject was a body ("أصدرت وزارة
الخارجية بيانا بشأن زيارة الوزير فلان، فيما أشارت إلى أن": the ministry, not the man named in between).
"""

from __future__ import annotations

from archive.importing.extraction import extract


def _quotes(text: str) -> list:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_a_ministry_by_its_short_name_speaks_as_a_body() -> None:
    text = ("التقى وزير الخارجية سالم فهد العبيدي نظيره المغربي في الرباط.\n"
            "وقالت الخارجية في بيان، إن اللقاء تناول تطوير التعاون بين البلدين في مختلف المجالات.")
    [quote] = _quotes(text)
    assert quote.speaker == "الخارجية"
    assert quote.speaker_kind == "organisation"


def test_a_feminine_verb_after_a_body_s_statement_keeps_the_body() -> None:
    text = ("أصدرت وزارة الخارجية العراقية، اليوم الاثنين، بيانا بشأن مشاركة رئيس الوزراء سعد حميد الربيعي "
            "في القمة، فيما أشارت إلى أن المشاركة جاءت بناء على دعوة من الدول المنظمة للقمة.")
    [quote] = _quotes(text)
    assert quote.speaker == "وزارة الخارجية العراقية"
