"""Figures round of the tenth set (issue 10, helper F12): a verb after a number is no counted noun.

A verb of reaching ("من 2023 بلغ"، "2024 ارتفع") or of praise ("24 واثنى على"، "24 أشادت") after a number
opens a new clause; the number before it counts nothing (a year, a name). Every sentence is our own.
"""

from __future__ import annotations

import pytest

from archive.importing.extraction import extract


def _figures(text: str) -> list[tuple[str, float | None, str | None]]:
    return [(figure.text, figure.value, figure.unit) for figure in extract(text).statistics]


@pytest.mark.parametrize(("text", "figures"), [
    ("وأوضح أن عدد السائحين خلال الربع الأخير من 2023 بلغ 3.6 مليون سائح.",
     [("3.6 مليون سائح", 3600000.0, "سائح")]),
    ("وأشار إلى أن عدد الزوار في موسم 2024 ارتفع إلى 40 ألف زائر.", [("40 ألف زائر", 40000.0, "زائر")]),
    ("وقال إن إذاعة صوت المدينة 24 واثنى على برامجها.", []),
    ("وأضاف أن قناة الأخبار 24 أشادت بالمبادرة.", []),
])
def test_a_verb_of_reaching_or_of_praise_after_a_number_is_no_counted_noun(
        text: str, figures: list[tuple[str, float, str]]) -> None:
    assert _figures(text) == figures
