"""The words the extraction rules recognise, as Arabic press writes them.

Every list is written in ordinary spelling and compared after ``normalize_arabic`` (hamza forms,
ى/ي, ة/ه, harakat and tatweel folded), so "الإعلام" and "الاعلام" or "أكّد" and "اكد" meet.
Changing what the rules know means changing a list here, not the rules. The words that attribute
speech (verbs of saying and their forms, participles, complementisers) are data: ``attribution.json``
next to this module, shipped as package data.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from archive.text.normalize import normalize_arabic


def _keys(words: str) -> frozenset[str]:
    return frozenset(normalize_arabic(word) for word in words.split())


_ATTRIBUTION = json.loads(resources.files("archive.importing").joinpath("attribution.json").read_text(encoding="utf-8"))


def _data_keys(name: str) -> frozenset[str]:
    """One word list of ``attribution.json`` (package data), in comparison form."""
    return frozenset(normalize_arabic(word) for word in _ATTRIBUTION[name])


@cache
def key(word: str) -> str:
    """The comparison form of one word."""
    return normalize_arabic(word)


# Reporting verbs (past and present, masculine and feminine). A quote needs one of these, or a colon.
REPORTING_VERBS = _data_keys("reporting_verbs")
# "بين" is also the preposition "between": only its doubled-letter spelling counts on its own.
AMBIGUOUS_VERBS = _data_keys("ambiguous_verbs")
# Verbs that continue the previous speaker ("وأضاف:", "وتابع قائلا").
CONTINUATION_VERBS = _data_keys("continuation_verbs")
# Circumstantial participles: "مشيرا إلى أن ..." continues the sentence's speaker.
PARTICIPLES = _data_keys("participles")
COMPLEMENTIZERS = _data_keys("complementisers")
# Complementizers fused with a pronoun ("أنه"): they open the quote and stay in its text.
PRONOUN_COMPLEMENTIZERS = _data_keys("pronoun_complementisers")
VERB_PARTICLES = _data_keys("verb_particles")
# Past verbs that report an act of speech by its topic ("تحدث عن", "طالب بـ", "دعا إلى"): after "، فيما" they
# open the reporter's next clause, not the speaker's words.
SPEECH_ACT_VERBS = _data_keys("speech_act_verbs")
# Verbs that introduce speech only before a colon or a quotation mark ("وزاد: «...»").
COLON_VERBS = _data_keys("colon_verbs")
# "وجاء في كلمة الوزير: «...»": a verb of appearing, then the speech or document the words are in.
SAID_IN_VERBS = _data_keys("said_in_verbs")
SPEECH_DOCUMENTS = _data_keys("speech_documents")
# "ونقلت الوكالة عن الوزير قوله إن ...": relaying verbs and the verbal nouns of what was said.
RELAYING_VERBS = _data_keys("relaying_verbs")
SPEECH_VERBAL_NOUNS = _data_keys("speech_verbal_nouns")
# A group speaking ("وأكد منظمو الملتقى أن", "مؤكدين أن"): nobody's words in particular, not a person.
# "أفاد بلاغ لوزارة ... بأن", "ذكر بيان صادر عن وزارة ... أن": the body whose statement it is speaks.
STATEMENT_NOUNS = _data_keys("statement_nouns")
STATEMENT_LINKS = _data_keys("statement_links")
GROUP_SUBJECTS = _data_keys("group_subjects")
PLURAL_PARTICIPLES = _data_keys("plural_participles")
# Nouns that introduce the words said: "وختم كلامه بالقول: «...»".
SPEECH_NOUNS = _data_keys("speech_nouns")
# Words between a speaker and the quote that say when or how it was said, not who said it.
CIRCUMSTANCE_WORDS = _keys("""
خلال أثناء عقب لدى بمناسبة تصريح تصريحه تصريحها تصريحات كلمة كلمته كلمتها حديث حديثه حديثها
معلقا معلقة تعليقا متحدثا متحدثة حيث على هامش مخاطبا مخاطبة قائلا قائلة كلامه كلامها بالقول بقوله
""")

# "فخامة" is a head of state's ("فخامة الرئيس"). "دولة" (a prime minister's in the Levant) and "سيادة" (an
# officer's or a bishop's) are a state ("دولة الإمارات") and sovereignty ("سيادة لبنان") too: they are in
# TITLED_HONORIFICS, honorifics only when a title word or a rank follows, as "فضيلة" (also a given name).
HONORIFICS = _keys("""
معالي سعادة صاحب صاحبة السمو سمو السيد السيدة الشيخ الشيخة فضيلة سماحة الدكتور الدكتورة د. د
المهندس المهندسة الأستاذ الأستاذة المكرم المكرمة الفاضل الفاضلة البروفيسور البروفسور العلامة
الأمير الأميرة فخامة
قداسة غبطة نيافة البابا الأنبا
""")
TITLED_HONORIFICS = _keys("فضيلة دولة سيادة")
# Honorific pronouns referring back to a person ("وقال معاليه").
HONORIFIC_PRONOUNS = {
    normalize_arabic(word): normalize_arabic(honorific)
    for word, honorific in (("معاليه", "معالي"), ("معاليها", "معالي"), ("سعادته", "سعادة"), ("سعادتها", "سعادة"),
                            ("سموه", "سمو"), ("سموها", "سمو"), ("فضيلته", "فضيلة"), ("سماحته", "سماحة"),
                            ("فخامته", "فخامة"))
}
# Maghreb press writes French ranks as they sound ("ليوتنون كولونيل فلان", "الكومندان", "الجنرال").
RANKS = _keys("""
النقيب الملازم الرائد المقدم العقيد العميد اللواء الفريق المشير الركن أول الوكيل المساعد
ليوتنون كولونيل الكولونيل ماجور كومندان الكومندان جنرال الجنرال كابتن الكابتن قبطان القبطان
""")

TITLE_WORDS = _keys("""
وزير وزيرة الوزير الوزيرة مدير مديرة المدير المديرة رئيس رئيسة الرئيس الرئيسة نائب نائبة النائب
مساعد مساعدة مسؤول مسؤولة المسؤول المسؤولة اختصاصي اختصاصية أخصائي أخصائية الاختصاصي مستشار
مستشارة المستشار خبير خبيرة الخبير الخبيرة محاضر محاضرة باحث باحثة الباحث الباحثة عضو عضوة
أمين أمينة الأمين الأمينة وكيل وكيلة الوكيل محافظ المحافظ والي الوالي سفير سفيرة السفير مؤسس
المؤسس منسق منسقة مشرف مشرفة ممثل ممثلة المتحدث متحدث الناطق ناطق قائد مفتش مراقب مقرر مقررة
سكرتير سكرتيرة السكرتير السكرتيرة الإعلامي الإعلامية إعلامي إعلامية صحفي صحفية الكاتب الكاتبة كاتب كاتبة المدرب المدربة
مدرب مدربة مدون مدونة المدون ناشط ناشطة محلل محللة أستاذ رائدة رائد مهندس مهندسة أخصائي
الرئيس التنفيذي الرئيسة التنفيذية العام عام أمير أميرة مراسل مراسلة
الناطقة ناطقة المتحدثة متحدثة المستشارة الممثلة المنسقة المشرفة السفيرة القائدة المقررة العضو العضوة
نقيب نقيبة القائم القائمة الناشر الناشرة الشاعر الشاعرة الروائي الروائية الفنان الفنانة المخرج المخرجة الأديب الأديبة
الناقد الناقدة ولي العاهل عميد عميدة حاكم مفتي المفتي مندوب مندوبة المندوب قنصل القنصل
مفوض مفوضة المفوض المطران البطريرك مبعوث المبعوث مبعوثة المبعوثة
""")
ORGANISATION_HEADS = _keys("""
وزارة الوزارة مركز المركز هيئة الهيئة جامعة الجامعة كلية الكلية شركة الشركة مجلس المجلس
مديرية المديرية دائرة الدائرة جهاز الجهاز مؤسسة المؤسسة بنك البنك مصرف المصرف غرفة الغرفة لجنة اللجنة مكتب
المكتب أمانة الأمانة شرطة مجموعة المجموعة جمعية الجمعية اتحاد الاتحاد منظمة المنظمة صندوق الصندوق
سلطة السلطة بلدية البلدية معهد المعهد أكاديمية الأكاديمية محكمة المحكمة وكالة الوكالة إدارة الإدارة
مستشفى المستشفى نادي النادي بوابة البوابة منصة صحيفة الصحيفة قناة القناة إذاعة الإذاعة تلفزيون
قطاع القطاع حكومة الحكومة سفارة السفارة قنصلية القنصلية
""")
# Units inside an organisation: a title's organisation is the body they belong to, not the unit.
ORGANISATION_UNITS = _keys("قسم القسم دائرة الدائرة إدارة الإدارة مكتب المكتب وحدة الوحدة شعبة قطاع القطاع")
COMPANY_WORDS = _keys("شركة الشركة لشركة بشركة")

NAME_LINKS = _keys("بن بنت ابن ابنة")
# "المسؤول ذاته", "المتحدث نفسه": "the same" official, the person met before (common in the Maghreb press).
SAME_WORDS = _keys("ذاته نفسه ذاتها نفسها")
# Words that never belong to a person's name: they end it.
NOT_NAME_WORDS = _keys("""
من في على إلى الى عن مع أن إن أنّ إنّ بأن الذي التي الذين هو هي هذا هذه ذلك تلك كما قد لقد وقد حيث
عدد بعض جميع كل أحد أحدث أبرز أهم أكثر أهمية دور خلال أثناء لدى عند بعد قبل لي له لها لهم لنا لك
كيف ما ماذا لماذا متى أين هل لا لم لن كان كانت يكون تكون ليس هناك هنا عرض عرضا ورقة محاضرة كلمة ورشة
جلسة المعظم حفظه الله ورعاه تعالى أيضا بدوره بدورها حسب بحسب وفق وفقا اليوم أمس غدا
فيه فيها خلاله خلالها بحضور إذ وإذ واذ أعرب أعربت اجتماعا بالحضور بالضيوف بالمشاركين بالوفد
ثم بل ولكن إنما حسبما كذلك إلا حتى لاسيما ولاسيما
""")  # the last line: particles that order, qualify or except clauses ("ثم تحدث الوزير", "توكاييف كذلك")

EVENT_NOUNS = {
    **dict.fromkeys(_keys("منتدى المنتدى ملتقى الملتقى"), "forum"),
    **dict.fromkeys(_keys("لقاء اللقاء لقائه لقاءه لقاءها لقائها اجتماع الاجتماع اجتماعه"), "meeting"),
    **dict.fromkeys(_keys("مؤتمر المؤتمر قمة القمة"), "conference"),
    **dict.fromkeys(_keys("ورشة الورشة"), "workshop"),
    **dict.fromkeys(_keys("ندوة الندوة معرض المعرض مهرجان المهرجان"), "other"),
}
EVENT_VERBS = _keys("""
اختتم اختتمت اختتام افتتح افتتحت افتتاح انطلق انطلقت انطلاق نظم نظمت ينظم تنظم عقد عقدت يعقد تعقد
أقام أقامت يقيم تقيم استضاف استضافت يستضيف تستضيف بدأ بدأت تبدأ يبدأ شهد شهدت أطلق أطلقت دشن دشنت
""")
# Words that end an event's name ("منتدى التواصل الحكومي الأول أعماله ...").
EVENT_NAME_STOPS = _keys("""
أعماله أعمالها فعاليات فعالياته فعالياتها جلساته جلساتها في على إلى الى عن من مع الذي التي الذين حيث
تحت وذلك اليوم أمس غدا يوم والذي والتي بحضور بمشاركة بتنظيم برعاية تحت لمدة بعنوان
""")
VENUE_HEADS = _keys("""
القاعة قاعة مسرح المسرح مركز فندق جامعة مبنى مقر قصر صالة دار مجمع ديوان نادي معرض منتجع الجامعة
""")
SESSION_NOUNS = (
    (normalize_arabic("حلقة نقاشية"), "panel"),
    (normalize_arabic("جلسة حوارية"), "panel"),
    (normalize_arabic("الجلسة الحوارية"), "panel"),
    (normalize_arabic("جلسة نقاشية"), "discussion"),
    (normalize_arabic("الجلسة النقاشية"), "discussion"),
    (normalize_arabic("حلقة عمل"), "workshop"),
    (normalize_arabic("ورشة عمل"), "workshop"),
    (normalize_arabic("ورشة"), "workshop"),
    (normalize_arabic("محاضرة"), "presentation"),
    (normalize_arabic("ورقة عمل"), "presentation"),
    (normalize_arabic("عرضا مرئيا"), "presentation"),
    (normalize_arabic("كلمة رئيسية"), "keynote"),
)

def _package_data(name: str) -> dict[str, object]:
    """One JSON file shipped beside this module (``cities.json``, ``countries.json``)."""
    data: dict[str, object] = json.loads(
        resources.files("archive.importing").joinpath(name).read_text(encoding="utf-8"))
    return data


def _places() -> frozenset[str]:
    """The world's states under every name of ``countries.json`` (a name of several words is one key),
    the cities of ``cities.json``, and the two cities the press heads news with as places ("غزة", "القدس")."""
    states = _package_data("countries.json")["states"]
    cities = _package_data("cities.json")["cities"]
    assert isinstance(states, list) and isinstance(cities, list)
    return frozenset(normalize_arabic(name) for names in states for name in names) \
        | frozenset(normalize_arabic(city) for city in cities) | _keys("غزة القدس")


# A place before a headline's colon ("البحرين: ...", "اليابان: ...") is no speaker.
PLACES = _places()

# The labels of a web page copied whole ("آخر تحديث:", "تاريخ النشر:", "المصدر:"): words before a colon that head
# the page's furniture, never a speaker. A label is the publishing noun it holds (its update, its publication, its
# source, its writer, its section), so "تاريخ النشر" and "نُشر بتاريخ" meet it; "مصدر أمني:" (a speaker) holds none.
PAGE_LABEL_WORDS = _keys("""
تحديث التحديث تعديل التعديل النشر نشر الإضافة إضافة
""")
# The first word of a page's byline ("كتب: فلان"، "بقلم - فلانة"، "تصوير: ..."، "الكاتب: حاوره فلان"): the writer's
# line, never the headline, a dateline's city or a speaker (event.find_headline, places.find_dateline, line_quotes).
BYLINE_LABELS = _keys("""
الكاتب الكاتبة كاتب بقلم إعداد تحرير المحرر المحررة كتب كتبت تصوير متابعة حوار حاوره حاورته المصدر نشر التاريخ
تقرير ترجمة
""")
# Labels of one word: "المصدر:" alone is the page's source line, "مصدر مسؤول:" is somebody.
PAGE_LABELS = _keys("""
المصدر التاريخ بقلم الكاتب المحرر التصنيف القسم الوسوم المشاهدات
""")

# The page speaking to its reader before a link to another article ("اقرأ أيضا:"، "اقرأ المزيد:"، "شاهد أيضا:"): an
# imperative alone or with the word after it, never a person. "شاهد عيان:" (a witness) is somebody.
READER_IMPERATIVES = _keys("""
اقرأ إقرأ اقرا شاهد طالع اطلع
""")
READER_POINTER_WORDS = _keys("""
أيضا أيضاً ايضا المزيد كذلك
""")

KNOWN_OUTLETS = _keys("""
الرؤية الوطن عمان العمانية الشبيبة أثير تايمز واس وام بنا كونا قنا الخليج البيان الاتحاد الرياض
الجزيرة الأيام الراية الشرق القبس الأنباء الجريدة الوسط
""")

# "يذكر أن" / "يشار إلى أن": impersonal ("it is worth noting that"), nobody is speaking.
IMPERSONAL_VERBS = _data_keys("impersonal_verbs")
# Words after a verb that show أن further on is not what was said: "أوضح كيف يمكن أن ...".
LATE_OPENING_STOPS = _data_keys("late_opening_stops")
# Nouns that take أن as their complement ("أهمية أن", "أمله في أن"): what follows is a topic, not speech.
TOPIC_NOUNS = _data_keys("topic_nouns")
