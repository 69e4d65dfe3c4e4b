"""The holder of a post printed between commas after it (issue 10, the speakers round pooled over every
studied set with the eleventh, 3 December 2026). The press writes "POST، NAME، أن" however the post ends:
with a prepositional phrase ("المتحدث باسم التحالف ضد «داعش»، العقيد فلان الفلاني، في بيان"), with a body
qualified by a place ("رئيس القطاع الاقتصادي بالولاية، الطاهر فلان في تصريحات": a given name with the
article is still a given name there), or as an honorific alone ("قال الدكتور، فلان الفلاني ، وزير ...").
What follows such a comma and is no name ("على هامش المؤتمر"، "الاثنين") stays out of the name.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import extract
from tests.archive.extracted import proposed_people, quote_speakers


def test_a_post_ending_in_a_phrase_then_a_rank_and_a_name_between_commas() -> None:
    text = ("وقال المتحدث باسم التحالف البحري ضد “القرصنة”، العقيد مارك دالتون، في بيان نشره أمس: "
            "“لم تسجل أي إصابات بين البحارة”.\n"
            "وتابع دالتون: “سنواصل الدوريات في خليج عدن”.")
    assert ("مارك دالتون", "المتحدث باسم التحالف البحري ضد “القرصنة”") in proposed_people(text)
    assert quote_speakers(text) == ["مارك دالتون", "مارك دالتون"]


def test_a_given_name_with_the_article_after_a_posts_comma() -> None:
    text = ("وقال رئيس القطاع الصحي بالمحافظة، الطاهر عبد الرحيم في تصريحات أمس، إن المستشفيات جاهزة. "
            "وقال عبد الرحيم إن الأدوية متوفرة في كل المراكز.")
    assert ("الطاهر عبد الرحيم", "رئيس القطاع الصحي بالمحافظة") in proposed_people(text)
    assert quote_speakers(text) == ["الطاهر عبد الرحيم", "الطاهر عبد الرحيم"]


def test_an_honorific_alone_before_the_comma() -> None:
    text = "قال الدكتور، سامي الجبوري ، وزير الصحة ، إن الوزارة ستفتتح ثلاثة مستشفيات هذا العام."
    assert quote_speakers(text) == ["سامي الجبوري"]


def test_a_circumstance_after_the_posts_comma_is_no_name() -> None:
    text = "وقال وزير الصحة، على هامش المؤتمر، إن الوزارة ستفتتح ثلاثة مستشفيات هذا العام."
    assert all(name is None or "هامش" not in name for name, _ in proposed_people(text))
    assert quote_speakers(text) == ["وزير الصحة"]


def test_a_time_after_the_posts_comma_is_no_name() -> None:
    text = "وقال رئيس القطاع الصحي بالمحافظة، الاثنين الماضي في تصريحات، إن المستشفيات جاهزة."
    assert all(name is None or "الاثنين" not in name for name, _ in proposed_people(text))


def test_a_definite_noun_and_its_adjective_after_the_comma_is_no_name() -> None:
    text = "وقال رئيس القطاع الصحي بالمحافظة، الأسبوع المقبل في المؤتمر، إن المستشفيات جاهزة."
    assert all(name is None or "الأسبوع" not in name for name, _ in proposed_people(text))


def test_a_name_after_whom_he_wrote_to_is_not_the_posts_holder() -> None:
    text = "وقال وزير الخارجية في رسالة إلى نظيره، سامر القاسمي، إن البلدين سيوقعان الاتفاق قريبا."
    assert ("سامر القاسمي", "وزير الخارجية في رسالة إلى نظيره") not in proposed_people(text)
    assert quote_speakers(text) != ["سامر القاسمي"]


def test_a_given_name_with_the_article_after_an_honorific() -> None:
    text = ("وكشف مدير التعليم بالولاية الأستاذ الطاهر عثمان محمد عن أن المدارس ستفتح أبوابها الأحد. "
            "وأضاف الطاهر عثمان محمد أن الكتب وصلت إلى كل المدارس.")
    assert quote_speakers(text)[0] == "الطاهر عثمان محمد"


def test_a_family_name_with_the_article_after_an_honorific_stays_alone() -> None:
    text = "وأكد الدكتور العتيبي أهمية التعاون بين الجامعات، مشيرا إلى أن الاتفاقية ستوقع قريبا."
    assert all(name is None or "أهمية" not in name for name, _ in proposed_people(text))


def test_a_post_opening_with_rank_words_then_its_holder_after_the_comma() -> None:
    text = ("أعلن الوكيل المساعد للشؤون الفنية في وزارة الداخلية، العميد خالد السويدي، "
            "أن الدوريات ستزيد على كل الطرق الدولية. وأضاف السويدي أن الخطة تشمل كل المنافذ.")
    assert ("خالد السويدي", "الوكيل المساعد للشؤون الفنية في وزارة الداخلية") in proposed_people(text)
    assert quote_speakers(text) == ["خالد السويدي", "خالد السويدي"]


def test_a_rank_before_a_name_still_opens_it() -> None:
    text = "وقال اللواء سعد الحربي للصحفيين إن الدوريات ستزيد في الصيف."
    assert quote_speakers(text) == ["سعد الحربي"]


def test_a_cardinal_point_in_a_post_names_a_region_then_the_holder_after_the_comma() -> None:
    text = ("أعلن وزير الصحة بولاية شمال كردفان ،الدكتور صالح عثمان ادريس ،بأن المستشفيات جاهزة "
            "لاستقبال المرضى في كل المحليات.")
    assert ("صالح عثمان ادريس", "وزير الصحة بولاية شمال كردفان") in proposed_people(text)
    assert quote_speakers(text) == ["صالح عثمان ادريس"]


def test_a_royal_word_after_the_posts_comma_is_no_given_name() -> None:
    text = "قال العاهل الأردني، الملك سالم بن حسين، إن المملكة ستواصل الإصلاح في العام المقبل."
    people = [(person.name, person.honorific, person.title) for person in extract(text).people]
    assert ("سالم بن حسين", "الملك", "العاهل الأردني") in people
