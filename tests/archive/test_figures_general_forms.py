"""Forms of figures and non-figures that any newspaper prints (issue 10, class 6).

Every sentence here is our own. Each rule is one general form of Arabic press, not one article's
wording: a number after "هذا العام" that carries a scale and a counted noun, a definite scale word
("حاجز المليار دولار"), the second number of a pair of labels ("المادتين 12 و13"), an anniversary
("الذكرى الـ50"), a circumstance after an edition ("القمة 32 بحضور"), and the count of a list the
article itself presents ("إليكم خمس نقاط").
"""

from __future__ import annotations

import pytest

from archive.importing.extraction import extract


def _figures(text: str) -> list[str]:
    return [figure.text for figure in extract(text).statistics]


def _values(text: str) -> list[tuple[str, float | None, str | None]]:
    return [(figure.text, figure.value, figure.unit) for figure in extract(text).statistics]


@pytest.mark.parametrize(("text", "figure"), [
    ("ويتجاوز عدد الزوار هذا العام 6 آلاف زائر من الخارج.", "6 آلاف زائر"),
    ("واستقبل المعرض في العام الحالي 12 ألف زائر.", "12 ألف زائر"),
    ("وسجلت المنصة خلال العام 40 مليون مشاهدة.", "40 مليون مشاهدة"),
    ("ويرتقب أن يشارك حتى 50 متطوعا في التنظيم.", "50 متطوعا"),
])
def test_a_count_after_a_year_word_is_a_figure(text: str, figure: str) -> None:
    assert _figures(text) == [figure]


@pytest.mark.parametrize("text", [
    "وفي العام 2019 سجل 90 متدربا.",
    "ومنذ 2015 سجل 90 متدربا.",
    "وحتى 2030 يتوقع أن يسجل 90 متدربا.",
])
def test_a_year_after_a_year_word_stays_a_date(text: str) -> None:
    assert _figures(text) == ["90 متدربا"]


