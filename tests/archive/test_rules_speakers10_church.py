"""Church titles printed with the name (issue 10, the eighth set's speaker round, 2 December 2026).

The press prints a pope's, a patriarch's or a bishop's title with his name as it prints a king's
("قداسة البابا فلان"، "غبطة البطريرك فلان"، "نيافة الأنبا فلان"): the title is the honorific, the name is
what follows it, for the extraction, the stored name keys and the benchmark's comparison alike.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import extract
from archive.text.names import name_key, split_honorific


def _speakers(text: str) -> list[tuple[str | None, str | None]]:
    proposals = extract(text)
    quotes = sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)
    return [(quote.speaker, quote.honorific) for quote in quotes]


def test_a_popes_holiness_and_title_are_his_honorific() -> None:
    text = "وقال قداسة البابا يوحنا الثالث عشر إن السلام ممكن بين الشعوب كلها."
    [(speaker, honorific)] = _speakers(text)
    assert speaker == "يوحنا الثالث عشر"
    assert honorific is not None and "البابا" in honorific


def test_the_pope_with_his_name_after_a_verb_of_speech_speaks() -> None:
    assert [speaker for speaker, _ in _speakers("وأكد البابا أنطونيوس أن الرحمة طريق الناس إلى بعضهم.")] \
        == ["أنطونيوس"]


def test_a_bishops_eminence_and_title_are_no_part_of_his_name() -> None:
    assert [speaker for speaker, _ in _speakers("وقال نيافة الأنبا مرقس إن المحبة تجمع أبناء المدينة.")] \
        == ["مرقس"]


def test_a_patriarchs_beatitude_is_his_honorific() -> None:
    text = "وقال غبطة البطريرك يوسف حنا الخوري إن البلاد تحتاج إلى حكومة جديدة."
    assert [speaker for speaker, _ in _speakers(text)] == ["يوسف حنا الخوري"]


def test_church_titles_split_from_the_name_as_a_kings_does() -> None:
    assert split_honorific("قداسة البابا يوحنا الثالث عشر") == ("قداسة البابا", "يوحنا الثالث عشر")
    assert split_honorific("غبطة البطريرك يوسف الخوري") == ("غبطة البطريرك", "يوسف الخوري")
    assert name_key("البابا أنطونيوس") == name_key("أنطونيوس")
    assert name_key("نيافة الأنبا مرقس") == name_key("مرقس")
    assert name_key("الملك فيصل") == name_key("فيصل")


def test_a_regnal_number_of_two_words_ends_the_name_before_what_he_did() -> None:
    text = "التقى البابا يوحنا الثالث عشر السفراء اليوم. وقال البابا إن السلام ممكن في العالم كله."
    assert [speaker for speaker, _ in _speakers(text)] == ["يوحنا الثالث عشر"]
