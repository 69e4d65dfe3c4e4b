"""A relative clause read where a speaker or a post was looked for ("وأضاف الرئيس الأرجنتيني، الذي بدأ
ولايته ...:"، "في تصريحاته التي نقلتها عنه الصحيفة") describes the person just named: it is never the speaker
(issue 10, sixth set's round, 2 December 2026).

Every sentence here is written for these tests.
"""

from __future__ import annotations

from tests.archive.extracted import quote_speakers


def test_a_clause_after_the_title_and_its_comma_goes_to_the_person_already_speaking() -> None:
    text = ("قال الرئيس الأرجنتيني خافيير ميلي اليوم إن بلاده تدعم التجارة الحرة.\n"
            "وأضاف الرئيس الأرجنتيني، الذي بدأ ولايته في كانون الأول: \"لن نتراجع عن الإصلاحات\".")
    assert quote_speakers(text) == ["خافيير ميلي", "خافيير ميلي"]


def test_a_clause_about_the_statement_is_no_speaker() -> None:
    text = ("نقلت صحيفة الأيام عن المتحدث باسم وزارة الخارجية نفيه صحة التقارير المتداولة.\n"
            "وشدد المتحدث في تصريحاته التي نقلتها عنه الصحيفة على أن الحكومة ملتزمة بالحوار.")
    assert "التي نقلتها عنه الصحيفة" not in quote_speakers(text)
