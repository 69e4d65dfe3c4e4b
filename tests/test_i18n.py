"""The translation layer: plural forms, contexts, and text from users never translated."""

from __future__ import annotations

import pytest

from archive.errors import InputFileError, RecordNotFoundError, ValidationError
from archive.i18n import N_, NP_, counts, ntr, ptr, tr

COUNTS = (0, 1, 2, 3, 11, 100)


def test_a_count_takes_each_of_arabics_six_forms() -> None:
    shown = [ntr("{n} result", "{n} results", n, language="ar") for n in COUNTS]
    assert shown == ["لا نتائج", "نتيجة واحدة", "نتيجتان", "3 نتائج", "11 نتيجة", "100 نتيجة"]


def test_a_count_in_english_is_singular_or_plural() -> None:
    shown = [ntr("{n} result", "{n} results", n, language="en") for n in COUNTS]
    assert shown == ["0 results", "1 result", "2 results", "3 results", "11 results", "100 results"]


def test_a_count_fills_its_other_placeholders() -> None:
    assert ntr("{n} result for {query}", "{n} results for {query}", 2, language="en", query="x") == "2 results for x"


def test_a_label_is_translated_in_its_context() -> None:
    assert ptr("person", "Title", language="ar") == "المنصب"
    assert tr("Title", language="ar") == "العنوان"
    assert ptr("person", "Title", language="en") == "Title"


def test_a_label_marked_with_its_context_keeps_it_until_shown() -> None:
    label = NP_("person", "Title")
    assert label == "Title"  # reads as the English label where it is not shown
    assert tr(label, language="ar") == "المنصب"
    assert tr(N_("Title"), language="ar") == "العنوان"
    assert type(tr(label, language="en")) is str


def test_an_untranslated_message_is_shown_in_english() -> None:
    assert tr("A message nobody translated: {x}", language="ar", x=1) == "A message nobody translated: 1"
    assert tr("", language="ar") == ""  # not the catalogue's header
    assert ntr("{n} apple nobody translated", "{n} apples nobody translated", 3, language="ar") == (
        "3 apples nobody translated"
    )


@pytest.mark.parametrize("typed", ["Quotes", "Interrupted.", "Title"])
def test_a_file_name_in_an_error_is_shown_as_it_is(typed: str) -> None:
    """A file named like an English message ("Quotes") is not translated inside an error message."""
    error = InputFileError("{name} is empty.", name=typed)
    assert typed in error.user_message("ar")


def test_a_value_typed_into_a_form_is_shown_as_it_is() -> None:
    error = ValidationError("{field} must be a date written as YYYY, YYYY-MM or YYYY-MM-DD (got {value}).",
                            field="Date", value="Session")
    shown = error.user_message("ar")
    assert "Session" in shown and "الجلسة" not in shown
    assert tr("Date", language="ar") in shown  # the field's label is a message, and is translated


def test_the_kind_in_an_error_is_translated() -> None:
    error = RecordNotFoundError("{kind} {id} does not exist.", kind="Quote", id=7)
    assert tr("Quote", language="ar") in error.user_message("ar")


def test_counts_of_records_read_naturally_in_arabic() -> None:
    assert [counts.quotes(n, "ar") for n in COUNTS] == [
        "لا اقتباسات", "اقتباس واحد", "اقتباسان", "3 اقتباسات", "11 اقتباسًا", "100 اقتباس"]
    assert [counts.sessions(n, "ar") for n in COUNTS] == [
        "لا جلسات", "جلسة واحدة", "جلستان", "3 جلسات", "11 جلسة", "100 جلسة"]
    assert counts.people(103, "ar") == "103 أشخاص" and counts.people(111, "ar") == "111 شخصًا"
    assert [counts.figures(n, "en") for n in (0, 1, 2)] == ["0 figures", "1 figure", "2 figures"]
