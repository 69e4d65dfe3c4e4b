"""Partial dates: parsing press dates, validating, formatting, finding dates and years in text."""

from __future__ import annotations

import datetime

import pytest

from archive.text.dates import (
    find_dates,
    format_partial_date,
    parse_partial_date,
    partial_date_range,
    partial_date_year,
    validate_partial_date,
)
from archive.text.numbers import find_numbers

from .samples import ARTICLE_NAMES, load_sample


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("2024", "2024"), ("2024-05", "2024-05"), ("2024-05-12", "2024-05-12"), (" 2024-05-12 ", "2024-05-12"),
        ("12/5/2024", "2024-05-12"), ("12-5-2024", "2024-05-12"), ("12.5.2024", "2024-05-12"),
        ("١٢/٥/٢٠٢٤", "2024-05-12"), ("۱۲/۵/۲۰۲۴", "2024-05-12"), ("2024/5/12", "2024-05-12"),
        ("5/2024", "2024-05"), ("12 مايو 2024", "2024-05-12"), ("12 من مايو 2024", "2024-05-12"),
        ("١٢ مايو ٢٠٢٤", "2024-05-12"), ("12 مايو، 2024", "2024-05-12"), ("مايو 2024", "2024-05"),
        ("شهر مايو من عام 2024", "2024-05"), ("أيار 2024", "2024-05"), ("1 إبريل 2024", "2024-04-01"),
        ("1 أبريل 2024", "2024-04-01"), ("1 ابريل 2024", "2024-04-01"), ("نيسان 2024", "2024-04"),
        ("3 يونيه 2023", "2023-06-03"), ("3 حزيران 2023", "2023-06-03"), ("يوليه 2023", "2023-07"),
        ("تموز 2023", "2023-07"), ("كانون الثاني 2024", "2024-01"), ("كانون الأول 2023", "2023-12"),
        ("تشرين الأول 2023", "2023-10"), ("تشرين الثاني 2023", "2023-11"), ("آب 2022", "2022-08"),
        ("1 أغسطس 2022", "2022-08-01"), ("29 فبراير 2024", "2024-02-29"), ("2024م", "2024"),
        ("عام 2024", "2024"), ("الأحد 12 مايو 2024م", "2024-05-12"),
        ("يوم الأحد الموافق 12 مايو 2024", "2024-05-12"), ("الأول من مايو 2024", "2024-05-01"),
        ("الحادي والعشرين من مارس 2024", "2024-03-21"),
    ],
)
def test_parse_partial_date(written: str, value: str) -> None:
    assert parse_partial_date(written) == value


@pytest.mark.parametrize(
    "written",
    ["", "hello", "13/13/2024", "32/5/2024", "0/5/2024", "2024-13", "2024-00", "2024-05-32", "2023-02-29",
     "31 أبريل 2024", "30 فبراير 2024", "مايو", "12 مايو", "1445هـ", "2000 مشارك", "12 مايو 2024 و13 مايو 2024",
     "0999"],
)
def test_parse_partial_date_refuses_nonsense(written: str) -> None:
    assert parse_partial_date(written) is None


@pytest.mark.parametrize(
    ("value", "valid"),
    [("2024", True), ("2024-05", True), ("2024-05-12", True), ("2024-02-29", True), ("2023-02-29", False),
     ("2024-5", False), ("2024-05-1", False), ("24", False), ("2024-13", False), ("2024-04-31", False),
     ("", False), (None, False), ("12/5/2024", False), ("2024-05-12T10:00", False)],
)
def test_validate_partial_date(value: str | None, valid: bool) -> None:
    assert validate_partial_date(value) is valid


@pytest.mark.parametrize(
    ("value", "arabic", "english"),
    [("2024-05-12", "12 مايو 2024", "12 May 2024"), ("2024-05", "مايو 2024", "May 2024"),
     ("2024", "2024", "2024"), ("2023-01-01", "1 يناير 2023", "1 January 2023"),
     ("not a date", "not a date", "not a date")],
)
def test_format_partial_date(value: str, arabic: str, english: str) -> None:
    assert format_partial_date(value) == arabic
    assert format_partial_date(value, language="ar") == arabic
    assert format_partial_date(value, language="en") == english


def test_formatted_dates_parse_back() -> None:
    for value in ("2024-05-12", "2024-05", "2024", "2023-12-31"):
        assert parse_partial_date(format_partial_date(value)) == value


@pytest.mark.parametrize(("value", "year"), [("2024", 2024), ("2024-05", 2024), ("2024-05-12", 2024),
                                             ("bad", None), (None, None), ("2024-13", None)])
def test_partial_date_year(value: str | None, year: int | None) -> None:
    assert partial_date_year(value) == year


def test_partial_date_range() -> None:
    assert partial_date_range("2024-02") == (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
    assert partial_date_range("2024") == (datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))
    assert partial_date_range("2024-05-12") == (datetime.date(2024, 5, 12),) * 2
    assert partial_date_range("2024-13") is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("عقد في 12 مايو 2024م بمسقط", [("12 مايو 2024م", "2024-05-12")]),
        ("في عام 2024 شارك 2000 مشارك", [("2024", "2024")]),  # 2000 counts people
        ("ضمن رؤية عمان 2040", [("2040", "2040")]),
        ("الحكومية2024 وذلك", [("2024", "2024")]),
        ("للفترة 2023-2024", [("2023", "2023"), ("2024", "2024")]),
        ("بتاريخ 12/5/2024 وفي 1445هـ", [("12/5/2024", "2024-05-12"), ("1445هـ", None)]),
        ("يوم 5 يونيو المقبل", [("5 يونيو", None)]),
        ("بلغ عدد الزوار 1999 زائرا", []),
        ("وصل 15 مليون مستخدم", []),
    ],
)
def test_find_dates(sentence: str, expected: list[tuple[str, str | None]]) -> None:
    found = find_dates(sentence)
    assert [(match.text, match.value) for match in found] == expected
    for match in found:
        assert sentence[match.start:match.end] == match.text


def test_yearless_date_keeps_month_and_day() -> None:
    (match,) = find_dates("يوم 5 يونيو المقبل")
    assert (match.month, match.day) == (6, 5)


@pytest.mark.parametrize("name", ARTICLE_NAMES)
def test_sample_articles_have_no_false_dates_over_statistics(name: str) -> None:
    article, gold = load_sample(name)
    date_spans = [(match.start, match.end) for match in find_dates(article)]
    for number in find_numbers(article):
        inside_statistic = any(number.text in statistic["text"] for statistic in gold["statistics"])
        if inside_statistic:
            assert not any(start <= number.start < end for start, end in date_spans), number
