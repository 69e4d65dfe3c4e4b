"""Numbers and figures: every way the press writes a count, an amount or a percentage."""

from __future__ import annotations

import pytest

from archive.text.normalize import normalize_arabic
from archive.text.numbers import Figure, find_figures, find_numbers, format_value, parse_figure, parse_number

from .samples import ARTICLE_NAMES, load_sample


@pytest.mark.parametrize(
    ("written", "value"),
    [
        # digits, Latin and Arabic-Indic, with separators
        ("150", 150), ("١٥٠", 150), ("۱۵۰", 150), ("3.9", 3.9), ("٣٫٩", 3.9), ("3,9", 3.9),
        ("3,95", 3.95), ("1,500", 1500), ("1,500,000", 1_500_000), ("١٬٥٠٠", 1500),
        ("1.500.000", 1_500_000), ("1,500.75", 1500.75), ("1.500", 1.5),
        # scales after digits
        ("15 مليون", 15e6), ("١٥ مليون", 15e6), ("(15) مليون", 15e6), ("3.9 مليار", 3.9e9),
        ("15مليون", 15e6), ("5 آلاف", 5000), ("٣ ملايين", 3e6), ("100 ألف", 1e5),
        ("2 تريليون", 2e12), ("7 بليون", 7e9), ("10 مليارات", 1e10),
        # words
        ("واحد", 1), ("ثلاثة", 3), ("ثلاث", 3), ("ثماني", 8), ("عشرة", 10), ("عشر", 10),
        ("أحد عشر", 11), ("إحدى عشرة", 11), ("اثنا عشر", 12), ("اثني عشر", 12), ("اثنتي عشرة", 12),
        ("خمسة عشر", 15), ("تسع عشرة", 19), ("عشرون", 20), ("عشرين", 20), ("تسعين", 90),
        ("خمسة وعشرون", 25), ("خمس وعشرين", 25), ("واحد وثلاثون", 31), ("مائة", 100), ("مئة", 100),
        ("مائتان", 200), ("مئتين", 200), ("ثلاثمائة", 300), ("ثلاثمئة", 300), ("ثلاث مائة", 300),
        ("ثمانمائة", 800), ("مائة وخمسون", 150), ("مائة وخمسة وعشرون", 125), ("مائة وإحدى عشرة", 111),
        ("ألف وخمسة عشر", 1015), ("ألفا وتسعمائة", 1900),
        # scales with words
        ("ألف", 1000), ("ألفين", 2000), ("ألفان", 2000), ("خمسة آلاف", 5000), ("عشرة آلاف", 10_000),
        ("خمسة عشر ألفا", 15_000), ("ثلاثة وعشرين ألف", 23_000), ("مائة وخمسون ألف", 150_000),
        ("مائتي ألف", 200_000), ("ثلاثة آلاف وخمسمائة", 3500), ("ألف وخمسة وعشرون", 1025),
        ("مليون", 1e6), ("مليونين", 2e6), ("ثمانية ملايين", 8e6), ("مليونين وخمسمائة ألف", 2.5e6),
        ("مليار", 1e9), ("ملياري", 2e9), ("ثلاثة مليارات", 3e9),
        # fractions
        ("نصف مليار", 5e8), ("نصف المليار", 5e8), ("ربع مليون", 2.5e5), ("ثلث مليون", 1e6 / 3),
        ("مليار ونصف", 1.5e9), ("مليون ونصف المليون", 1.5e6), ("مليون وربع", 1.25e6),
        # with harakat, tatweel and a glued conjunction
        ("خَمْسَةُ آلافٍ", 5000), ("مليـــون", 1e6), ("وخمسة آلاف", 5000), ("بثلاثة ملايين", 3e6),
    ],
)
def test_parse_number(written: str, value: float) -> None:
    assert parse_number(written) == pytest.approx(value)


@pytest.mark.parametrize(
    "written",
    ["", "لا أرقام هنا", "آلاف الزوار", "ملايين المستخدمين", "أحد المتخصصين", "إحدى الجلسات",
     "نصف الحضور", "لست أدري", "يوم الاثنين", "في المائة", "الخمسة"],
)
def test_parse_number_refuses_what_is_not_a_count(written: str) -> None:
    assert parse_number(written) is None


