"""What a post serves and what a person does, printed as verbal nouns, are no names (issue 10, the speakers
round pooled over every studied set with the eleventh, 3 December 2026). "لـ" glued to a verbal noun of the
forms تفعيل or مفاعلة in construct with a definite noun continues the post ("المدير التنفيذي للجنة الدائمة
لتنظيم المؤتمرات بوزارة الخارجية فلان"), and a verbal noun joined by "و" ("وتطوير مهاراته") opens no name; names
opening with ل ("ليلى"، "لميس") and nouns of the form تفعلة in a post ("وتقنية المعلومات") stay what they were.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import extract
from tests.archive.extracted import quote_speakers


def _names(text: str) -> list[str | None]:
    return [person.name for person in extract(text).people]


def test_a_verbal_noun_after_la_continues_the_post() -> None:
    text = ("قال المدير التنفيذي للجنة الدائمة لتنظيم المؤتمرات بوزارة الخارجية العمانية خالد بن سعيد المري "
            "إن المعرض سيفتتح الشهر المقبل بمشاركة مئتي شركة.")
    assert quote_speakers(text) == ["خالد بن سعيد المري"]
    assert _names(text) == ["خالد بن سعيد المري"]


def test_a_verbal_noun_joined_by_wa_opens_no_name() -> None:
    text = "وأكد الوزير أن البرنامج يهدف إلى صقل موهبة الشاب الإعلامية وتطوير مهاراته في المرحلة المقبلة."
    assert all(name is None or "وتطوير" not in name for name in _names(text))


def test_a_given_name_opening_with_lam_is_still_a_name() -> None:
    text = "وقالت الوزيرة ليلى الصلح إن المؤسسة ستواصل دعم القرى الحدودية في الجنوب."
    assert quote_speakers(text) == ["ليلى الصلح"]


def test_a_noun_of_the_form_taf3ila_stays_in_the_post() -> None:
    text = ("قال وزير الاتصالات وتقنية المعلومات، عبدالله الراشد، إن الشبكة الجديدة ستغطي كل المدن "
            "قبل نهاية العام.")
    assert quote_speakers(text) == ["عبدالله الراشد"]
