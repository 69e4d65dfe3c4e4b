"""A post printed right after its holder's name, after a verb of speech, is that person's; what follows it is
what the verb says, never a second holder's name (issue 10, the eighth set's speaker round, 2 December 2026):
"أكد فلان الفلاني وزير الخارجية، رغبة بلاده في ..." and "أكد فلان خبير الشؤون الآسيوية عمق الروابط" name one
person, whose words they are. Read by the words' places (a verb of speech, a name, a post), not by a list.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.people import parse_person
from archive.importing.tokens import tokenize
from tests.archive.extracted import quote_speakers


def _mention_at(text: str, word: str) -> tuple[str, str | None, str | None]:
    tokens = tokenize(text)
    index = next(place for place, token in enumerate(tokens) if token.text == word)
    mention, _ = parse_person(text, tokens, index, len(tokens))
    assert mention is not None
    return mention.kind, mention.name, mention.title


def test_the_verbs_object_after_the_post_and_its_comma_is_no_name() -> None:
    text = ("وزير خارجية مالطا: نسعى لتعزيز التعاون مع تونس\n"
            "أكد أندريس ماكريدس وزير خارجية مالطا، رغبة بلاده في تعزيز العلاقات مع تونس، "
            "موضحا أن العلاقات بين البلدين راسخة منذ عقود طويلة.\n"
            "ونوه ماكريدس، إلى أن هناك تقدما واضحا على كافة الأصعدة في البلدين.")
    assert _mention_at(text, "وزير") == ("title", None, "وزير خارجية مالطا")
    assert set(quote_speakers(text)) == {"أندريس ماكريدس"}


def test_the_verbs_object_right_after_the_post_is_no_name() -> None:
    text = ("سامر حداد يؤكد عمق الروابط بين البلدين\n"
            "أكد سامر حداد خبير الشؤون الأفريقية عمق الروابط التي تجمع البلدين، مشددًا على أن "
            "الاجتماع الجاري يمثل محطة مهمة في مسار التعاون.\n"
            "وأوضح حداد أن الامتداد الجغرافي للبلدين يعكس طبيعة علاقة لا تقتصر على الحاضر.")
    assert _mention_at(text, "خبير") == ("title", None, "خبير الشؤون الأفريقية")
    assert set(quote_speakers(text)) == {"سامر حداد"}


def test_a_guest_after_a_host_who_receives_him_keeps_his_name() -> None:
    # guard: "استقبل" is no verb of speech: the post after the host's name is a guest's, with his name
    text = "استقبل سامر حداد وزير الخارجية مروان العلي في مكتبه."
    assert _mention_at(text, "وزير") == ("name", "مروان العلي", "وزير الخارجية")


def test_a_post_after_the_verb_keeps_its_holders_name() -> None:
    # guard: no name between the verb and the post: the name follows the post
    text = "أكد وزير الخارجية مروان العلي أن العلاقات راسخة منذ عقود."
    assert _mention_at(text, "وزير") == ("name", "مروان العلي", "وزير الخارجية")
