"""أن governed by a modal verb or a conjunction ("وينبغي أن"، "ويكفي أنه"، "خاصة أن"، "دون أن"، "بعد أن"، "لا بد
أن") opens no reported words: its clause is the sentence going on. A verb of speech looking ahead for its أن
passed such a clause and proposed it as the speaker's words. Issue 10, round of 3 December 2026
(`quote_openings._governed_that`).

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from archive.importing.extraction import QuoteProposal, extract


def _quotes(text: str) -> list[QuoteProposal]:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


@pytest.mark.parametrize("sentence", [
    "وأكد الوزير سالم العبدلي حرص الحكومة على الإصلاح الاقتصادي، خاصة أن الأزمة الحالية تتطلب جهودا كبيرة من الجميع.",
    "وأوضح الوزير سالم العبدلي تفاصيل الموازنة الجديدة للصحفيين، وينبغي أن ينخفض العجز في العام القادم إلى مستوى أدنى.",
    "وأشار الوزير سالم العبدلي إلى ارتفاع الأسعار، بعد أن شهدت الأسواق موجة غلاء في الأشهر الأخيرة من العام.",
    "وأكد الوزير سالم العبدلي أهمية الإصلاح، ولا بد أن تتعاون كل المؤسسات في تنفيذه خلال المرحلة المقبلة.",
])
def test_a_governed_that_opens_no_words(sentence: str) -> None:
    """A verb of speech with a topic ("أكد حرص ..."، "أشار إلى ارتفاع ...") reports no words; the أن its sentence
    goes on with, governed by "خاصة"، "ينبغي"، "بعد"، "لا بد", is no opening of them."""
    assert _quotes(sentence + "\n") == []


def test_the_marked_words_are_found_past_a_governed_that() -> None:
    text = ("وقالت الناطقة سلمى العبدلي إن الحكومة لا تتدخل في شؤون الآخرين. وشددت العبدلي \"لا يمكن لي الإساءة إلى"
            " أحد، فأنا أحترم الجميع ويكفي أنه ترك منصبه. وهذا رأي شخصي\". واعترضت على وصف الصحيفة.\n")
    assert [quote.text for quote in _quotes(text)] == [
        "الحكومة لا تتدخل في شؤون الآخرين",
        "لا يمكن لي الإساءة إلى أحد، فأنا أحترم الجميع ويكفي أنه ترك منصبه. وهذا رأي شخصي"]


def test_that_after_a_verb_of_speech_and_its_preposition_still_opens() -> None:
    """The guard: "أكد على أن" and "أشار إلى أنه" are the verb's own أن, whatever word stands before it."""
    text = ("وأكد الوزير سالم العبدلي على أن الحكومة ماضية في الإصلاح الاقتصادي الشامل، وأشار إلى أنه سيزور"
            " المحافظات الجنوبية الأسبوع المقبل.\n")
    assert [quote.text for quote in _quotes(text)] == [
        "الحكومة ماضية في الإصلاح الاقتصادي الشامل", "أنه سيزور المحافظات الجنوبية الأسبوع المقبل"]
