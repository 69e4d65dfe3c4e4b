"""A body's name never opens with an interview or an occasion and never ends on a bare preposition: "في حوار خاص
لـ«قناة ...»" after a speaker's name says where he spoke, it is no organisation of his
(``organisations.organisation_in``). Issue 10, review round of 3 December 2026.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import extract

_TEXT = ("قال وزير الإعلام البحريني، سالم العبدلي، إن بلاده تسعى لدعم التعاون المشترك في كل المجالات.\n"
         "وأكد «العبدلي» في حوار خاص لـ«قناة النيل»، أن البحرين تأمل في الاستفادة من خبرة مصر في الإعلام.\n")


def test_an_interview_after_the_name_is_no_organisation() -> None:
    proposals = extract(_TEXT)
    organisations = {quote.organisation for quote in (*proposals.quotes, *proposals.further_quotes)}
    organisations |= {person.organisation for person in proposals.people}
    assert not any(name and ("حوار" in name or name.endswith("لـ")) for name in organisations), organisations


def test_a_body_after_the_preposition_is_still_the_organisation() -> None:
    """The guard: "مدير الإعلام في هيئة الطيران المدني" still works for the body named after في."""
    text = ("قال سالم العبدلي مدير الإعلام في هيئة الطيران المدني إن المطار سيفتتح في الربيع المقبل.\n")
    quote = extract(text).quotes[0]
    assert quote.speaker == "سالم العبدلي"
    assert quote.organisation == "هيئة الطيران المدني"


def test_an_occasion_further_on_after_the_preposition_is_no_organisation() -> None:
    """ "في أروقة منتدى ...": the forum is where he spoke, named after a word that is no body."""
    text = ("وقال وزير الخارجية الأذربيجاني سالم العبدلي لوسائل الإعلام في أروقة منتدى الحوار الإقليمي إن بلاده "
            "تدعم الحل السياسي.\n")
    quote = extract(text).quotes[0]
    assert quote.speaker == "سالم العبدلي"
    assert quote.organisation is None
