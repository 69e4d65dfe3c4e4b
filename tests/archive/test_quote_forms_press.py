"""Quote forms of real press that were not found at all (issue 10, class 3), on our own sentences."""

from __future__ import annotations

from archive.importing.extraction import extract
from archive.text.names import name_tokens


def _quotes(text: str) -> list:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_a_family_name_in_guillemets_right_after_the_verb_is_the_speaker() -> None:
    text = ("عقد وزير المالية الدكتور حسام فريد البنا مؤتمرا صحفيا اليوم.\n"
            "وأوضح «البنا» أن العجز تراجع إلى أدنى مستوى منذ عشر سنوات.")
    [quote] = _quotes(text)
    assert quote.text == "العجز تراجع إلى أدنى مستوى منذ عشر سنوات"
    assert quote.speaker == "حسام فريد البنا"


def test_a_compound_family_name_in_double_quotes_then_a_circumstance_then_ila_anna() -> None:
    text = ("قال الخبير الاقتصادي الدكتور عبد الرحيم عبد الباسط إن الأسواق مستقرة.\n"
            "وأشار \"عبد الباسط\"، خلال اتصال هاتفي ببرنامج \"صباح الخير\"، اليوم الأحد، إلى أن "
            "الاستثمار في القارة يفتح أسواقا جديدة للصناعة.")
    quotes = _quotes(text)
    assert quotes[1].text == "الاستثمار في القارة يفتح أسواقا جديدة للصناعة"
    assert {"عبدالرحيم", "عبدالباسط"} <= set(name_tokens(quotes[1].speaker))


def test_a_profession_before_a_plain_name_is_a_title() -> None:
    [quote] = _quotes("قال الناشر كريم فتحي، إن الإقبال على الجناح فاق كل التوقعات هذا العام.")
    assert quote.speaker == "كريم فتحي" and quote.speaker_title == "الناشر"


def test_the_feminine_bayyanat_without_shadda_is_a_verb_before_a_title() -> None:
    text = ("وبينت الوزيرة سهى منير العبادي خلال رعايتها احتفال الجامعة بعيد تأسيسها، أن التعليم "
            "الرقمي أصبح ضرورة لا ترفا.")
    [quote] = _quotes(text)
    assert quote.text == "التعليم الرقمي أصبح ضرورة لا ترفا"
    assert quote.speaker == "سهى منير العبادي"