@pytest.mark.parametrize(("text", "expected"), [
    ("وتخطت عائدات السياحة حاجز المليار دولار هذا الموسم.", [("حاجز المليار دولار", 1e9, "USD")]),
    ("وبلغ عدد المشاهدات عتبة المليون مشاهدة في أسبوع.", [("عتبة المليون مشاهدة", 1e6, "مشاهدة")]),
    ("وتجاوز عدد الزوار حاجز المليون للمرة الأولى.", [("حاجز المليون", 1e6, None)]),
    ("ووصلت المبيعات إلى ربع المليار درهم.", [("ربع المليار درهم", 2.5e8, "AED")]),
])
def test_a_definite_scale_word_is_a_figure(text: str, expected: list[tuple[str, float, str | None]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("text", [
    "وأشار إلى أن المليون ليس رقما كبيرا في عالم اليوم، وقد سجل 90 متدربا.",
    "وبلغت الميزانية مليونا ونصف المليون دينار.",
])
def test_a_definite_scale_word_alone_or_inside_a_number_is_not_a_second_figure(text: str) -> None:
    figures = _figures(text)
    assert len(figures) == 1 and "المليون ليس" not in figures[0]


@pytest.mark.parametrize("text", [
    "واستند إلى المادتين 12 و13 من القانون، وسجل 90 متدربا.",
    "مذكرا بالفصلين 27 و28 من الدستور، وقد سجل 90 متدربا.",
    "وتنص البنود 4 و5 من الاتفاقية على ذلك، وسجل 90 متدربا.",
])
def test_the_second_of_a_pair_of_labels_is_a_label_too(text: str) -> None:
    assert _figures(text) == ["90 متدربا"]


def test_a_pair_of_counts_stays_two_figures() -> None:
    assert _figures("وشارك 40 متدربا و50 متدربة في الدورة.") == ["40 متدربا", "50 متدربة"]


@pytest.mark.parametrize("text", [
    "تحتفل الوكالة بالذكرى الـ50 لتأسيسها بحضور 90 متدربا.",
    "وبمناسبة الذكرى 50 لتأسيس الوكالة سجل 90 متدربا.",
    "وفي ذكرى 40 لإنشاء الصحيفة سجل 90 متدربا.",
])
def test_an_anniversary_is_not_a_figure(text: str) -> None:
    assert _figures(text) == ["90 متدربا"]


@pytest.mark.parametrize("text", [
    "تستضيف الرياض القمة العربية 32 بحضور 90 متدربا.",
    "وتنطلق الدورة العادية 45 بمشاركة 90 متدربا.",
    "واحتفل المعرض بنسخته 20 برعاية الوزير وسجل 90 متدربا.",
])
def test_a_circumstance_after_an_edition_is_not_what_it_counts(text: str) -> None:
    assert _figures(text) == ["90 متدربا"]


@pytest.mark.parametrize("text", [
    "إليكم خمس نقاط رئيسية من الخطاب، وقد سجل 90 متدربا.",
    "وإليك 7 أمور يجب معرفتها عن المعرض الذي سجل فيه 90 متدربا.",
])
def test_the_count_of_the_articles_own_list_is_not_a_figure(text: str) -> None:
    assert _figures(text) == ["90 متدربا"]


@pytest.mark.parametrize("text", [
    "وفي عامها الـ25 سجلت الجمعية 90 متدربا.",
    "وبمناسبة عيد ميلادها الـ50 سجلت الجريدة 90 متدربا.",
    "وفي موسمه الـ12 يستقبل المهرجان 90 متدربا.",
])
def test_digits_after_the_article_and_a_possessed_noun_are_an_ordinal(text: str) -> None:
    assert _figures(text) == ["90 متدربا"]


def test_digits_after_the_article_still_count_after_a_plain_noun() -> None:
    assert _figures("وقيم التقرير أداء الـ40 مؤسسة حكومية.") == ["الـ40 مؤسسة"]


@pytest.mark.parametrize("text", [
    "وفي القرن 21 سجل المعهد 90 متدربا.",
    "ويقع المقر في شارع 15 وسجل 90 متدربا.",
])
def test_a_century_or_a_street_number_is_a_label(text: str) -> None:
    assert _figures(text) == ["90 متدربا"]


@pytest.mark.parametrize(("text", "figure"), [
    ("وارتفعت الصادرات بنسبة %12 خلال الربع الأول.", "%12"),
    ("وبلغت نسبة المشاركة ٪45 في الدورة.", "٪45"),
])
def test_a_percent_sign_typed_before_the_number(text: str, figure: str) -> None:
    assert _values(text) == [(figure, float(figure[1:]), "percent")]


@pytest.mark.parametrize(("text", "figure"), [
    ("وشارك في الملتقى ما يربو على 500 مشارك.", "ما يربو على 500 مشارك"),
    ("وشارك في الملتقى ما يناهز 500 مشارك.", "ما يناهز 500 مشارك"),
    ("وشارك في الملتقى ما يفوق 500 مشارك.", "ما يفوق 500 مشارك"),
    ("وبلغ عدد المشاركين في المنتدى 3500 تقريبا.", "3500 تقريبا"),
])
def test_approximations_before_and_after_the_number_are_in_the_figure(text: str, figure: str) -> None:
    statistics = extract(text).statistics
    assert [statistic.text for statistic in statistics] == [figure]
    assert statistics[0].approximation is not None and statistics[0].unit != "تقريبا"


@pytest.mark.parametrize(("text", "figure"), [
    ("وشارك في الملتقى قرابة الألف مشارك.", "قرابة الألف مشارك"),
    ("وتجاوزت المبيعات حاجز الألف نسخة.", "حاجز الألف نسخة"),
])
def test_the_thousand_with_the_article_is_a_figure(text: str, figure: str) -> None:
    assert _figures(text) == [figure]


@pytest.mark.parametrize(("text", "figure"), [
    ("وشهد اليوم الأخير إقامة حلقتي عمل عن الإعلام الرقمي.", "حلقتي عمل"),
    ("وتضمن البرنامج جلستين حواريتين مع الخبراء.", "جلستين حواريتين"),
    ("ووقع الجانبان مذكرتي تفاهم في مجال التدريب.", "مذكرتي تفاهم"),
    ("ونظمت الوزارة ورشتي عمل للصحفيين الشباب.", "ورشتي عمل"),
])
def test_a_dual_of_a_session_or_an_agreement_is_a_count_of_two(text: str, figure: str) -> None:
    assert [(value_text, value) for value_text, value, _unit in _values(text)] == [(figure, 2.0)]


@pytest.mark.parametrize("text", [
    "وناقش الطرفان نتائج الجلستين السابقتين.",
    "وأشاد بالتعاون بين الدولتين الشقيقتين.",
    "وعبر عن سعادته بمحاضرتي اليوم.",
    "وقال: إن ندوتي وحواري مع الطلبة أسعداني.",
    "ونظمت الوزارة ورشتين للصحفيين الشباب.",  # a dual alone: test_figures_classes.test_a_dual_alone_is_not_a_figure
])
def test_a_definite_dual_or_one_that_is_no_session_is_not_a_count(text: str) -> None:
    assert _figures(text) == []


def test_a_lone_tatweel_after_a_dual_is_read_without_error() -> None:
    assert _figures("وعقدت حلقتي ـ عمل، وسجل 90 متدربا.") == ["90 متدربا"]


@pytest.mark.parametrize(("text", "figure", "value"), [
    ("وخصصت الوزارة للمستشفى دعما بمليون ونصف.", "بمليون ونصف", 1_500_000),
    ("وقال إن عدد سكان الوطن العربي 400 مليون.", "400 مليون", 400_000_000),
    ("ورصدت الحكومة لذلك ثلاثة ملايين.", "ثلاثة ملايين", 3_000_000),
])
def test_a_number_with_a_scale_word_is_an_amount_even_with_nothing_counted(text: str, figure: str,
                                                                          value: float) -> None:
    assert [(found, found_value) for found, found_value, _unit in _values(text)] == [(figure, value)]


@pytest.mark.parametrize(("text", "figure"), [
    ("وانتقل عدد المواقع من صفر موقع إلى 740 موقعا.", ["صفر موقع", "740 موقعا"]),
    ("وسجلت الولاية صفر إصابة خلال الأسبوع.", ["صفر إصابة"]),
    ("وبلغ العدد وصفر إصابة جديدة.", ["صفر إصابة"]),
])
def test_zero_with_a_counted_noun_is_a_figure(text: str, figure: list[str]) -> None:
    assert _figures(text) == figure


@pytest.mark.parametrize("text", [
    "وفي شهر صفر سجل 90 متدربا.",
    "وفي 12 صفر 1445 سجل 90 متدربا.",
])
def test_the_month_safar_is_no_zero(text: str) -> None:
    assert _figures(text) == ["90 متدربا"]


@pytest.mark.parametrize(("text", "figure"), [
    ("وتغطي شبكة 5G نحو 90 مدينة.", "نحو 90 مدينة"),
    ("وعرضت الشركة شاشات 4K وسجل 90 متدربا.", "90 متدربا"),
    ("وشارك ممثلون عن مجموعة الـ20 ومجموعة السبع بحضور 90 متدربا.", "90 متدربا"),
    ("وقالت مجموعة الـ77 إن 90 متدربا سجلوا.", "90 متدربا"),
])
def test_a_number_in_a_code_or_a_group_name_is_not_a_figure(text: str, figure: str) -> None:
    assert _figures(text) == [figure]


@pytest.mark.parametrize(("text", "value"), [
    ("حيث بلغ إجمالي الزوار 45.000 زائر.", 45_000),
    ("وشارك في الدورات 2.500 متدرب.", 2_500),
    ("وبلغت الكلفة 1.500 دينار.", 1.5),  # a currency has decimals (fils): the dot stays a decimal point
    ("وسجل المؤشر 1.5 مليون مستخدم.", 1_500_000),
])
def test_a_dot_before_three_digits_groups_thousands_of_a_counted_noun(text: str, value: float) -> None:
    assert [figure_value for _text, figure_value, _unit in _values(text)] == [value]


@pytest.mark.parametrize("text", [
    "وفي العام 1445 هجري سجل 90 متدربا.",
    "ومنذ عام 622 ميلادية سجل التاريخ ذلك، وسجل 90 متدربا.",
    "وفي سنة 1446 هجرية سجل 90 متدربا.",
])
def test_a_year_named_by_its_calendar_is_a_date(text: str) -> None:
    assert _figures(text) == ["90 متدربا"]
