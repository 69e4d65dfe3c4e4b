""""، جاء ذلك في كلمته ..." is the reporter's frame for the words just given: reported speech ends before it,
as it ends before "، وذلك خلال ...". Issue 10, round of 3 December 2026 (`quote_spans._REPORTER_FRAME`).

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import QuoteProposal, extract


def _quotes(text: str) -> list[QuoteProposal]:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_reported_speech_ends_before_its_frame() -> None:
    text = ("وأكد وزير البيئة سالم العبدلي أن الإعلام البيئي بات بالغ الأهمية في ظل التحديات المتزايدة ، جاء"
            " ذلك في كلمته في افتتاح أعمال الملتقى الأول للإعلام البيئي.\n")
    assert [quote.text for quote in _quotes(text)] == [
        "الإعلام البيئي بات بالغ الأهمية في ظل التحديات المتزايدة"]


def test_speech_after_a_colon_ends_before_its_frame() -> None:
    text = ("وقال وزير البيئة سالم العبدلي: نعمل مع شركائنا على حماية السواحل من التلوث، وجاء ذلك خلال زيارته"
            " لمحمية الشاطئ الشمالي.\n")
    assert [quote.text for quote in _quotes(text)] == ["نعمل مع شركائنا على حماية السواحل من التلوث"]


def test_came_without_that_goes_on() -> None:
    """The guard: "جاء" with anything but "ذلك" is the speaker's own verb ("جاء الوقت")."""
    text = ("وأكد وزير البيئة سالم العبدلي أن العمل المشترك ضروري، جاء الوقت لتوحيد الجهود في حماية"
            " السواحل.\n")
    assert [quote.text for quote in _quotes(text)] == [
        "العمل المشترك ضروري، جاء الوقت لتوحيد الجهود في حماية السواحل"]
