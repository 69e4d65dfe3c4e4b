"""A part of the day before the day it names is when, never who (issue 10, the tenth set's speaker round,
3 December 2026): "صرح صباح اليوم", "حاكم الإقليم مساء الثلاثاء", "مساء أول من أمس" are time adverbs where a
name would stand, though "صباح" is a given name ("صباح الخالد").

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import extract
from tests.archive.extracted import quote_speakers


def _people(text: str) -> list[str | None]:
    return [person.name for person in extract(text).people]


def test_a_morning_after_a_verb_of_speech_is_when_the_named_man_spoke() -> None:
    text = ("تاناكا: نسعى إلى تهدئة التوتر في المنطقة\n"
            "وأفادت وكالة الأنباء المحلية، نقلا عن وكالة أخرى، أن \"كينجي تاناكا\" صرح صباح اليوم الخميس "
            "(بالتوقيت المحلي) في مطار \"ناريتا\" بالعاصمة إنه يريد دعم الحوار بين البلدين في المنطقة.\n"
            "وأوضح رئيس الوزراء الياباني إن هناك مخاوف جدية من تصاعد التوتر في المنطقة خلال الأيام المقبلة.")
    assert quote_speakers(text) == ["كينجي تاناكا", "كينجي تاناكا", "كينجي تاناكا"]
    assert _people(text) == ["كينجي تاناكا", "وكالة الأنباء المحلية"]


def test_an_evening_the_day_before_yesterday_is_no_holder_of_the_post() -> None:
    text = "وقال وزير الإعلام الخالد مساء أول من أمس إن المؤتمر الثالث للمراسلين فرصة للحوار بين المؤسسات."
    assert not any("مساء" in (speaker or "") for speaker in quote_speakers(text))
    assert not any("مساء" in (name or "") for name in _people(text))


def test_a_given_name_that_is_a_part_of_the_day_stays_a_name() -> None:
    text = "وقال وزير الخارجية صباح الخالد إن الكويت تدعم الحوار بين الأطراف كافة في المنطقة."
    assert quote_speakers(text) == ["صباح الخالد"]
