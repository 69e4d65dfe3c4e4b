"""The participles of "ذكر" and "زعم" open words as the other participles of verbs of speech do: "، ذاكرا
أن ..." and "، زاعما أن ..." start a continuation of the sentence's speaker, and end the quote before them.
Issue 10, round of 3 December 2026 (`attribution.json` participles).

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import QuoteProposal, extract


def _quotes(text: str) -> list[QuoteProposal]:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_dhakiran_opens_a_continuation() -> None:
    text = ("وقال وزير المالية سالم العبدلي إن الموازنة الجديدة متماسكة وقادرة على الصمود. ذاكراً أنها ركزت على"
            " دعم الإنتاج وتحريك الصادرات.\n")
    quotes = _quotes(text)
    assert [(quote.text, quote.speaker) for quote in quotes[:1]] == [
        ("الموازنة الجديدة متماسكة وقادرة على الصمود", "سالم العبدلي")]
    assert [(quote.text.endswith("ركزت على دعم الإنتاج وتحريك الصادرات"), quote.speaker)
            for quote in quotes[1:]] == [(True, "سالم العبدلي")]


def test_dhakiran_after_a_comma_ends_the_quote_and_opens_its_own() -> None:
    text = ("وقال وزير المالية سالم العبدلي إن الموازنة الجديدة متماسكة وقادرة على الصمود، ذاكراً أن الحكومة ركزت"
            " على دعم الإنتاج وتحريك الصادرات.\n")
    assert [(quote.text, quote.speaker) for quote in _quotes(text)] == [
        ("الموازنة الجديدة متماسكة وقادرة على الصمود", "سالم العبدلي"),
        ("الحكومة ركزت على دعم الإنتاج وتحريك الصادرات", "سالم العبدلي")]


def test_zaiman_ends_the_quote_before_it() -> None:
    text = ("وقال وزير الداخلية سالم العبدلي إن مدير الشرطة غادر المدينة عقب تدخل الأجهزة الأمنية ،زاعماً أن"
            " المدير هرب خوفا من المساءلة.\n")
    assert [quote.text for quote in _quotes(text)] == [
        "مدير الشرطة غادر المدينة عقب تدخل الأجهزة الأمنية", "المدير هرب خوفا من المساءلة"]
