"""Where a name printed after a title ends (issue 10, speakers): at a clear stop, not at a family name a
list knows. Our own sentences; the family names are invented or rare on purpose.
"""

from __future__ import annotations

import pytest

from archive.importing.people import parse_person
from archive.importing.tokens import tokenize
from tests.archive.extracted import quote_speakers


def _mention(text: str) -> tuple[str | None, str | None]:
    """The person read after the sentence's first word (its verb)."""
    tokens = tokenize(text)
    mention, _ = parse_person(text, tokens, 1, len(tokens))
    assert mention is not None
    return mention.name, mention.title


@pytest.mark.parametrize(("text", "name"), [
    # a plain family name after a definite one, then a comma
    ("أكد وزير الشباب والرياضة سعيد المختار بنزيدان، أن", "سعيد المختار بنزيدان"),
    # ... then a complementiser with its pronoun
    ("قال وزير الصناعة كريم الهادي بوعزيز إنه", "كريم الهادي بوعزيز"),
    # ... then a time word
    ("قال وزير النقل فريد العمراني بلقاسم اليوم إن", "فريد العمراني بلقاسم"),
    # ... then a circumstance
    ("أوضح وزير المالية عادل الطيب بنحمو خلال استقباله الوفد أن", "عادل الطيب بنحمو"),
    ("أوضح وزير المالية عادل الطيب بنحمو في تصريح أن", "عادل الطيب بنحمو"),
])
def test_a_name_after_a_title_runs_to_a_clear_stop(text: str, name: str) -> None:
    assert _mention(text)[0] == name


@pytest.mark.parametrize(("text", "name"), [
    ("قال وزير النفط خالد الفاضل اليوم الجمعة، إن", "خالد الفاضل"),
    ("قالت وزيرة الصحة سلمى المكرمة، إن", "سلمى المكرمة"),
])
def test_an_honorific_after_a_given_name_is_the_family_name(text: str, name: str) -> None:
    assert _mention(text)[0] == name


def test_a_name_does_not_run_past_words_that_are_no_stop() -> None:
    # no stop after the plain word: what the minister did, not more of his name
    assert _mention("استقبل وزير الإعلام سعيد المختار وفدا من الصحفيين")[0] == "سعيد المختار"


def test_a_name_printed_with_hamza_before_lam_has_no_article() -> None:
    # "إلياس", "إلهام", "ألكسندر" fold to what looks like the article: they are given names all the same
    assert _mention("قال وزير الإعلام إلياس بو صعب إن") == ("إلياس بو صعب", "وزير الإعلام")
    assert _mention("قالت وزيرة الثقافة إلهام الصالح إن") == ("إلهام الصالح", "وزيرة الثقافة")
    assert _mention("قال وزير الإعلام إلى جانب نظيره إن")[0] is None  # "إلى" is no name


def test_a_foreign_name_read_back_from_its_family_name_and_a_conjoined_second_person() -> None:
    text = ("افتتحت الجلسة بحضور وزير الخارجية الدكتور سامي الحداد ومبعوث الرئيس الروسي ألكسندر كرافتشينكو ضمن "
            "برنامج أعمال الاجتماع المشترك.\nوأكد الحداد أن التعاون بين البلدين يتسع.\n"
            "من جانبه أوضح كرافتشينكو أنه لا بد من تعزيز التعاون بين البلدين.")
    assert quote_speakers(text) == ["سامي الحداد", "ألكسندر كرافتشينكو"]


def test_the_short_form_of_a_name_read_whole_is_the_same_person() -> None:
    text = ("قال وزير الشباب والرياضة سعيد المختار بنزيدان، أن الدورة المقبلة ستقام في مدينة أخرى.\n"
            "وأكد بنزيدان أن التحضيرات بدأت منذ أشهر.")
    assert quote_speakers(text) == ["سعيد المختار بنزيدان", "سعيد المختار بنزيدان"]


