"""A quote's source line on the record page reads the same in any direction: its parts apart, the
date in words. Before, in English, "انطلاق منتدى الاتصال المؤسسي وكالة الأنباء 2024-05-12" ran the
article's title and its outlet together and the bidi rules drew the date as "12-05-2024"."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("language", "date"), [("en", "12 May 2024"), ("ar", "12 مايو 2024")])
def test_the_source_line_keeps_its_parts_apart_and_its_date_in_words(qtbot, qapp, window, filled, language: str,
                                                                      date: str) -> None:
    from desktop.gui.appearance import apply_language, direction_mark

    apply_language(qapp, language)
    window.open_record("quote", filled.quote_id)
    qtbot.waitUntil(lambda: "وكالة الأنباء" in window.record_view.details.toPlainText(), timeout=3000)
    lines = window.record_view.details.toPlainText().replace("\u200e", "").replace("\u200f", "").splitlines()
    source = next(line for line in lines if "وكالة الأنباء" in line)
    assert "2024-05-12" not in source, source
    assert f"انطلاق منتدى الاتصال المؤسسي · وكالة الأنباء · {date}" in source, source
    assert direction_mark() in window.record_view.details.toPlainText()
