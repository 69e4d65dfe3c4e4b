"""Two given names before "بن" after a post and its place, and an initial with its dot (issue 10, seventh
set's round, 2 December 2026):
"سفير ماليزيا في عمان محمد نصري بن عبد الرحمن" names محمد نصري بن عبد الرحمن; the one plain word between
the post and the name read from "X بن Y" is his first given name, not a word describing the post.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from tests.archive.extracted import quote_speakers


def test_the_first_given_name_before_bin_is_part_of_the_name() -> None:
    text = ("أكد سفير إندونيسيا في الرباط أحمد فوزي بن حسن، متانة العلاقات بين البلدين.\n"
            "وقال السفير إن «نحو ألف طالب يدرسون في الجامعات المغربية».")
    assert quote_speakers(text) == ["أحمد فوزي بن حسن"]


def test_a_place_before_the_name_stays_out_of_it() -> None:
    """Guard: a place between the post and "X بن Y" is the post's, not a given name."""
    text = "وقال رئيس تحرير صحيفة أخبار عمان صالح بن عبدالله إن الصحيفة ستصدر يوميا."
    assert quote_speakers(text) == ["صالح بن عبدالله"]


def test_an_initial_with_its_dot_is_part_of_a_foreign_name() -> None:
    """A Latin letter as Arabic spells it ("إس"، "جي") with a glued dot is an initial: the name goes on."""
    text = ("صرح وزير الخارجية الهندي إس. راماسوامي، إن العلاقات مع روسيا تتطور.\n"
            "وأضاف راماسوامي: «البلدان يتبادلان وجهات النظر بشأن الأوضاع العالمية».")
    assert quote_speakers(text)[-1] == "إس. راماسوامي"


def test_a_sentence_ending_after_a_short_name_does_not_join_the_next() -> None:
    """Guard: a short given name before a full stop is no initial ("علي" is no Latin letter)."""
    text = "وقال الوزير علي. وأضاف أن «العمل مستمر»."
    assert "علي. وأضاف" not in str(quote_speakers(text))
