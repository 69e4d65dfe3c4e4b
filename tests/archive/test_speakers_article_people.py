"""A speaker resolved against the article's people, whatever the newspaper (issue 10, the second fresh
set's three families of wrong speakers).

Every sentence here is written for these tests. The mechanisms: a person named in short form (a given
name and a prefix of the full name, the family name alone, "آل ثاني") is the one person whose fuller
name printed in the same article holds those words in order, never one of two; a title alone is the one
person printed with that post; words that are no name at all (a verb, a preposition phrase) are no
speaker: left empty, a continuation keeping the previous speaker. Also names the parser cut short: a
"بن" after a given name and a father's name, a Gulf name of four words closed by a post.
"""

from __future__ import annotations

from archive.importing.extraction import extract
from archive.importing.people import parse_person
from archive.importing.tokens import tokenize
from tests.archive.extracted import quote_speakers


def _name(text: str) -> str | None:
    tokens = tokenize(text)
    mention, _ = parse_person(text, tokens, 0, len(tokens))
    return mention.name if mention else None


def test_a_bin_after_a_given_and_a_fathers_name_goes_on_with_the_name() -> None:
    assert _name("الأستاذة نوال حسين بن سالم وزيرة الدولة لشؤون الشباب أن") == "نوال حسين بن سالم"


def test_a_gulf_name_of_four_words_closed_by_a_post_is_whole() -> None:
    assert _name("الشيخ الدكتور فهد ناصر المبارك الجاسم وزير الداخلية بالتصريح التالي") == \
        "فهد ناصر المبارك الجاسم"


def test_a_given_name_and_a_prefix_of_the_full_name_is_the_person_printed_in_full() -> None:
    text = ("استقبل وزير الخارجية الشيخ ناصر بن عبد العزيز آل مهنا نظيره التونسي في العاصمة اليوم.\n"
            "وقال ناصر بن عبد العزيز، خلال مؤتمر صحفي مشترك، إن العلاقات بين البلدين متينة جدا. "
            "كما أعلن آل مهنا أن السفارة ستفتح أبوابها في الشهر المقبل.")
    assert quote_speakers(text) == ["ناصر بن عبد العزيز آل مهنا"] * 2


def test_a_short_name_shared_by_two_people_is_left_as_printed() -> None:
    text = ("حضر اللقاء الدكتور سالم بن راشد الهاشمي والمهندس سالم بن راشد الكعبي في مقر الغرفة.\n"
            "وقال سالم بن راشد إن المشروع سيبدأ في الربيع المقبل بعد اكتمال التصاميم.")
    assert quote_speakers(text) == ["سالم بن راشد"]


def test_a_headline_title_alone_is_the_one_person_printed_with_that_post() -> None:
    text = ("وزيرة شؤون الثقافة: الخطة الجديدة تضع المكتبات في قلب الأحياء\n"
            "أكدت الأستاذة ليلى حسين بن مراد وزيرة الدولة لشؤون الثقافة أن الخطة الجديدة تضع "
            "المكتبات في قلب الأحياء.")
    assert quote_speakers(text) == ["ليلى حسين بن مراد"] * 2


def test_a_preposition_phrase_after_the_verb_is_no_speaker_the_words_keep_their_speaker() -> None:
    text = ("قالت الناطقة باسم الهيئة منى الصافي إن الهيئة لم تتلق أي طلب رسمي حتى الآن.\n"
            "وأوضحت عبر صفحتها على موقع التواصل، أن التصريح نشر بصورة ناقصة ومجتزأة.")
    assert quote_speakers(text) == ["منى الصافي"] * 2


def test_a_verb_read_as_a_speaker_is_none_a_continuation_keeps_the_previous_speaker() -> None:
    text = ("قال وزير الإعلام الأستاذ عادل الطيب إن المدينة استعادت حياتها الطبيعية بالكامل.\n"
            "وأضاف انتهى زمن الانتظار، وبدأ زمن البناء والعمل لكل أبناء الوطن.")
    assert quote_speakers(text) == ["عادل الطيب"] * 2



def test_a_name_after_a_title_goes_on_through_bin() -> None:
    assert _name("رئيس هيئة المتاحف عبد الرحمن بن سالم الكندي.") == "عبد الرحمن بن سالم الكندي"


def test_a_gulf_name_whose_fathers_carry_the_article_is_whole() -> None:
    assert _name("الشيخ جابر الأحمد السالم الصباح، رئيس مجلس الأمة، أن") == "جابر الأحمد السالم الصباح"


