"""Figures round of the tenth set (issue 10, helper F12): a count after the article written in words.

Digits after the article with a counted noun are a count ("أداء الـ40 مؤسسة", four outlets of the studied
sets); so is a cardinal word with the article ("الأربعين مدينة"، "والخمس جلسات"). Not a count: the tens of
a compound ordinal ("الخامس والعشرين من"), a duration ("الخمس سنوات"), a group's name ("مجموعة العشرين")
and an edition ("الذكرى الأربعين لتأسيسها"). Every sentence is our own.
"""

from __future__ import annotations

import pytest

from archive.importing.extraction import extract


def _figures(text: str) -> list[tuple[str, float | None, str | None]]:
    return [(figure.text, figure.value, figure.unit) for figure in extract(text).statistics]


@pytest.mark.parametrize(("text", "figure"), [
    ("وتحدث عن العاصمة الجديدة والأربعين مدينة الجديدة التي تبنيها الدولة.", ("الأربعين مدينة", 40.0, "مدينة")),
    ("وأشاد بأداء الثلاثين متطوعا الذين عملوا في الجناح.", ("الثلاثين متطوعا", 30.0, "متطوعا")),
    ("وأدار الخمس جلسات الأولى صحفيون من المنطقة.", ("الخمس جلسات", 5.0, "جلسات")),
    ("ووزعت اللجنة الجوائز على الثلاثمائة طالب المتفوقين.", ("الثلاثمائة طالب", 300.0, "طالب")),
])
def test_a_cardinal_word_with_the_article_and_a_counted_noun_is_a_count(
        text: str, figure: tuple[str, float, str]) -> None:
    assert _figures(text) == [figure]


@pytest.mark.parametrize("text", [
    "وانطلق المعرض في الخامس والعشرين من مايو.",
    "واحتفلت الوكالة بعيد تأسيسها التاسع والأربعين وعقد مجلسها اجتماعه.",
    "وقال إن الجمعية عملت خلال الخمس سنوات الماضية على تنظيم الملتقى.",
    "وتوقع استمرار الإصابات خلال الثلاثة أسابيع المقبلة.",
    "وحلت المملكة أولى بين دول مجموعة العشرين كأعلى اقتصاد نموا.",
    "واحتفلت الوكالة بالذكرى الأربعين لتأسيسها.",
    "وقال البابا: أبلغ اليوم السبعين من العمر.",
    "وتحتفل الدولة باليوم الوطني الواحد والخمسين وسط إنجازات كبيرة.",
    "وغنت الست أم كلثوم في القاهرة.",
])
def test_an_ordinal_a_duration_or_a_name_with_a_cardinal_word_is_no_count(text: str) -> None:
    assert _figures(text) == []
