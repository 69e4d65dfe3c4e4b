"""Figures as newspapers the rules were not written for print them (issue 10, class 6, third fresh set).

Every sentence here is our own; each test is one rule of Arabic press, not one article's wording:
- a count's noun printed earlier in the clause, the number alone after "إلى" or after the measure word
  with its article or its pronoun ("ارتفع عدد الحالات ... إلى 1250"، "فعددها 40"، "العدد الإجمالي ...");
- a verb of reaching whose first letter is و or ف of its own ("وصل إلى"، "فاق") is no conjunction;
- a part of a count just given ("14 إصابة منها واحدة محلية"): a number after "منها/منهم" counts, even one;
- what a number is not: a noun with an attached pronoun is definite and counts nothing ("حدود 67
  وعاصمتها القدس"); "من أجل"، "من خلال" after a number are prepositions, not "من" and a counted noun; a
  number right after a city's name names a round of talks or a conference ("جنيف 2"، "أستانا 14").
"""

from __future__ import annotations

import pytest

from archive.importing.extraction import extract


def _figures(text: str) -> list[str]:
    return [figure.text for figure in extract(text).statistics]


def _values(text: str) -> list[tuple[float | None, str | None]]:
    return [(figure.value, figure.unit) for figure in extract(text).statistics]


@pytest.mark.parametrize(("text", "value"), [
    ("وارتفع عدد المتطوعين المسجلين في المحافظة منذ بداية الحملة إلى 1250.", 1250),
    ("ليرتفع العدد الإجمالي للمتدربين في المعهد إلى 3420، بحسب البيان.", 3420),
    ("وأوضح أن المجموع الكلي للطلبات المقبولة وصل إلى 875.", 875),
    ("أما الورش التي تحتاج إلى تمويل إضافي فعددها 40، بحسب اللجنة.", 40),
    ("والمشاركون القادمون من الخارج مجموعهم 215، بحسب المنظمين.", 215),
])
def test_a_count_whose_noun_is_printed_earlier_in_the_clause_is_a_figure(text: str, value: float) -> None:
    assert [figure[0] for figure in _values(text)] == [value]


@pytest.mark.parametrize(("text", "value"), [
    ("وقال إن العدد وصل إلى 620.", 620),
    ("وأشار إلى أن الطلبات وصلت 940.", 940),
    ("وقال إن الطلبات المقدمة فوصلت إلى 3300.", 3300),
])
def test_a_verb_of_reaching_that_starts_with_waw_or_fa_is_read_whole(text: str, value: float) -> None:
    assert [figure[0] for figure in _values(text)] == [value]


@pytest.mark.parametrize(("text", "figures"), [
    ("وسجلت اللجنة 12 مخالفة جديدة منها واحدة جسيمة.", ["12 مخالفة", "واحدة جسيمة"]),
    ("وشارك في الورشة 30 متدربا منهم ثلاثة من خارج المملكة.", ["30 متدربا", "ثلاثة"]),
    ("وتلقت البلدية 45 شكوى، منها 9 في الحي القديم.", ["45 شكوى", "9"]),
])
def test_a_part_of_a_count_just_given_is_a_figure(text: str, figures: list[str]) -> None:
    assert _figures(text) == figures


@pytest.mark.parametrize("text", [
    "وجدد دعمه لقيام الدولة على حدود 67 وعاصمتها القدس.",
    "وأشاد بالخطة 20 وأهدافها.",
    "وأشاد بالبرنامج 45 ومراحلهم كلها.",
    "وقال إن المبادرة 17 ودورتها المقبلة في الخريف.",
])
def test_a_word_with_an_attached_pronoun_is_not_what_a_number_counts(text: str) -> None:
    assert _figures(text) == []


@pytest.mark.parametrize("text", [
    "وحضر الوفد مؤتمر جنيف2 من أجل دعم الحل السياسي.",
    "واجتمع الخبراء 3 من خلال الاتصال المرئي.",
])
def test_a_compound_preposition_after_a_number_is_not_a_counted_noun(text: str) -> None:
    assert _figures(text) == []


@pytest.mark.parametrize("text", [
    "وقال إن مؤتمر جنيف 2 بدا متعثرا منذ يومه الأول.",
    "وقال إن مؤتمر باريس 4 قدم للبنان وعودا كبيرة.",
    "وذكر أن محادثات سوتشي 2 عقدت بحضور الوفود.",
])
def test_a_number_after_a_city_name_names_a_round(text: str) -> None:
    assert _figures(text) == []


