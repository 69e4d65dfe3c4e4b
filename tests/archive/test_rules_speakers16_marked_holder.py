"""A name of two words or more in quotation marks right after a post is the post's holder, whatever follows
its closing mark (issue 10, the speakers round pooled over every studied set with the eleventh, 3 December
2026): the closing mark ends the name as a comma would, so 'وزير الخارجية "فلان الفلاني" عدة لقاءات',
'وزير الثقافة "فلان الفلاني" خلال ...' and 'رئيس المجلس ” فلان الفلاني “.' name the minister and the
speaker. One word without the article in marks after a post ('الوزير "ماتوس"') is his family name, and a
name in closing-shaped marks after a verb ('وصرح ” فلان ” عقب') is the verb's subject. Marks after a post
whose last word heads what they name ('مدير قناة "..."') and one word with the article stay no name.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import extract
from tests.archive.extracted import proposed_people, quote_speakers


def test_a_marked_name_before_the_verbs_object_holds_the_post() -> None:
    text = ('عقد وزير الخارجية البرتغالي " جواو ماتوس" عدة لقاءات في العاصمة أمس.\n'
            'وعقب اللقاءات، أكد الوزير "ماتوس" للصحفيين أن المحادثات كانت مثمرة وصريحة.')
    assert ("جواو ماتوس", "وزير الخارجية البرتغالي") in proposed_people(text)
    assert quote_speakers(text) == ["جواو ماتوس"]


def test_a_marked_name_before_where_he_spoke_holds_the_post() -> None:
    text = ('وفي تصريح وزير السياحة "سامر الدباغ" خلال جولته في المعرض قال: «السياحة الثقافية '
            'تستحق دعما أكبر من القطاع الخاص».')
    assert quote_speakers(text) == ["سامر الدباغ"]


def test_a_marked_name_closing_the_sentence_holds_the_post() -> None:
    text = ('وكان في استقبال الوفد رئيس مجلس الشورى ” منصور العبيدي “.\n'
            'وصرح ” العبيدي ” عقب اللقاء إن المجلس يرحب بتعزيز التعاون البرلماني.')
    assert ("منصور العبيدي", "رئيس مجلس الشورى") in proposed_people(text)
    quotes = extract(text).quotes
    assert [quote.speaker for quote in quotes] == ["منصور العبيدي"]
    assert quotes[0].text.startswith("المجلس يرحب")  # the name in closing-shaped marks is no word of the quote


def test_the_honorific_before_the_marks_is_no_word_of_the_post() -> None:
    text = 'وأعلن المتحدث أن وزير خارجية قطر الشيخ "ناصر بن خليفة آل حمد" سيتوجه إلى الرياض غدا.'
    person = next(person for person in extract(text).people if person.name == "ناصر بن خليفة آل حمد")
    assert (person.honorific, person.title) == ("الشيخ", "وزير خارجية قطر")


def test_a_body_in_marks_after_a_post_is_no_name() -> None:
    text = 'وقال مدير قناة "نور الشام" خلال الحفل إن القناة ستبث برامج جديدة في رمضان.'
    assert all(name != "نور الشام" for name, _ in proposed_people(text))


def test_one_word_in_marks_after_a_post_is_still_no_new_person() -> None:
    text = 'وقال وزير الداخلية "الجديد" خلال المؤتمر إن الوزارة ستعلن خطتها قريبا.'
    assert all(name != "الجديد" for name, _ in proposed_people(text))
