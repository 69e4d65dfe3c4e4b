"""An event's name never ends in a verb or a particle (issue 10, item 3). Our own sentences.

"قمة عالمية لنودع عاما من العمل" names "قمة عالمية": "لنودع"، "ليكون"، "لكي" open a clause of purpose,
they are not part of the name. Words with لـ that are nouns ("لتعزيز"، "لنشر") stay in it.
"""

from __future__ import annotations

import pytest

from archive.importing.extraction import extract


def _event_name(text: str) -> str:
    event = extract(text).event
    assert event is not None
    return event.name


@pytest.mark.parametrize(("clause", "name"), [
    ("لنودع عاما حافلا بالإنجازات", "قمة عالمية"),
    ("ليكون منصة للحوار بين الشعوب", "قمة عالمية"),
    ("لتجمع قادة الإعلام من المنطقة", "قمة عالمية"),
    ("لكي نتبادل الخبرات", "قمة عالمية"),
    ("كي يلتقي صناع القرار", "قمة عالمية"),
    ("لتعزيز الحوار الإعلامي", "قمة عالمية لتعزيز الحوار الإعلامي"),
])
def test_a_clause_of_purpose_is_not_in_the_name(clause: str, name: str) -> None:
    text = f"دبي - الخليج\nاجتمعنا اليوم في قمة عالمية {clause}، بحضور عدد من المسؤولين.\n"
    assert _event_name(text) == name


@pytest.mark.parametrize(("text", "name"), [
    ("وتتواصل فعاليات معرض المدينة الدولي للكتاب لتستمر حتى نهاية الشهر.", "معرض المدينة الدولي للكتاب"),
    ("ونظمت الهيئة ملتقى دوليا لنظام الحوكمة بحضور الخبراء.", "ملتقى دوليا لنظام الحوكمة"),
])
def test_a_verb_after_a_definite_name_ends_it_and_a_noun_with_la_does_not(text: str, name: str) -> None:
    assert _event_name(text) == name
