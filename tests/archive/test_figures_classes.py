"""Classes of numbers that are not headline figures (issue 10), and two kinds of figures that are.

Every sentence here is our own. Each holds one number that is not a figure beside one that is
("90 متدربا"), so a test fails both when the false figure is proposed and when the real one is lost.
"""

from __future__ import annotations

import pytest

from archive.importing.extraction import extract


def _figures(text: str) -> list[str]:
    return [figure.text for figure in extract(text).statistics]


@pytest.mark.parametrize("text", [
    # compound ordinals: an edition, not a count of ten
    "في دورته الرابعة عشرة شارك 90 متدربا.",
    "افتتحت الدورة الحادية عشرة للمعرض بحضور 90 متدربا.",
    "وفي نسخته الثالثة عشرة استقبل المعرض 90 متدربا.",
    "وفي دورته الحادية والعشرين استقبل المعرض 90 متدربا.",
])
def test_compound_ordinals_are_editions(text: str) -> None:
    assert _figures(text) == ["90 متدربا"]


@pytest.mark.parametrize("text", [
    "للاستفسار يمكن الاتصال على الرقم 80012345 أو زيارة الموقع، وقد سجل 90 متدربا.",
    "للتواصل: هاتف 24681357 ويستقبل المركز 90 متدربا.",
    "سجل 90 متدربا عبر الخط الساخن 1800 للوزارة.",
    "سجل 90 متدربا، وللحجز يرجى الاتصال بالرقم 0096824123456.",
    "سجل 90 متدربا عبر الواتساب +96891234567 قبل الموعد.",
])
def test_phone_numbers_are_not_figures(text: str) -> None:
    assert _figures(text) == ["90 متدربا"]


@pytest.mark.parametrize("text", [
    "ترسل الطلبات إلى ص.ب 1234 الرمز البريدي 112، وقد سجل 90 متدربا.",
    "سجل 90 متدربا، والعنوان صندوق بريد 4455 مسقط.",
])
def test_postal_codes_are_not_figures(text: str) -> None:
    assert _figures(text) == ["90 متدربا"]


@pytest.mark.parametrize("text", [
    # a number after a definite noun labels it (the room, the floor, the meeting, the week)
    "شارك 90 متدربا في القاعة 5 بالطابق 2 من المبنى.",
    "حضر الاجتماع 45 لمجلس وزراء الإعلام 90 متدربا.",
    "يعقد الاجتماع (45) لمجلس الوزراء بحضور 90 متدربا.",
    "شارك 90 متدربا في الأسبوع 12 من الموسم الثقافي.",
    "تستضيف الصالة 3 في مركز المعارض 90 متدربا.",
    # a number inside a programme's or a channel's name
    "شارك 90 متدربا في برنامج \"الإعلام 360\" الأسبوعي.",
    "سجل 90 متدربا في حوار بثته قناة المدينة 24.",
])
def test_numbers_that_label_or_name_something_are_not_figures(text: str) -> None:
    assert _figures(text) == ["90 متدربا"]


@pytest.mark.parametrize("text", [
    # what follows the number is a verb or a definite word: nothing is counted
    "وأكد أن الرمز 112 يحفظ بيانات 90 متدربا.",
    "استقبل المعهد 90 متدربا، وكان المقعد 7 الأقرب إلى المنصة.",
])
def test_a_verb_or_a_definite_word_is_not_what_a_number_counts(text: str) -> None:
    assert _figures(text) == ["90 متدربا"]


@pytest.mark.parametrize(("text", "figures"), [
    ("استقبل المركز 90 متدربا في قاعته الكبرى.", ["90 متدربا"]),
    ("حلت المملكة في المركز 3 عالميا، وسجل 90 متدربا.", ["90 متدربا"]),
    ("حصل الفريق على المركز 2 في المسابقة التي شارك فيها 90 متدربا.", ["90 متدربا"]),
])
def test_a_centre_counts_and_a_rank_does_not(text: str, figures: list[str]) -> None:
    assert _figures(text) == figures


@pytest.mark.parametrize(("text", "figure"), [
    ("وبلغ عدد المتدربين 90 في الدورة الأولى.", "90"),
    ("ووصل عدد الزوار إلى 5000 خلال يوم الافتتاح.", "5000"),
    ("وارتفع عدد الصحف من 8 إلى 12.", "8"),
])
def test_a_bare_number_after_the_count_it_gives_is_a_figure(text: str, figure: str) -> None:
    assert figure in _figures(text)


def test_a_dual_compared_with_a_count_of_the_same_noun_is_a_figure() -> None:
    figures = extract("وارتفع عدد الصحف اليومية من صحيفتين محليتين إلى 12 صحيفة، كما زاد 90 متدربا.").statistics
    assert [(figure.text, figure.value) for figure in figures] == [
        ("صحيفتين محليتين", 2), ("12 صحيفة", 12), ("90 متدربا", 90)]


