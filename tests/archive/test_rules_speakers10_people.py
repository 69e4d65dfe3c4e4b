"""People the article names before any quote (issue 10, the eighth set's speaker round, 2 December 2026): a
name read after a one-word post and followed by its full post is a person the article introduces, whatever
the verb before it.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from tests.archive.extracted import quote_speakers


def test_a_name_between_a_one_word_post_and_its_full_post_is_a_person() -> None:
    text = ("عقد الرئيس فلان الفلاني رئيس الجمهورية القرغيزية اجتماعا مع نظيره. "
            "وقال الرئيس القرغيزي إن العلاقات متينة جدا.")
    assert quote_speakers(text) == ["فلان الفلاني"]


def test_the_words_after_a_one_word_post_with_no_post_after_them_are_what_he_did() -> None:
    text = "وزار الوزير معرض الكتاب في العاصمة. وقال الوزير إن المعرض ناجح جدا."
    assert quote_speakers(text) == ["الوزير"]


def test_a_name_after_a_dash_is_the_posts_holder_and_the_post_alone_points_back_to_him() -> None:
    text = ("أعلن السكرتير الصحفي لرئيس الجبل - سامر جبارين، أن الرئيس سيزور المدينة في الشهر المقبل.\n"
            "وقال السكرتير الصحفي، عقب اتصال هاتفي: \"أكد الرئيس على الأهمية الخاصة للزيارة المرتقبة\".")
    assert quote_speakers(text) == ["سامر جبارين", "سامر جبارين"]


def test_a_post_a_spaced_en_dash_and_a_name() -> None:
    text = ("أكد الرئيس الجبلي – سامر جبارين، أن بلاده تعمل مع جيرانها على أساس الثقة.\n"
            "وأضاف الرئيس الجبلي: \"لقد تم التأكيد على ذلك خلال الزيارة الماضية إلى المدينة\".")
    assert quote_speakers(text) == ["سامر جبارين", "سامر جبارين"]


def test_a_verbal_noun_after_a_post_is_what_its_holder_did_not_his_name() -> None:
    text = ("قال الرئيس المصري سامر جبارين إن العلاقات متينة جدا.\n"
            "ورفض الرئيس المصري اقتراح ماجد سليمان بنقل السكان إلى السهل.\n"
            "وقال الرئيس المصري: \"نحن لا نقبل تهجير أي شعب من أرضه\".")
    assert quote_speakers(text) == ["سامر جبارين", "سامر جبارين"]


def test_a_womans_given_name_of_a_verbal_nouns_form_after_her_post_is_her_name() -> None:
    text = "التقت الوزيرة ابتسام الحسن الوفد الزائر. وقالت الوزيرة إن الخطة جاهزة للتنفيذ."
    assert quote_speakers(text) == ["ابتسام الحسن"]


def test_a_word_carrying_a_pronoun_after_a_second_verb_is_its_object_not_its_subject() -> None:
    text = ("أجرى قداسة البابا أنطونيوس لقاءه العام مع المؤمنين في الساحة واستهل تعليمه الأسبوعي بالقول: "
            "أيها الإخوة الأعزاء، لقد تحدثنا خلال هذه الفترة عن الرجاء.")
    assert quote_speakers(text) == ["أنطونيوس"]



def test_an_unnamed_spokeswoman_of_a_body_speaks_by_her_post_as_printed() -> None:
    text = "وقالت متحدثة باسم وزارة الزراعة في بيان: \"نتابع الوضع في المزارع عن كثب\"."
    assert quote_speakers(text) == ["متحدثة باسم وزارة الزراعة"]


def test_speaking_after_a_named_minister_is_how_she_spoke_not_a_post() -> None:
    text = "وقالت الوزيرة سلمى الكندي، متحدثة في المؤتمر، إن الخطة جاهزة للتنفيذ."
    assert quote_speakers(text) == ["سلمى الكندي"]


def test_a_sentence_opening_with_a_present_verb_names_no_subject_there() -> None:
    text = ("وقال البابا أنطونيوس إن العائلة أساس المجتمع كله.\n"
            "يمكن تحقيق ذلك قبل كل شيء من خلال الاستثمار في الأسرة، التي تقوم على أساس المحبة، "
            "\"مجتمع صغير ولكنه حقيقي، وقبل كل المجتمع المدني\".")
    assert quote_speakers(text) == ["أنطونيوس", "أنطونيوس"]
