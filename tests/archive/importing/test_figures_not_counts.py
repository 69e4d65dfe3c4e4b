"""Numbers that are not figures (issue 10): days of dates, session numbers, numbers inside names."""

from __future__ import annotations

import pytest

from archive.importing.extraction import extract


def _figures(text: str) -> list[str]:
    return [figure.text for figure in extract(text).statistics]


@pytest.mark.parametrize("text", [
    "تعقد الورشة يومي 14 و15 أكتوبر في قاعة المدينة، ويحضرها 90 متدربا.",
    "يقام الملتقى في الفترة من 3 إلى 6 فبراير بمشاركة 90 متدربا.",
    "يقام الملتقى ما بين 3 الى 6 يونيو بمشاركة 90 متدربا.",
    "انطلق المعرض يوم الأحد 12 ماي الجاري بمشاركة 90 متدربا.",
    "اختتم المعرض يوم 21 دجنبر بمشاركة 90 متدربا.",
    "يبدأ التسجيل يوم 8 من الشهر الجاري، ويستقبل 90 متدربا.",
    "شارك الوفد في أعمال الدورة (46) لمجلس الوزراء، وحضرها 90 متدربا.",
    "صدر البيان رقم (12) عن اللجنة، ويستفيد منه 90 متدربا.",
    "ناقش المنتدى تداعيات جائحة كوفيد 19 على الإعلام بحضور 90 متدربا.",
    "على هامش قمة G20 التقى الوزير 90 متدربا.",
])
def test_only_the_count_is_a_figure(text: str) -> None:
    assert _figures(text) == ["90 متدربا"]


def test_numbers_glued_to_a_conjunction_are_still_figures() -> None:
    assert _figures("حضر اللقاء 40 صحفيا و25 مصورا.") == ["40 صحفيا", "25 مصورا"]


def test_number_words_with_a_glued_preposition_are_figures() -> None:
    figures = extract("وزعت اللجنة 300 بطاقة لخمسين مؤسسة، وقدرت كلفة التنظيم بمليون ونصف دولار.").statistics
    assert [(figure.text, figure.value) for figure in figures] == [
        ("300 بطاقة", 300), ("لخمسين مؤسسة", 50), ("بمليون ونصف دولار", 1_500_000)]
