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


def test_what_follows_the_unit_is_kept_up_to_a_time_or_a_new_clause() -> None:
    text = ("وشارك في الملتقى 120 متحدثا من مختلف الدول العربية. "
            "واستقبل المخيم 300 لاجئ منذ بداية الشهر. ونظمت الجمعية 4 ورش خلال الأسبوع.")
    assert _subjects(text) == [("120 متحدثا", "متحدثا من مختلف الدول العربية"),
                               ("300 لاجئ", None), ("4 ورش", None)]


def test_the_verb_between_a_measure_and_its_figure_is_left_out() -> None:
    text = ("وأوضح التقرير أن نسبة انتشار الإنترنت في المحافظة بلغت 90 في المائة، "
            "وأن معدل التفاعل مع المنشورات ارتفع بنسبة 30%، وأن عدد من المنصات يضم 12 قناة، "
            "وأن نسبة من يتابعون الأخبار يوميا 45%.")
    assert _subjects(text) == [("90 في المائة", "نسبة انتشار الإنترنت في المحافظة"),
                               ("30%", "معدل التفاعل مع المنشورات"), ("12 قناة", None),
                               ("45%", "نسبة من يتابعون الأخبار يوميا")]


def test_a_subject_read_after_the_figure_ends_before_a_dangling_preposition_or_a_part_of_it() -> None:
    assert _subjects("ووزعت الجمعية 300 حقيبة مدرسية في 12 مدرسة.") == [
        ("300 حقيبة", "حقيبة مدرسية"), ("12 مدرسة", None)]
    assert _subjects("ويضم الوفد 25 عضوا بينهم 4 وزراء.") == [("25 عضوا", None), ("4 وزراء", None)]
    assert _subjects("وسجلت المحافظة 7 وفيات و120 إصابة.") == [("7 وفيات", None), ("120 إصابة", None)]
    assert _subjects("وتسعى الخطة إلى 50 ألف فرصة عمل بحلول 2030.") == [("50 ألف فرصة", "فرصة عمل")]


def test_a_share_of_something_named_after_it_ends_before_a_new_clause() -> None:
    assert _subjects("وتمثل الصادرات 40 بالمائة من النفط و70 بالمائة من الغاز.") == [
        ("40 بالمائة من النفط", "النفط"), ("70 بالمائة من الغاز", "الغاز")]
    assert _subjects("وبلغت حصتها 3% من الناتج المحلي حيث وصل النمو إلى الذروة.") == [
        ("3% من الناتج", "الناتج المحلي")]
