"""Titles that describe a person the article has named (issue 10, the eighth set's speaker round, 2 December
2026): where a post ends before the occasion it was spoken at, a definite post read with the adjectives that
describe its holder, and a country's adjective agreeing with a feminine post. Each rule is read from the
grammar of the press's titles, not from the words of one article.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.people import parse_person
from archive.importing.speakers import shorter_title_of
from archive.importing.tokens import tokenize
from tests.archive.extracted import quote_speakers


def _title_at(text: str, word: str) -> str | None:
    tokens = tokenize(text)
    index = next(place for place, token in enumerate(tokens) if token.text == word)
    mention, _ = parse_person(text, tokens, index, len(tokens))
    return mention.title if mention else None


# --- an occasion or a month after a preposition is where and when, not the post


def test_a_press_conference_after_the_post_is_no_part_of_it() -> None:
    text = "ولفت وزير خارجية مالطا في مؤتمر صحفي مشترك مع نظيره، إلى أن العلاقات متينة."
    assert _title_at(text, "وزير") == "وزير خارجية مالطا"


def test_an_interview_after_the_post_is_no_part_of_it() -> None:
    text = "وقال الوزير في مقابلة مع إذاعة محلية إن الوضع مستقر."
    assert _title_at(text, "الوزير") == "الوزير"


def test_a_month_after_the_post_is_when_not_which_post() -> None:
    text = "وأضاف الرئيس المنتخب في أكتوبر من ذلك العام: «سنواصل العمل»."
    assert _title_at(text, "الرئيس") == "الرئيس المنتخب"


def test_a_place_after_the_post_still_completes_it() -> None:
    # guard: where the post is held is part of it
    text = "وقال سفير ماليزيا في عمان إن الزيارة ناجحة."
    assert _title_at(text, "سفير") == "سفير ماليزيا في عمان"


# --- a definite post with adjectives describing its holder


def test_a_post_with_a_describing_adjective_is_the_person_just_named() -> None:
    text = ("صرح الرئيس الأوروغوياني خوسيه ميندوزا قائلا: «نحن جسر بين القارات».\n"
            "وأضاف الرئيس المنتخب في أكتوبر من ذلك العام: «سنواصل الدفاع عن القانون الدولي».")
    assert quote_speakers(text) == ["خوسيه ميندوزا", "خوسيه ميندوزا"]


def test_a_describing_adjective_alone_names_the_same_person() -> None:
    text = ("صرح الرئيس الأوروغوياني خوسيه ميندوزا قائلا: «نحن جسر بين القارات».\n"
            "وأضاف الرئيس المنتخب: «سنواصل الدفاع عن القانون الدولي».")
    assert quote_speakers(text) == ["خوسيه ميندوزا", "خوسيه ميندوزا"]


def test_another_country_is_another_person() -> None:
    # guard: an adjective of origin names the country of the post, it does not describe the holder
    text = ("صرح الرئيس الأوروغوياني خوسيه ميندوزا قائلا: «نحن جسر بين القارات».\n"
            "وأضاف الرئيس الباراغوياني: «سنواصل الدفاع عن القانون الدولي».")
    assert quote_speakers(text)[1] != "خوسيه ميندوزا"


def test_an_office_adjective_is_another_post() -> None:
    # guard: "الرئيس التنفيذي" is a company's head, not the head of state named before
    text = ("صرح الرئيس الأوروغوياني خوسيه ميندوزا قائلا: «نحن جسر بين القارات».\n"
            "وأضاف الرئيس التنفيذي: «سنواصل الاستثمار في البلاد».")
    assert quote_speakers(text)[1] != "خوسيه ميندوزا"


def test_a_former_holder_is_someone_else() -> None:
    # guard: "السابق" says the post is no longer his, so it is not the president just named
    text = ("صرح الرئيس الأوروغوياني خوسيه ميندوزا قائلا: «نحن جسر بين القارات».\n"
            "وأضاف الرئيس السابق: «سنواصل الدفاع عن القانون الدولي».")
    assert quote_speakers(text)[1] != "خوسيه ميندوزا"


def test_two_holders_leave_the_post_as_printed() -> None:
    # guard: two presidents named before, the described one could be either
    text = ("صرح الرئيس الأوروغوياني خوسيه ميندوزا قائلا: «نحن جسر بين القارات».\n"
            "وقال الرئيس البرازيلي لويس فرنانديز: «نرحب بهذه الزيارة التاريخية بين البلدين».\n"
            "وأضاف الرئيس المنتخب: «سنواصل الدفاع عن القانون الدولي».")
    assert quote_speakers(text)[2] not in ("خوسيه ميندوزا", "لويس فرنانديز")


def test_a_holder_named_after_the_title_makes_two() -> None:
    # guard: the new president is named after "الرئيس الجديد": the one named before is not the only holder
    text = ("صرح الرئيس الأوروغوياني خوسيه ميندوزا قائلا: «نحن جسر بين القارات».\n"
            "وأضاف الرئيس الجديد: «سنواصل الدفاع عن القانون الدولي».\n"
            "وكان الرئيس الأوروغوياني المنتخب لويس فرنانديز قد أدى اليمين أمس.")
    assert quote_speakers(text)[1] != "خوسيه ميندوزا"


# --- a country's adjective agrees with a feminine post


def test_a_feminine_adjective_of_origin_is_a_country_added_for_the_reader() -> None:
    assert shorter_title_of("وزيرة الهجرة النرويجية", "وزيرة الهجرة", True)
    text = ("وقالت وزيرة الهجرة إنغريد هولم إن الحكومة ستطلق حملة.\n"
            "وأكدت وزيرة الهجرة النرويجية، أن أغلب القادمين لا يحتاجون إلى الحماية.")
    assert quote_speakers(text) == ["إنغريد هولم", "إنغريد هولم"]


def test_the_ministry_after_a_post_is_no_adjective_of_origin() -> None:
    # guard: "الخارجية" right after the post is the ministry (its complement), not a feminine adjective
    assert not shorter_title_of("وزيرة الخارجية", "وزيرة الهجرة", True)
    assert shorter_title_of("وزير الخارجية الفرنسي", "وزير خارجية فرنسا", True)
