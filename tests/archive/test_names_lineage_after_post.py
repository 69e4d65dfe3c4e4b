"""Two given names before "بن" after a post and its place (issue 10, seventh set's round, 2 December 2026):
"سفير ماليزيا في عمان محمد نصري بن عبد الرحمن" names محمد نصري بن عبد الرحمن; the one plain word between
the post and the name read from "X بن Y" is his first given name, not a word describing the post.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import extract


def _speakers(text: str) -> list[str | None]:
    proposals = extract(text)
    quotes = sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)
    return [quote.speaker for quote in quotes]


def test_the_first_given_name_before_bin_is_part_of_the_name() -> None:
    text = ("أكد سفير إندونيسيا في الرباط أحمد فوزي بن حسن، متانة العلاقات بين البلدين.\n"
            "وقال السفير إن «نحو ألف طالب يدرسون في الجامعات المغربية».")
    assert _speakers(text) == ["أحمد فوزي بن حسن"]


def test_a_place_before_the_name_stays_out_of_it() -> None:
    """Guard: a place between the post and "X بن Y" is the post's, not a given name."""
    text = "وقال رئيس تحرير صحيفة أخبار عمان صالح بن عبدالله إن الصحيفة ستصدر يوميا."
    assert _speakers(text) == ["صالح بن عبدالله"]
