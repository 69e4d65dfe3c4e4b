"""A few words in marks that the reporter's sentence goes on after are a name, not what was said: the outlet the
words were said to ("في حوار خاص لـ«قناة الخليج الأولى»، أن ..."), a body as the verb's subject ("كشف “الاتحاد
العام للصحفيين العرب” عن ..."), a campaign ("إطلاق “حملة إعلامية عالمية” لمنع ..."). Words in marks that close
the sentence or are followed by a new attribution are speech. Issue 10, round of 3 December 2026
(`quote_openings._name_in_marks`).

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import QuoteProposal, extract


def _quotes(text: str) -> list[QuoteProposal]:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_the_outlet_in_marks_is_no_quote_the_words_after_that_are() -> None:
    text = ("وأكد وزير الإعلام سالم العبدلي في حوار خاص لـ«قناة الخليج الأولى»، أن البلاد تأمل في الاستفادة "
            "من خبرات جيرانها.\n")
    assert [quote.text for quote in _quotes(text)] == ["البلاد تأمل في الاستفادة من خبرات جيرانها"]


def test_a_body_in_marks_as_the_verbs_subject_is_no_quote() -> None:
    text = ("وقال وزير الإعلام سالم العبدلي إن المؤتمر كان ناجحا جدا.\n"
            "كشف “الاتحاد العام للصحفيين العرب” عن موعد مؤتمره العام المقبل في القاهرة.\n")
    assert [quote.text for quote in _quotes(text)] == ["المؤتمر كان ناجحا جدا"]


def test_few_words_in_marks_before_a_new_attribution_or_the_end_are_speech() -> None:
    """The guards: marks closing the sentence, or followed by a participle of speech, hold the words."""
    followed = "وقال وزير الإعلام سالم العبدلي \"نحن مع الحوار دائما\"، مضيفا أن الباب مفتوح للجميع دون استثناء.\n"
    closing = "وأكد وزير الإعلام سالم العبدلي “لن نتراجع عن قرارنا”.\n"
    assert [quote.text for quote in _quotes(followed)] == ["نحن مع الحوار دائما", "الباب مفتوح للجميع دون استثناء"]
    assert [quote.text for quote in _quotes(closing)] == ["لن نتراجع عن قرارنا"]
