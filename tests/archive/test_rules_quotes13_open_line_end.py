"""A line that ends on a word no sentence ends with (a preposition, a conjunction, "لا سيما", أن, a relative
pronoun, a verb of speech alone) runs into the next line: the break is where the page wrapped, not where the
sentence ends, so a quote or its attribution over it stays whole. Issue 10, round of 3 December 2026
(`line_wraps.unwrap`).

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import QuoteProposal, extract
from archive.importing.line_wraps import unwrap


def _quotes(text: str) -> list[QuoteProposal]:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_a_quote_runs_over_a_break_after_a_particle() -> None:
    text = ("وأشار وزير الإعلام سالم العبدلي إلى أن العمل الإعلامي المشترك يواجه تحديات كبيرة، لا سيما\n"
            "التدفق الهائل للأخبار وتسارع الأحداث.\n")
    assert [quote.text for quote in _quotes(text)] == [
        "العمل الإعلامي المشترك يواجه تحديات كبيرة، لا سيما التدفق الهائل للأخبار وتسارع الأحداث"]


def test_a_verb_of_speech_alone_on_its_line_keeps_its_speaker() -> None:
    text = ("كشف وزير الخارجية أسعد الحلبي عن زيارته المقبلة إلى العاصمة.\n"
            "واكد\n"
            "الحلبي، أن \"الحكومة الجديدة ستكون ممثلة لجميع أطياف الشعب\n"
            "في كل المحافظات.\n")
    assert [(quote.text, quote.speaker) for quote in _quotes(text)] == [
        ("الحكومة الجديدة ستكون ممثلة لجميع أطياف الشعب", "أسعد الحلبي")]


def test_a_line_ending_a_sentence_or_a_name_keeps_its_break() -> None:
    """The guard: a headline, a line ending with a full stop or a name, a blank line keep their breaks."""
    text = ("وزير الإعلام يلتقي الصحفيين في العاصمة\n"
            "التقى وزير الإعلام سالم العبدلي\n"
            "الصحفيين في مقر الوزارة.\n\n"
            "وأكد أن الحوار مستمر.\n")
    assert unwrap(text) == text