@pytest.mark.parametrize(("text", "name"), [
    # after honorifics, then a comma and the post
    ("قال معالي الدكتور المهندس سامر عبد الكريم بنحمو، وزير الخارجية، إن", "سامر عبد الكريم بنحمو"),
    # after an honorific, then a time word
    ("وقال الشيخ سامر الدباغ بنحمو اليوم إن", "سامر الدباغ بنحمو"),
])
def test_a_name_after_an_honorific_runs_to_a_clear_stop(text: str, name: str) -> None:
    tokens = tokenize(text)
    mention, _ = parse_person(text, tokens, 1, len(tokens))
    assert mention is not None and mention.name == name


def test_a_preposition_or_a_verb_is_no_last_word_of_a_name() -> None:
    assert _mention("قال سالم الخالد لمراسلي «الوكالة»: إن")[0] == "سالم الخالد"
    text = "وكتب الوزير: «شكرا لكل من ساهم في نجاح المعرض هذا العام»."
    tokens = tokenize(text)
    mention, _ = parse_person(text, tokens, 0, len(tokens))
    assert mention is None or mention.name != "وكتب الوزير"


@pytest.mark.parametrize(("text", "name"), [
    # a feminine noun and its adjective where a family name would stand: what he described
    ("وصف وزير التربية حاتم بن سالم العودة المدرسية بالهادئة", "حاتم بن سالم"),
    ("وصف وزير التربية حاتم سالم العودة المدرسية بالهادئة", "حاتم سالم"),
    # the word announcing what follows
    ("أصدر رئيس الحكومة نادر سليم الآتي: «يحتفل", "نادر سليم"),
    # a family name ending in ة stays
    ("قال وزير الداخلية عاطف الطراونة إن", "عاطف الطراونة"),
])
def test_what_follows_a_name_is_no_family_name(text: str, name: str) -> None:
    assert _mention(text)[0] == name


def test_a_verbs_object_after_a_titles_comma_is_no_name() -> None:
    text = ("وانتقد وزير الخارجية الأسبق، إقدام سامر حداد على استقبال وفد المعارضة، معتبرا في تدوينة أن "
            "القرار يضر بالعلاقات بين البلدين.")
    tokens = tokenize(text)
    mention, _ = parse_person(text, tokens, 1, len(tokens))
    assert mention is not None and mention.name is None and mention.title == "وزير الخارجية الأسبق"


def test_a_name_between_commas_after_a_title_is_read_to_its_stop() -> None:
    assert _mention("قال وزير الخارجية الأسبق، سامر عبد الله الحداد في تصريح إن") == (
        "سامر عبد الله الحداد", "وزير الخارجية الأسبق")


def test_a_name_between_a_titles_comma_and_a_prepositional_phrase() -> None:
    assert _mention("أشاد رئيس الجمهورية، عبد الكريم سامر باحترافية الصحافيين في تغطية الحملة") == (
        "عبد الكريم سامر", "رئيس الجمهورية")


@pytest.mark.parametrize(("text", "name"), [
    # four plain words and no stop: the name, then what he conveyed
    ("وجه وزير الاتصال سامر حداد خالص عبارات الشكر والتقدير إلى الصحفيين", "سامر حداد"),
    # an accusative noun after a name of three words: what he received
    ("استقبل وزير الاتصال أحمد محمد علي وفدا من الصحفيين", "أحمد محمد علي"),
    # three plain words before a stop stay a name
    ("قال وزير الاتصال أحمد محمد علي إن", "أحمد محمد علي"),
])
def test_an_object_after_a_name_is_no_part_of_it(text: str, name: str) -> None:
    assert _mention(text)[0] == name


@pytest.mark.parametrize(("text", "name"), [
    # to whom it was said, with لـ and the article, closes a name between commas
    ("ذكر المتحدث الرسمي للوزارة، سامر كريم الحداد للوكالة الرسمية، إن", "سامر كريم الحداد"),
    # "بلاده" (his country) is no prepositional phrase: the verbal noun before it is no name
    ("أكد وزير الخارجية سامر علي الحداد دعم بلاده لعودة اللاجئين", "سامر علي الحداد"),
])
def test_what_was_said_to_whom_or_what_he_backed_is_no_part_of_a_name(text: str, name: str) -> None:
    assert _mention(text)[0] == name


def test_a_verbal_noun_after_a_name_is_what_he_announced() -> None:
    assert _mention("أعلن وزير الخارجية سامر عوض استعداد الدولة للتفاوض مع أي جهة")[0] == "سامر عوض"
