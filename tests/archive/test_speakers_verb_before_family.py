"""A verb read into a name: the press writes verb then subject ("بحث مصطفى مع"، "وكتبت النجار على صفحتها"،
"مؤتمر صحفي عقدته الحربي مع نظيرها"), and when the subject is a family name alone, the verb before it
reads like a given name. The person is the one the article printed in full earlier with that family
name (issue 10, fifth set's round, 2 December 2026).

Every sentence here is written for these tests.
"""

from __future__ import annotations

from tests.archive.extracted import quote_speakers


def test_a_past_verb_after_a_comma_before_the_family_name_is_no_given_name() -> None:
    text = ("التقى رئيس الحكومة السوداني خالد عمر، وزير التجارة الهندي في مكتبه اليوم الأحد.\n"
            "وبحسب وكالة الأنباء، بحث عمر مع الضيف آخر التطورات في البلدين.\n"
            "وأكد عمر أن \"الحكومة ماضية في خطتها للإصلاح\".")
    assert quote_speakers(text) == ["خالد عمر"]


def test_a_verb_with_its_pronoun_before_the_family_name_is_no_given_name() -> None:
    text = ("قالت وزيرة الخارجية الكويتية سلمى الحربي، الخميس، إن حكومة بلادها ملتزمة بالتعاون.\n"
            "جاء ذلك في مؤتمر صحفي مشترك عقدته الحربي مع نظيرها العماني في العاصمة.\n"
            "وقالت الحربي: \"الحكومة ملتزمة بتنفيذ الاتفاقات\".")
    assert quote_speakers(text) == ["سلمى الحربي", "سلمى الحربي"]


def test_a_verb_with_and_opening_the_line_before_the_family_name_is_no_given_name() -> None:
    text = ("علقت المتحدثة باسم وزارة الخارجية سلمى النجار على نشر صور من اللقاء.\n"
            "وكتبت النجار على صفحتها اليوم الاثنين: \"ما جرى ليس خلافا بل تحية طيبة بين صديقين\".")
    assert quote_speakers(text) == ["سلمى النجار"]


def test_two_people_of_one_family_stay_two() -> None:
    """The guard: a given name of its own, printed after a title, is another person of the same family."""
    text = ("قال الرئيس حسن العمري إن البلاد ماضية في الإصلاح.\n"
            "وقال وزير المالية سعيد العمري إن الموازنة متوازنة هذا العام.")
    assert quote_speakers(text) == ["حسن العمري", "سعيد العمري"]
