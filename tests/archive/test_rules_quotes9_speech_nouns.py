"""A speech noun before a colon or a mark ("بقوله:"، "بالقول: «") opens the words of its sentence's subject,
whatever verb comes before it ("واستهل ... حفل الافتتاح بقوله:"): issue 10, round of 2 December 2026
(`quote_introducers.speech_noun_quote`); seen missed in two outlets of two studied sets.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import QuoteProposal, extract


def _quotes(text: str) -> list[QuoteProposal]:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_a_speech_noun_and_a_colon_open_the_subjects_words() -> None:
    text = ("واستهل وزير الثقافة سالم الحربي حفل الافتتاح بقوله: يسعدنا أن نرحب بكم في هذا المعرض الذي يجمع "
            "الناشرين من كل البلدان.\n")
    quotes = _quotes(text)
    assert [quote.text for quote in quotes] == [
        "يسعدنا أن نرحب بكم في هذا المعرض الذي يجمع الناشرين من كل البلدان"]
    assert quotes[0].speaker == "سالم الحربي"
    assert quotes[0].kind == "direct"


def test_a_speech_noun_without_colon_or_mark_opens_nothing() -> None:
    """The guard: "بالقول الحسن" is no speech opening."""
    text = "وختم وزير الثقافة سالم الحربي زيارته للمعرض بالقول الحسن والدعاء للناشرين بالتوفيق.\n"
    assert _quotes(text) == []
