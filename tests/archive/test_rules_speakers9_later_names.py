"""A family name alone names the person the article prints in full, also when the full name comes only later
(issue 10, the eighth set's speaker round, 2 December 2026): a lead names the spokesman by his family name
and prints his full name with his post further down; an interview names the guest by his family name in its
lead and prints the full name as its answers' label. Read from where the full name is printed (a line's
label, after a post or an honorific), not from a list of names.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from tests.archive.extracted import quote_speakers


def test_the_full_name_printed_later_with_the_post() -> None:
    text = ("وأوضح الخوري: مع الأخبار الأولى منذ الصباح أجرينا اتصالات عدة بالجهات المعنية.\n"
            "وأشار المتحدث باسم الحكومة الأردنية باسم الخوري إلى أن الاستعدادات قائمة منذ أشهر.")
    assert quote_speakers(text)[0] == "باسم الخوري"


def test_the_full_name_printed_later_as_an_interview_label() -> None:
    text = ("في حوار مع الوكالة، أكد السفير مونتيرو أن التهديدات ضد بلاده لم تتوقف يوما.\n"
            "الوكالة: كيف تقيمون الوضع؟\n"
            "إدواردو مونتيرو: الوضع صعب لكننا نثق بشعبنا.")
    assert quote_speakers(text)[0] == "إدواردو مونتيرو"


def test_a_later_word_that_runs_on_is_no_full_name() -> None:
    # guard: "البيت" read alone is not "باسم البيت" of "المتحدث باسم البيت الأبيض" printed later
    text = ("أكد البيت الأبيض أن الولايات المتحدة ترغب في التعاون مع الجميع دون استثناء.\n"
            "وقال المتحدث باسم البيت الأبيض، راج كومار، في مؤتمر صحفي إن الطرد قرار نهائي.")
    assert "باسم البيت" not in quote_speakers(text)


def test_a_later_name_after_a_preposition_is_no_full_name() -> None:
    # guard: "من أجل البابا" printed later names nobody
    text = ("قال البابا للمحتشدين أيها الإخوة، أجدد لكم جميعا أطيب التمنيات بالسلام.\n"
            "وصلى الحاضرون من أجل البابا ومن أجل السلام في العالم.")
    assert "أجل البابا" not in quote_speakers(text)
