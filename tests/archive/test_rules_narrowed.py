"""Rules of the third set's round narrowed to their evidence, after the fourth fresh set (never studied
until then) showed them taking cases they must not (issue 10, 2 December 2026 from 21:00).

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import QuoteProposal, extract


def _quotes(text: str) -> list[QuoteProposal]:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


# A name after its title ends at a clear stop, and one more plain word before that stop is the family name
# no list knows ("محمد المهدي بنسعيد، أن"). An opening quotation mark is no such stop: it opens the name of
# the thing the word before it designates ("فعالية «...»"، "مبادرة «...»"), the object of the verb.

def test_a_word_before_a_name_in_marks_is_no_family_name() -> None:
    text = ("افتتح وزير الثقافة والشباب سالم الحربي فعالية «الكتاب للجميع» التي تقيمها الوزارة في العاصمة.\n"
            "وقال الوزير الحربي في تصريح صحافي إنها تعكس التزام الدولة بالثقافة.")
    assert [quote.speaker for quote in _quotes(text)] == ["سالم الحربي"]


def test_a_family_name_before_a_closing_mark_or_a_comma_still_closes_the_name() -> None:
    text = "وأكد وزير الشباب والثقافة محمد المهدي بنسعيد، أن الوزارة ستدعم المهرجانات المحلية."
    assert [quote.speaker for quote in _quotes(text)] == ["محمد المهدي بنسعيد"]
