"""A venue's name ends where the time of the event begins (issue 10, seen reading a release by eye).

«... بمركز عمان للمؤتمرات والمعارض يومي 10 و11 مارس» gave the venue «مركز عمان للمؤتمرات والمعارض
يومي». Sentences are our own.
"""

from __future__ import annotations

import pytest

from archive.importing.extraction import extract

OPENING = "نظمت وزارة الإعلام الملتقى الإعلامي الخليجي في دورته الرابعة "


@pytest.mark.parametrize("after", [
    "يومي 10 و11 مارس 2026.",
    "خلال الفترة من 10 إلى 12 مارس 2026.",
    "صباح اليوم بحضور عدد من الإعلاميين.",
    "مساء أمس.",
    "لمدة يومين.",
    "على مدى ثلاثة أيام.",
])
def test_the_venue_stops_before_the_time(after: str) -> None:
    event = extract(f"{OPENING}بمركز عمان للمؤتمرات والمعارض {after}").event
    assert event is not None and event.venue == "مركز عمان للمؤتمرات والمعارض"


def test_a_venue_named_to_the_full_stop_is_whole() -> None:
    event = extract(f"{OPENING}في قاعة المؤتمرات الكبرى بفندق البستان.").event
    assert event is not None and event.venue == "قاعة المؤتمرات الكبرى بفندق البستان"