@pytest.mark.parametrize(("text", "figures"), [
    ("واستقبلت دبي 17 مليون زائر العام الماضي.", ["17 مليون زائر"]),
    ("وسجلت الوزارة في جنيف 40 طلبا.", ["40 طلبا"]),
    ("وبلغ عدد المشاركين 30 مشاركا من أجل التدريب.", ["30 مشاركا"]),
    ("وبلغ عدد الوفود 12 وفدا، منها وفد واحد من آسيا.", ["12 وفدا"]),
    ("وبحضور 40 وزيرا وعدد من السفراء.", ["40 وزيرا"]),
    ("وشارك في الاجتماع 14 وفدا عربيا.", ["14 وفدا"]),
])
def test_counts_near_these_forms_stay_figures(text: str, figures: list[str]) -> None:
    assert _figures(text) == figures


def test_a_part_of_a_count_counts_what_the_count_counts() -> None:
    assert _values("وسجلت اللجنة 12 مخالفة جديدة منها واحدة جسيمة.") == [(12, "مخالفة"), (1, "مخالفة")]
    assert _values("وشارك في الورشة 30 متدربا منهم ثلاثة من خارج المملكة.") == [(30, "متدربا"), (3, "متدربا")]


@pytest.mark.parametrize("text", [
    "وطالب بتطبيق القرار الأممي 2254 وسجل الوفد اعتراضه.",
    "وطالب بتطبيق قرار مجلس الأمن 2254 ودعا إلى وقف النار.",
    "وذكّر بالمرسوم الملكي 17 وأكد العمل به.",
])
def test_a_documents_number_after_its_adjective_or_body_is_a_label(text: str) -> None:
    assert _figures(text) == []


@pytest.mark.parametrize(("text", "figures"), [
    ("وتضمن القانون الجديد 45 مادة.", ["45 مادة"]),
    ("وأقر مجلس الوزراء 12 وثيقة جديدة.", ["12 وثيقة"]),
])
def test_a_count_after_a_document_stays_a_figure(text: str, figures: list[str]) -> None:
    assert _figures(text) == figures


@pytest.mark.parametrize("text", [
    "وذكرت قناة فرانس 24 أمس أن الوفد وصل.",
    "وأوضح أن المبنى 4 ضم مكاتب الوزارة.",
    "وأشار إلى أن الفرقة 4 شهدت تدريبات مكثفة.",
    "وقال إن شبكة الجزيرة 360 أطلقت برنامجا جديدا.",
    "وأضاف أن المجمع 7 استضاف الاجتماع.",
    "وأوضح أن الطريق 15 سيفتتح قريبا.",
    "وقال إن المسار 3 ستنطلق أعماله غدا.",
])
def test_a_verb_or_a_time_adverb_after_a_number_is_not_what_it_counts(text: str) -> None:
    assert _figures(text) == []


@pytest.mark.parametrize(("text", "figures"), [
    ("ووقعت الوزارة 15 عقدا مع شركات محلية.", ["15 عقدا"]),
    ("وتلقت اللجنة 120 رأيا مكتوبا.", ["120 رأيا"]),
    ("وسجلت المنصة 40 مشاركة في يومها الأول.", ["40 مشاركة"]),
    ("وشارك في المسيرة 150 سيارة و30 سيدة.", ["150 سيارة", "30 سيدة"]),
    ("والتقى الوزير 12 سياسيا من الأحزاب.", ["12 سياسيا"]),
])
def test_nouns_spelled_like_verbs_are_still_counted(text: str, figures: list[str]) -> None:
    assert _figures(text) == figures


@pytest.mark.parametrize(("text", "figure"), [
    ("وقال إن عدد الزوار تخطى 12 ألف زائر.", "تخطى 12 ألف زائر"),
    ("وأشار إلى أن الحجوزات تعدت 500 حجز.", "تعدت 500 حجز"),
    ("وقال إن المبيعات يتوقع أن تتخطى 3 ملايين درهم.", "تتخطى 3 ملايين درهم"),
])
def test_verbs_of_exceeding_are_an_approximation(text: str, figure: str) -> None:
    assert [(item.text, item.approximation) for item in extract(text).statistics] == [(figure, "more_than")]


@pytest.mark.parametrize(("text", "values"), [
    ("وفازت القائمة بـ12 مقعدا من أصل 40 فقط.", [12, 40]),
    ("واعتمدت اللجنة 800 طلب من أصل 1300.", [800, 1300]),
])
def test_the_whole_of_a_share_after_min_asl_is_a_figure(text: str, values: list[float]) -> None:
    assert [value for value, _ in _values(text)] == values


@pytest.mark.parametrize(("text", "figure"), [
    ("وستكون حكومة مصغرة لا تتعدى 13 حقيبة.", "لا تتعدى 13 حقيبة"),
    ("وقال إن الكلفة لا تتجاوز 5 ملايين دينار.", "لا تتجاوز 5 ملايين دينار"),
])
def test_a_negated_verb_of_exceeding_says_at_most(text: str, figure: str) -> None:
    assert [(item.text, item.approximation) for item in extract(text).statistics] == [(figure, "less_than")]
