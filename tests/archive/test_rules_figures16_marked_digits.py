"""Figures round on every studied set with the eleventh (issue 10, helper F16): digits set in quotation marks.

Some newspapers set a number apart in quotation marks («5» مليارات جنيه، "21" جهة، " 1500 " من الشباب): the
marks stand around the digits alone, and the figure goes on through them to its scale, its unit and what it
counts, as it does through parentheses ("(15) مليون"). Three outlets of two studied sets print it; their figures
were missed, or read as the bare digits beside a second figure "مليون جنيه" worth one million. Marked digits
after a label word stay a label ("النسخة “18”"), as "الدورة (80)" does. Every sentence is our own.
"""

from __future__ import annotations

import pytest

from archive.importing.extraction import extract


def _figures(text: str) -> list[tuple[str, float | None, str | None]]:
    return [(figure.text, figure.value, figure.unit) for figure in extract(text).statistics]


@pytest.mark.parametrize(("text", "figure"), [
    ("وقال المدير إن الميزانية بلغت «4» مليارات جنيه هذا العام.", ("«4» مليارات جنيه", 4e9, "EGP")),
    ("وأضاف أن المصروفات انخفضت مقارنة مع «3» مليارات جنيه، في الموازنة السابقة.", ("«3» مليارات جنيه", 3e9, "EGP")),
    ('وشارك في الملتقى نحو " 2400 " من الطلاب القادمين من المحافظات.', ('نحو " 2400 " من الطلاب', 2400.0, "الطلاب")),
    ('وبلغ عدد الجهات المشاركة "35" جهة حكومية وخاصة.', ('"35" جهة', 35.0, "جهة")),
    ("واستقبل المعرض “120” ألف زائر خلال أسبوعه الأول.", ("“120” ألف زائر", 120000.0, "زائر")),
])
def test_digits_in_marks_read_on_to_their_scale_and_noun(text: str, figure: tuple[str, float, str]) -> None:
    assert _figures(text) == [figure]


@pytest.mark.parametrize("text", [
    "وانطلقت فعاليات النسخة “12” من المنتدى بحضور الوزير.",
    'وأقيمت الدورة "27" للمعرض في العاصمة.',
])
def test_marked_digits_after_a_label_stay_a_label(text: str) -> None:
    assert _figures(text) == []


def test_a_quote_ending_on_digits_does_not_take_the_next_words() -> None:
    """The closing mark after a quote's last number ends the quote; the words after it are not its noun."""
    figures = _figures("وقال الوزير: «عدد المدارس الجديدة 14» مليون مرة أكدنا ذلك.")
    assert ("14» مليون", 14e6, None) not in figures
    assert all(value != 14e6 for _, value, _ in figures)
