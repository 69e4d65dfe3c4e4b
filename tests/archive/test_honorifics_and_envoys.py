"""Honorifics of the Levant's and the Maghreb's press and an envoy's title (issue 10, leftovers).

Every sentence here is written for these tests. «فخامة» before a head of state is an honorific, not the
speaker's name; «المبعوث»/«المبعوثة» is a title like «المندوب», so the name after «المبعوث الأممي إلى
بلد» is the speaker; «فخامته» refers back to the person printed with «فخامة».
"""

from __future__ import annotations

from archive.importing.extraction import QuoteProposal, extract

_SAID = "الحوار الوطني هو الطريق الوحيد للخروج من الأزمة الحالية في البلاد"


def _quotes(text: str) -> list[QuoteProposal]:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_fakhama_before_the_president_is_an_honorific_not_his_name() -> None:
    quotes = _quotes(f"وقال فخامة الرئيس كمال الحداد إن {_SAID}.")
    assert [(quote.speaker, quote.honorific, quote.speaker_title) for quote in quotes] == [
        ("كمال الحداد", "فخامة", "الرئيس")]


def test_the_envoy_to_a_country_is_a_title_and_the_name_after_it_speaks() -> None:
    quotes = _quotes(f"وقال المبعوث الأممي إلى اليمن سامر الحلبي إن {_SAID}.")
    assert [(quote.speaker, quote.speaker_title) for quote in quotes] == [("سامر الحلبي", "المبعوث الأممي إلى اليمن")]


def test_a_woman_envoy_is_a_title_too() -> None:
    quotes = _quotes(f"وأكدت المبعوثة الخاصة ريم العطار أن {_SAID}.")
    assert [quote.speaker for quote in quotes] == ["ريم العطار"]


def test_fakhamatuhu_refers_back_to_the_person_printed_with_fakhama() -> None:
    text = (f"استقبل فخامة الرئيس كمال الحداد الوفد في القصر مساء أمس. "
            f"وأكد فخامته أن {_SAID}.")
    assert [quote.speaker for quote in _quotes(text)] == ["كمال الحداد"]


# "دولة" and "سيادة" are honorifics only before a title word or a rank (lexicon.TITLED_HONORIFICS).

def test_dawla_before_prime_minister_is_an_honorific() -> None:
    quotes = _quotes(f"وقال دولة رئيس الوزراء حسان العبدالله إن {_SAID}.")
    assert [(quote.speaker, quote.honorific) for quote in quotes] == [("حسان العبدالله", "دولة")]


def test_siyada_before_a_rank_is_an_honorific() -> None:
    quotes = _quotes(f"وقال سيادة اللواء سمير الحسن إن {_SAID}.")
    assert [(quote.speaker, quote.honorific) for quote in quotes] == [("سمير الحسن", "سيادة")]


def test_dawla_before_a_country_and_siyada_before_a_country_are_no_honorifics() -> None:
    text = f"وأكد الوزير خالد الرميثي أن احترام سيادة لبنان ودعم دولة قطر للمبادرة، وأن {_SAID}."
    proposals = extract(text)
    assert [(person.name, person.honorific) for person in proposals.people] == [("خالد الرميثي", None)]