@pytest.mark.parametrize(
    ("written", "value", "unit", "approximation"),
    [
        ("15 مليون تغريدة", 15e6, "تغريدة", None),
        ("لأكثر من (15) مليون مستخدم", 15e6, "مستخدم", "more_than"),
        ("حوالي 150 من الفاعلين", 150, "الفاعلين", "about"),
        ("تجاوزت 100 مليار دولار", 1e11, "USD", "more_than"),
        ("أكثر من 3.9 مليار مستخدم", 3.9e9, "مستخدم", "more_than"),
        ("ما يقارب80% من الأفراد", 80, "percent", "about"),
        ("٨٠٪", 80, "percent", None),
        ("١٥ مليون", 15e6, None, None),
        ("خمسة آلاف زائر", 5000, "زائر", None),
        ("نصف مليار ريال عماني", 5e8, "OMR", None),
        ("25 في المائة", 25, "percent", None),
        ("25 في المئة", 25, "percent", None),
        ("25 بالمائة", 25, "percent", None),
        ("25 بالمئة", 25, "percent", None),
        ("%80", 80, "percent", None),
        ("80 %", 80, "percent", None),
        ("نحو 3 ملايين ريال سعودي", 3e6, "SAR", "about"),
        ("500 ريال قطري", 500, "QAR", None),
        ("200 درهم", 200, "AED", None),
        ("10 دنانير كويتية", 10, "KWD", None),
        ("50 دينارا بحرينيا", 50, "BHD", None),
        ("40 جنيها", 40, "EGP", None),
        ("30 جنيه إسترليني", 30, "GBP", None),
        ("12 يورو", 12, "EUR", None),
        ("5 ملايين ر.ع", 5e6, "OMR", None),
        ("$100 مليون", 1e8, "USD", None),
        ("750 ريالا", 750, "ريال", None),  # the country is not said: the currency word
        ("30 دينارا", 30, "دينار", None),
        ("ما يزيد على ألف مشارك", 1000, "مشارك", "more_than"),
        ("يتجاوز 20 ألف متابع", 20_000, "متابع", "more_than"),
        ("أزيد من 40 دولة", 40, "دولة", "more_than"),
        ("نحو 300 مؤسسة", 300, "مؤسسة", "about"),
        ("بنحو 300 مؤسسة", 300, "مؤسسة", "about"),
        ("قرابة 60 متحدثا", 60, "متحدثا", "about"),
        ("زهاء 70 ورقة", 70, "ورقة", "about"),
        ("يقارب 90 مشاركة", 90, "مشاركة", "about"),
        ("250 شخصا تقريبا", 250, "شخصا", "about"),
        ("أقل من 5 في المائة", 5, "percent", "less_than"),
        ("ما يقل عن 10 جلسات", 10, "جلسات", "less_than"),
        ("لا يتجاوز 30 مشاركا", 30, "مشاركا", "less_than"),
        ("المستخدمين 15 مليون على المنصة", 15e6, None, None),  # a preposition is not a unit
        ("تغريدةً 15 مليونًا مستخدمًا", 15e6, "مستخدما", None),  # harakat dropped from the unit
    ],
)
def test_parse_figure(written: str, value: float, unit: str | None, approximation: str | None) -> None:
    figure = parse_figure(written)
    assert figure is not None
    assert figure.value == pytest.approx(value)
    assert figure.unit == unit
    assert figure.approximation == approximation


def test_figure_spans_cover_the_approximation_and_the_unit() -> None:
    sentence = "وقد وصل محتوى الوسم لأكثر من (15) مليون مستخدم على منصة تويتر فقط."
    figure = parse_figure(sentence)
    assert figure == Figure(
        value=15e6, unit="مستخدم", approximation="more_than", number_text="(15) مليون",
        text="لأكثر من (15) مليون مستخدم", start=sentence.index("لأكثر"), end=sentence.index(" على"),
    )
    assert sentence[figure.start:figure.end] == figure.text


