"""A figure's subject is what it counts, never its unit alone (issue 10, item 3). Our own sentences.

"رفع مساهمة القطاع في الاقتصاد من 10% إلى 25%": both percentages are the contribution;
"زيادة الوظائف الرقمية إلى 3 ملايين وظيفة": the jobs, not "وظيفة"; "بلغ عدد العارضين 1 200 عارض":
the number of exhibitors. With nothing but the unit to go on ("من 40 دولة") the subject stays empty.
"""

from __future__ import annotations

from archive.importing.extraction import extract


def _subjects(text: str) -> list[tuple[str, str | None]]:
    return [(figure.text, figure.subject) for figure in extract(text).statistics]


def test_a_rise_from_one_share_to_another_is_about_what_rises() -> None:
    text = ("وأوضح الوزير أن الخطة تستهدف رفع مساهمة قطاع السياحة في الاقتصاد من 10% إلى 25% "
            "بحلول نهاية العقد.")
    assert _subjects(text) == [("10%", "مساهمة قطاع السياحة في الاقتصاد"),
                               ("25%", "مساهمة قطاع السياحة في الاقتصاد")]


def test_a_count_raised_to_a_figure_is_about_what_is_raised() -> None:
    text = "وتعمل الهيئة على زيادة فرص العمل الرقمي إلى 3 ملايين وظيفة، مع تدريب الشباب."
    assert _subjects(text) == [("3 ملايين وظيفة", "فرص العمل الرقمي")]


def test_the_number_of_named_before_the_figure_is_its_subject() -> None:
    text = "وفي الدورة الماضية بلغ عدد العارضين 1 200 عارض."
    assert _subjects(text) == [("1 200 عارض", "عدد العارضين")]


def test_the_unit_alone_is_no_subject() -> None:
    text = "وشارك في المنتدى نخبة من الخبراء من 40 دولة، لبحث مستقبل الإعلام. ووفرت الخطة 500 وظيفة."
    assert _subjects(text) == [("40 دولة", None), ("500 وظيفة", None)]


def test_a_share_of_something_named_after_it_keeps_that_subject() -> None:
    text = "وتشكل الصناعات الخضراء 5% من الناتج المحلي."
    assert _subjects(text) == [("5% من الناتج", "الناتج المحلي")]