def test_the_speech_noun_after_a_name_is_no_part_of_it() -> None:
    assert _name("الشيخ جابر الأحمد القول: «إننا") == "جابر الأحمد"
    assert _name("الشيخ فهد خطابه في الافتتاح") != "فهد خطابه"


def test_a_headline_title_worded_otherwise_is_the_one_holder_of_that_post() -> None:
    text = ("متحدث الحكومة: المدارس تفتح أبوابها في موعدها\n"
            "أكد المستشار كريم الزيات، المتحدث الرسمي باسم رئاسة مجلس الوزراء، أن المدارس تفتح أبوابها "
            "في موعدها المحدد.")
    assert quote_speakers(text) == ["كريم الزيات"] * 2



def test_a_headline_title_goes_to_the_holder_of_that_post_not_to_the_first_minister_below() -> None:
    text = ("وزير الإعلام: التغطية ستكون مفتوحة لكل الصحفيين\n"
            "قال وزير الداخلية اللواء سالم بن راشد الحارثي إن الطرق ستغلق صباح الافتتاح.\n"
            "وقال وزير الإعلام الدكتور ناصر بن علي الكندي إن التغطية ستكون مفتوحة لكل الصحفيين.")
    assert quote_speakers(text) == ["ناصر بن علي الكندي", "سالم بن راشد الحارثي", "ناصر بن علي الكندي"]


def test_a_name_in_quotation_marks_between_commas_after_a_title_is_the_person() -> None:
    text = 'قال وزير الشؤون الخارجية، "سامي بن علي"، في تصريح للوكالة، إن الزيارة ناجحة ومثمرة جدا.'
    [quote] = extract(text).quotes
    assert (quote.speaker, quote.speaker_title) == ("سامي بن علي", "وزير الشؤون الخارجية")


def test_the_government_spokesman_by_its_adjective_is_the_spokesman_in_the_governments_name() -> None:
    text = ("قال الناطق الرسمي باسم الحكومة عادل بن سالم المصري إن الوضع الأمني مستقر تماما.\n"
            "“الأمن أولوية للجميع”، وفق الناطق الحكومي.")
    assert quote_speakers(text) == ["عادل بن سالم المصري"] * 2


def test_a_post_named_inside_a_quote_is_no_holder_of_that_post() -> None:
    text = ("قال وزير الثقافة عمر بن سالم الدوري إن المهرجان سيقام في موعده.\n"
            "وقال الدوري: “لا أريد أن يقال إن وزير الثقافة رفض الرد على الأسئلة”.\n"
            "وأضاف الوزير: “الأبواب مفتوحة لكل من يريد أن يسأل”.")
    assert quote_speakers(text) == ["عمر بن سالم الدوري"] * 3


def test_the_events_noun_alone_speaking_is_the_event_the_article_reports() -> None:
    text = ("قررت إدارة منتدى شباب المدن استضافة ألف شاب فى فعاليات المنتدى هذا العام.\n"
            "وتشمل الخطة ورش العمل التى ينظمها المنتدى على مدار العام.\n"
            "وأضاف المنتدى، فى بيان منسوب له، “التسجيل مفتوح حتى نهاية الشهر الجاري”.")
    proposals = extract(text)
    [quote] = (*proposals.quotes, *proposals.further_quotes)
    assert quote.speaker == "منتدى شباب المدن"


def test_a_slash_after_the_honorific_leaves_the_name_whole() -> None:
    text = ("عقد الدكتور كمال البنا رئيس الوزراء، والسيد/ سامي العلي، رئيس الوزراء العراقي، مؤتمرا صحفيا.\n"
            "وأضاف رئيس الوزراء العراقي أن حكومته تولي أهمية قصوى للتعاون بين البلدين.")
    assert quote_speakers(text) == ["سامي العلي"]


def test_a_verb_after_a_relative_pronoun_is_said_by_the_person_just_before_it() -> None:
    text = ("استقبل وزير الصحة الدكتور سامي بن علي الهاشمي وفدا برئاسة الدكتور خالد بن سعيد المطيري، "
            "الذي أشار إلى أن التعاون بين البلدين يشمل التدريب والبحث العلمي.")
    assert quote_speakers(text) == ["خالد بن سعيد المطيري"]


def test_a_title_between_commas_after_a_name_takes_no_second_name_after_it() -> None:
    text = ("أكد هشام فؤاد، وزير التجارة الأسبق، ضرورة دعم الصادرات الزراعية، لتنويع مصادر الدخل، "
            "موضحا أن الأسواق الأفريقية واعدة جدا.")
    proposals = extract(text)
    assert [quote.speaker for quote in (*proposals.quotes, *proposals.further_quotes)] == ["هشام فؤاد"]
