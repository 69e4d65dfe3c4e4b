"""A family name printed alone right after a verb of speech is the sentence's subject, the person printed in
full before, and the participle clauses of that sentence continue him (issue 10, the speakers round pooled
over every studied set, 3 December 2026): "وشدد حماد على ضرورة ...، مؤكدا أن ..." is the man named
"أسامة حماد" above, not the last person named; likewise with the article ("أشار الصايغ إلى أن"). Only
after a verb of speech: "من جهة أخرى أشار معاليه" names no "أخرى".

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import extract
from tests.archive.extracted import quote_speakers


def test_a_family_name_after_the_verb_keeps_its_participle_clause() -> None:
    text = ("انطلقت أعمال ملتقى الموانئ بحضور رئيس الهيئة العامة للموانئ سعيد بركات، ومدير الجمارك منير عواد، "
            "وعدد من المستثمرين.\n"
            "وشدد بركات خلال كلمته في الجلسة الأولى للملتقى، على ضرورة تسريع أعمال التوسعة، "
            "مؤكدا أن الهيئة ستطرح مناقصات جديدة قبل نهاية العام.")
    assert quote_speakers(text) == ["سعيد بركات"]


def test_a_family_name_with_the_article_after_the_verb_keeps_its_participle_clause() -> None:
    text = ("زار وزير الصحة كريم داود مستشفى المدينة، في حضور النائبين رامي عزت وسمير الحلبي، "
            "ورئيس البلدية نبيل فارس.\n"
            "من جهته، أشار الحلبي إلى أن \"الزيارة فرصة لبحث حاجات المستشفى\"، "
            "معتبرا أن \"المنطقة تنتظر قسم الطوارئ منذ سنوات\".")
    assert quote_speakers(text) == ["سمير الحلبي", "سمير الحلبي"]


def test_a_word_after_no_verb_of_speech_is_no_subject() -> None:
    text = ("أكد معالي الوزير خالد العامري أن هناك مبادرة للتعاون الإقليمي تشارك فيها أطراف أخرى والتي حددت "
            "بعض أولوياتها.\n"
            "من جهة أخرى أشار معاليه إلى أن الوزارة تعد خطة جديدة للنقل البحري.")
    assert quote_speakers(text) == ["خالد العامري", "خالد العامري"]
    assert [person.name for person in extract(text).people] == ["خالد العامري"]
