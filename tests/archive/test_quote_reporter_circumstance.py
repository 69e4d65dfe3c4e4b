"""A reporter's circumstance after reported speech is not speech (issue 10, item 2).

"قال ... إن ...، وذلك خلال افتتاح المنتدى": the clause "وذلك خلال/في/على هامش/أثناء ..." says when
or where the words were said; the quote ends before it. Our own sentences.
"""

from __future__ import annotations

import pytest

from archive.importing.extraction import extract


def _quote_texts(text: str) -> list[str]:
    proposals = extract(text)
    return [quote.text for quote in sorted((*proposals.quotes, *proposals.further_quotes),
                                           key=lambda quote: quote.start)]


@pytest.mark.parametrize("circumstance", [
    "وذلك خلال افتتاح المنتدى",
    "وذلك في كلمته أمام المشاركين",
    "وذلك على هامش أعمال الدورة",
    "وذلك أثناء زيارته للمعرض",
    "وذلك لدى استقباله وفد الصحفيين",
])
def test_the_quote_ends_before_the_reporter_s_circumstance(circumstance: str) -> None:
    text = ("مسقط - العمانية\n"
            "قال وزير الإعلام سالم العلي إن الشفافية أساس الثقة بين المؤسسات والمجتمع، "
            f"{circumstance}. وأضاف أن الوزارة أطلقت 12 مبادرة خلال العام.\n")
    assert _quote_texts(text)[0] == "الشفافية أساس الثقة بين المؤسسات والمجتمع"


def test_the_speaker_s_own_reason_with_wa_dhalika_stays_in_the_quote() -> None:
    text = ("مسقط - العمانية\n"
            "وأكد وزير الإعلام سالم العلي أن الوزارة ستدرب مئة صحفي هذا العام، "
            "وذلك لرفع كفاءة العاملين في القطاع.\n")
    assert _quote_texts(text)[0] == ("الوزارة ستدرب مئة صحفي هذا العام، وذلك لرفع كفاءة العاملين في القطاع")


def test_a_marked_quote_keeps_wa_dhalika_in_its_words() -> None:
    text = ("مسقط - العمانية\n"
            "وقال سالم العلي: «سنفتتح المركز الجديد، وذلك خلال الأسبوع المقبل».\n")
    assert _quote_texts(text)[0] == "سنفتتح المركز الجديد، وذلك خلال الأسبوع المقبل"