def test_parse_figure_without_a_number_is_none() -> None:
    assert parse_figure("ناقش المنتدى التحديات") is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("ما يقارب80% من الأفراد", [(80, "80")]),
        ("وذلك ضمن رؤية الحكومية2024 المعلنة", [(2024, "2024")]),
        ("حضرها حوالي 150 من الفاعلين و٣ ملايين متابع", [(150, "150"), (3e6, "٣ ملايين")]),
        ("بين 10 و20 مشاركا", [(10, "10"), (20, "20")]),
        ("الفترة 2023-2024", [(2023, "2023"), (2024, "2024")]),
        ("بتاريخ 12.5.2024", [(12, "12"), (5, "5"), (2024, "2024")]),
        ("ثلاثة وأربعة", [(3, "ثلاثة"), (4, "أربعة")]),  # "and" between units is not a sum
        ("سجلت 2024 ثلاثة أرقام", [(2024, "2024"), (3, "ثلاثة")]),
        ("خمسة آلاف زائر\nو15 مليون", [(5000, "خمسة آلاف"), (15e6, "15 مليون")]),
        ("بلغ عددهم 15\nمليون", [(15, "15"), (1e6, "مليون")]),  # a line break ends a number
        ("استضاف فيها أحد المتخصصين", []),
    ],
)
def test_find_numbers_in_running_text(sentence: str, expected: list[tuple[float, str]]) -> None:
    found = find_numbers(sentence)
    assert [(match.value, match.text) for match in found] == [(pytest.approx(v), t) for v, t in expected]
    for match in found:
        assert sentence[match.start:match.end] == match.text


def test_find_numbers_offsets_survive_harakat_and_tatweel() -> None:
    sentence = "نظّمت الوزارةُ ثَلاثَةَ آلافِ ورشة وشارك ١٥ مليـــون"
    found = find_numbers(sentence)
    assert [match.text for match in found] == ["ثَلاثَةَ آلافِ", "١٥ مليـــون"]
    assert [match.value for match in found] == [3000, 15e6]


@pytest.mark.parametrize("name", ARTICLE_NAMES)
def test_every_gold_statistic_of_the_sample_articles_is_read(name: str) -> None:
    article, gold = load_sample(name)
    figures = {figure.text: figure for figure in find_figures(article)}
    for statistic in gold["statistics"]:
        assert statistic["text"] in figures, statistic["text"]
        figure = figures[statistic["text"]]
        assert figure.value == pytest.approx(parse_number(statistic["value"]))
        written_number = normalize_arabic(figure.number_text).replace("(", "").replace(")", "")
        assert normalize_arabic(statistic["value"]).startswith(written_number)
        assert article[figure.start:figure.end] == figure.text


@pytest.mark.parametrize(
    ("text", "value", "unit", "approximation"),
    [
        ("15 مليون تغريدة", 15e6, "تغريدة", None),
        ("لأكثر من (15) مليون مستخدم", 15e6, "مستخدم", "more_than"),
        ("حوالي 150 من الفاعلين", 150, "الفاعلين", "about"),
        ("تجاوزت 100 مليار دولار", 1e11, "USD", "more_than"),
        ("أكثر من 3.9 مليار مستخدم", 3.9e9, "مستخدم", "more_than"),
        ("ما يقارب80% من الأفراد", 80, "percent", "about"),
    ],
)
def test_sample_statistics_in_context(text: str, value: float, unit: str, approximation: str | None) -> None:
    article = "\n".join(load_sample(name)[0] for name in ARTICLE_NAMES)
    figure = next(figure for figure in find_figures(article) if figure.text == text)
    assert (figure.value, figure.unit, figure.approximation) == (pytest.approx(value), unit, approximation)


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (15000000, "مستخدم", "15,000,000 مستخدم"),
        (80, "percent", "80%"),
        (3.9e9, "USD", "3,900,000,000 USD"),
        (0.5, None, "0.5"),
        (12.125, None, "12.125"),
        (None, "percent", ""),
    ],
)
def test_format_value_reads_as_written_in_full(value, unit, expected):
    assert format_value(value, unit) == expected