@pytest.mark.parametrize("text", [
    "وعقد الجانبان جلسة مباحثات بحضور 90 متدربا.",
    "وناقش الوزيران في جلستين العلاقات بين البلدين، بحضور 90 متدربا.",
    "يستمر المعرض يومين ويستقبل 90 متدربا.",
])
def test_a_dual_alone_is_not_a_figure(text: str) -> None:
    assert _figures(text) == ["90 متدربا"]


def test_a_number_word_after_a_glued_conjunction_is_a_figure() -> None:
    figures = extract("ويتضمن البرنامج خمس جلسات حوارية وثماني حلقات عمل.").statistics
    assert [(figure.text, figure.value) for figure in figures] == [("خمس جلسات", 5), ("ثماني حلقات", 8)]


@pytest.mark.parametrize(("text", "figures"), [
    ("وقال مدير المركز للصحيفة: 90 متدربا حضروا الافتتاح.", ["90 متدربا"]),
    ("بدأت الجلسة عند 10:30 بحضور 90 متدربا.", ["90 متدربا"]),
    ("يستمر البرنامج 2024-2026 بمشاركة 90 متدربا.", ["90 متدربا"]),
])
def test_a_count_after_a_colon_is_a_figure_and_a_time_is_not(text: str, figures: list[str]) -> None:
    assert _figures(text) == figures


@pytest.mark.parametrize(("text", "figures"), [
    ("وكرم المنتدى في ختامه الـ 100 شخصية الأكثر تأثيرا في الإعلام العربي.", ["الـ 100 شخصية"]),
    ("واستعرض التقرير أداء الـ40 مؤسسة المشاركة في البرنامج.", ["الـ40 مؤسسة"]),
    ("انطلقت الدورة الـ 15 للمعرض بحضور 90 متدربا.", ["90 متدربا"]),
    ("وتعقد القمة الـ33 بمشاركة 90 متدربا.", ["90 متدربا"]),
    # after a definite word the article and digits are an edition: "القمة الخليجية الـ45"
    ("وتنطلق القمة الخليجية الـ45 بمشاركة 90 متدربا.", ["90 متدربا"]),
    ("وعقد الاجتماع الوزاري الـ 45 لوزراء الإعلام بحضور 90 متدربا.", ["90 متدربا"]),
    ("وخلال الـ 3 أيام الماضية سجل 90 متدربا.", ["90 متدربا"]),
])
def test_a_count_written_with_the_article_is_a_figure_and_an_edition_is_not(text: str, figures: list[str]) -> None:
    assert _figures(text) == figures


def test_an_edition_after_a_possessed_event_noun_is_not_a_count() -> None:
    assert _figures("استضاف المركز في لقائه الـ30 وزارة الإعلام بحضور 90 متدربا.") == ["90 متدربا"]


@pytest.mark.parametrize("text", [
    "سجل 90 متدربا في الفترة من 10 صباحا حتى الظهر.",
    "يفتح المعرض أبوابه 4 عصرا ويستقبل 90 متدربا.",
    "بموجب القرار 120 لسنة 2023 سجل 90 متدربا.",
    "وبحسب القانون 15 لعام 2020 سجل 90 متدربا.",
    "ونص المرسوم 35 على تدريب 90 متدربا.",
])
def test_times_and_law_numbers_are_not_figures(text: str) -> None:
    assert _figures(text) == ["90 متدربا"]


@pytest.mark.parametrize("text", [
    "وجاءت المدينة الـ15 عالميا في المؤشر، وسجل 90 متدربا.",
    "وحلت الجامعة 150 عالميا في التصنيف، وسجل 90 متدربا.",
])
def test_a_rank_where_is_not_a_counted_noun(text: str) -> None:
    assert _figures(text) == ["90 متدربا"]


def test_n_of_every_m_is_one_figure_read_as_a_share() -> None:
    figures = extract("وأظهر الاستطلاع أن 3 من كل 4 قراء يفضلون الأخبار القصيرة.").statistics
    assert [(figure.text, figure.value, figure.unit) for figure in figures] == [("3 من كل 4 قراء", 75.0, "percent")]


@pytest.mark.parametrize(("text", "figures"), [
    ("شارك 2000 متدرب في البرنامج.", ["2000 متدرب"]),
    ("واستقبل المعرض 1950 زائرا في يومه الأول.", ["1950 زائرا"]),
    ("وفي 2025 افتتح المعرض بحضور 90 متدربا.", ["90 متدربا"]),
    ("ضمن رؤية 2030 الطموحة سجل 90 متدربا.", ["90 متدربا"]),
    ("وأكد أن بطولة الخليج 2026 تشكل فرصة كبيرة، وسجل 90 متدربا.", ["90 متدربا"]),
    ("واختتم المعرض بمشاركة أكثر من 2000 عارض.", ["أكثر من 2000 عارض"]),
])
def test_a_count_that_looks_like_a_year_is_a_count(text: str, figures: list[str]) -> None:
    assert _figures(text) == figures


def test_the_counted_noun_is_kept_without_its_vowel_marks() -> None:
    figures = extract("ويشهد المؤتمر مشاركة 1800 شخصٍ و30 إعلامياً.").statistics
    assert [(figure.value, figure.unit) for figure in figures] == [(1800, "شخص"), (30, "إعلاميا")]
