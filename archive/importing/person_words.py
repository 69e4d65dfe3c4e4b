"""What one word may be inside a mention of a person: a name's word, a title's, a body's head, a particle.

The tests the readers of names (``person_names``), titles (``titles``) and speaking bodies
(``organisations``) share: a word's bare form (prefix "و/ب/ل/ال" dropped unless the word is itself an
honorific or a title), whether it is definite, whether it may belong to a name (not a title, particle,
verb, participle or word with tanween), whether it heads a body ("وزارة", "هيئة", "لشركة").
"""

from __future__ import annotations

from collections.abc import Callable

from archive.importing import lexicon as lx
from archive.importing.tokens import Token, strip_prefix
from archive.text.dates import MONTHS_AR
from archive.text.normalize import strip_marks

# A cardinal point in construct with a place names a region ("ولاية شمال بحر الغزال"): a place word too.
LOCATION_WORDS = {lx.key(word) for word in ("محافظة", "ولاية", "سلطنة", "دولة", "مملكة", "منطقة", "إمارة",
                                                       "إقليم", "جمهورية", "شمال", "جنوب", "شرق", "غرب")}


PREPOSITIONS = {lx.key(word) for word in ("في", "من", "لدى")}


FADILA = lx.key("فضيلة")


ALLAH = lx.key("الله")  # "محافظ رام الله": part of a place's name, not "حفظه الله"


# Given names that start like a present-tense verb (ي...): after two name words, any other such word is a verb.
_YA_NAMES = frozenset(lx.key(word) for word in ("يوسف", "يحيى", "ياسر", "يعقوب", "يونس", "يزيد", "ياسين", "يسري",
                                                 "يعرب", "يامن", "يمان", "ياسمين", "يسرا", "يسرى", "يارا", "يمنى",
                                                 "يسرية", "يوسفي", "ياقوت", "يحياوي"))


def is_circumstantial_participle(word_key: str) -> bool:
    """ "متوجها", "مخاطبا", "معقبا": an accusative participle (مُفعِلًا) saying how something was said. Foreign
    names of that shape have a long vowel second ("ماريا", "مونيكا", "ميلانيا") and stay names."""
    return len(word_key) >= 5 and word_key.startswith("م") and word_key.endswith("ا") and word_key[1] not in "اوي"


def is_verb_then_object(tokens: list[Token], position: int, limit: int) -> bool:
    """ "رئيس الوزراء يتلقى أسئلة": a present-tense verb right after a title, then an indefinite noun."""
    following = tokens[position + 1] if position + 1 < limit else None
    return following is not None and following.is_word and not following.key.startswith("ال") \
        and not following.newline_before and following.key not in lx.NAME_LINKS


def is_preposition_and_noun(token: Token) -> bool:
    """ "بزيارة", "بمناسبة": بـ with a feminine noun, not a name ("بوزيدة" is one)."""
    return token.key.startswith("ب") and not token.key.startswith("بو") and token.key.endswith("ه") \
        and len(token.key) >= 5


def looks_like_present_verb(token: Token) -> bool:
    return token.key.startswith("ي") and len(token.key) >= 4 and token.key not in _YA_NAMES


_TANWEEN = ("\u064b", "\u064c", "\u064d")


_NAME_SPELLINGS = frozenset(("علي", "وعلي"))  # "علي" the name folds onto "على" the preposition


def can_be_name_word(token: Token) -> bool:
    """A word that may belong to a person's name (not a title, particle, verb or organisation)."""
    return may_be_name(token) or token.key in lx.NAME_LINKS


_DAY = frozenset(lx.key(word) for word in ("يوم", "يومي"))
_AFFAIRS_LINKS = frozenset(lx.key(word) for word in ("لشؤون", "لشئون", "بشؤون", "بشئون", "وشؤون", "وشئون"))
# A particle joined to ما ("بما يلي", "مما", "عما"): never part of a name.
_PARTICLES_WITH_MA = frozenset(lx.key(word) for word in ("بما", "مما", "عما", "فيما", "لما", "وبما", "وفيما"))
# Greetings a person conveys ("ونقل الوزير تحيات وتهاني الرئيس"): what he conveyed, never a name.
_GREETINGS = frozenset(lx.key(word) for word in (
    "تحيات", "تحية", "تهاني", "تهنئة", "تمنيات", "تعازي", "تحياته", "تهانيه", "تمنياته", "تعازيه"))
# Occasions a person takes part in, written with بـ after him ("بجلسة", "بزيارة"): never the start of a name.
_OCCASIONS = frozenset(lx.key(word) for word in (
    "جلسة", "زيارة", "كلمة", "مناسبة", "مشاركة", "حفل", "افتتاح", "اختتام", "حضور", "رعاية", "استقبال"))


def may_be_name(token: Token) -> bool:
    if strip_marks(token.text) in _NAME_SPELLINGS or token.key == FADILA:
        return True
    if strip_prefix(token.key) in CIRCUMSTANCE_PREPOSITIONS or token.key in _ANNOUNCING_WORDS:
        return False  # "لافرنتييف ضمن برنامج": a preposition opens a circumstance; "فلان الآتي:" what follows
    if any(mark in token.text for mark in _TANWEEN) or is_circumstantial_participle(token.key) \
            or token.key in lx.SAME_WORDS:
        return False  # "وفدًا", "كثيرٌ", "متوجها", "المسؤول ذاته": a noun, a participle or "the same", never a name
    if token.key[:1] in "بل" and (token.key[1:] in lx.TITLE_WORDS or token.key[1:] in lx.ORGANISATION_HEADS):
        return False  # "برئيس", "لوزير": a title or body after a preposition
    if token.key in _AFFAIRS_LINKS:
        return False  # "وكيل الوزارة المساعد لشؤون الإعلام": the post goes on
    if token.key in _PARTICLES_WITH_MA:
        return False  # "صرح الوزير فلان بما يلي:": a particle, where the name has ended
    if bare_key(token) in _GREETINGS:
        return False  # "ونقل الوزير تحيات وتهاني الرئيس": what he conveyed
    if token.key in _DAY or (token.key[:1] == "ب" and (token.key[1:] in _OCCASIONS or token.key[1:] in lx.EVENT_NOUNS)):
        return False  # "حمدون توري يوم الثلاثاء", "وزير الخارجية بجلسة حوار": when and where, not who
    if _possessed_after_preposition(token):
        return False  # "نشرها الوزير فلان بحسابه بموقع التواصل": where he wrote, not his name
    bare = bare_key(token)
    return (token.is_word and len(token.key) > 1 and bare not in lx.NOT_NAME_WORDS
            and token.key not in lx.NOT_NAME_WORDS
            and bare not in lx.TITLE_WORDS
            and not is_body_head(token) and bare not in lx.COMPLEMENTIZERS and bare not in lx.PRONOUN_COMPLEMENTIZERS
            and bare not in lx.REPORTING_VERBS and bare not in lx.HONORIFICS and bare not in lx.CIRCUMSTANCE_WORDS
            and bare not in lx.PARTICIPLES and token.key not in lx.NAME_LINKS
            and bare not in lx.SPEECH_VERBAL_NOUNS  # "عن الوزير فلان قوله إن"
            and bare not in _SPEECH_WORDS_NOT_NAMES  # "في خطابه"، "وأكد الشيخ فلان القول: «"
            and bare not in lx.HONORIFIC_PRONOUNS)  # "واطلع سموه": the pronoun is nobody's name


# A possessive pronoun printed at a word's end ("حسابه", "كلمتها", "بلادهم").
_PRONOUN_ENDINGS = ("ه", "ها", "هم", "هما")


def _possessed_after_preposition(token: Token) -> bool:
    """ "بحسابه", "بصفتها": "بـ" glued to a noun carrying a pronoun as printed (five letters or more) is a
    prepositional phrase, never a name's word; the Maghreb's names in بو/بن/بل ("بوزيده") stay names."""
    word = strip_marks(token.text)
    return (len(word) >= 5 and word.startswith("ب") and not word.startswith(("بو", "بن", "بل"))
            and word.endswith(_PRONOUN_ENDINGS))


# Speech documents with a pronoun attached ("خطابه"، "كلمتها": his speech, her address) and the speech noun
# "القول" are never a name's words ("بيان" and "خطاب" alone may be given names).
def _possessed_document(word: str) -> bool:
    """ "خطابه" (خطاب), "بيانها" (بيان), "كلمته" and "كلمتها" (كلمة, keyed "كلمه"): a document and a pronoun."""
    docs = lx.SPEECH_DOCUMENTS
    return word[:-1] in docs or (word.endswith("ها") and word[:-2] in docs) or (
        word.endswith("ته") and word[:-2] + "ه" in docs) or (word.endswith("تها") and word[:-3] + "ه" in docs)


_SPEECH_WORDS_NOT_NAMES = frozenset(
    {word for word in lx.SPEECH_DOCUMENTS if _possessed_document(word)} | {lx.key("القول")})


def is_body_head(token: Token) -> bool:
    return attached_key(token) in lx.ORGANISATION_HEADS


def attached_key(token: Token) -> str:
    return token.key[body_prefix_length(token):]


def body_prefix_length(token: Token) -> int:
    word = token.key
    for prefix in ("وب", "ول", "ب", "ل", "و"):
        rest = word[len(prefix):]
        if word.startswith(prefix) and len(rest) > 2 and (rest in lx.ORGANISATION_HEADS or rest in LOCATION_WORDS):
            return len(prefix)
    return 0


def is_place_or_body(token: Token) -> bool:
    return token.key[body_prefix_length(token):] in LOCATION_WORDS or is_body_head(token)


# Days of the week: agency style prints the day right after the subject ("وأكد الوزير الجمعة، أن"); a day
# is when something was said, never part of a post or a name.
WEEKDAYS = frozenset(lx.key(word) for word in (
    "السبت", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة"))
# Prepositions and adverbs that open a circumstance after a person ("فلان ضمن جلسة", "عقب لقائه", "إثر"):
# where or when, never a name's word.
CIRCUMSTANCE_PREPOSITIONS = frozenset(lx.key(word) for word in (
    "ضمن", "عقب", "إثر", "اثر", "أمام", "عبر", "وسط", "حول", "نحو", "منذ", "تجاه", "إزاء", "لدى", "خلال", "أثناء",
    "بعد", "قبل", "عند", "ضد", "تحت", "فوق", "بشأن", "بخصوص", "دون", "بدون", "سوى"))
# "صدر عن رئيس الحكومة فلان الآتي:", "التالي": the words announcing what follows, never a family name.
_ANNOUNCING_WORDS = frozenset(lx.key(word) for word in ("الآتي", "الاتي", "التالي", "يلي"))
# Parts of the day that open a time when the day follows ("فلان صباح اليوم"); alone they may be names
# ("صباح الخالد").
DAY_PARTS = frozenset(lx.key(word) for word in ("صباح", "مساء", "ظهر", "عصر", "مطلع", "نهاية", "فجر"))
# Words saying when something was said ("فلان اليوم", "فلان أمس الجمعة"): they end a name.
TIME_WORDS = frozenset(lx.key(word) for word in ("اليوم", "أمس", "غدا", "الليلة", "حاليا", "سابقا")) | WEEKDAYS
# Where and when a person spoke, after a preposition ("وزير الخارجية في مؤتمر صحفي مشترك"، "الوزير في مقابلة
# مع"، "الرئيس المنتخب في نوفمبر"): an occasion (the lexicon's events and speech documents, an interview) or a
# month; never a post's complement, as a place is ("سفير ماليزيا في عمان").
_OCCASION_WORDS = frozenset(lx.EVENT_NOUNS) | lx.SPEECH_DOCUMENTS | frozenset(lx.key(word) for word in (
    "مقابلة", "حوار", "تصريحات", "مداخلة", *MONTHS_AR, "كانون", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز",
    "آب", "أيلول", "تشرين", "جانفي", "فيفري", "أفريل", "جوان", "جويلية", "أوت"))


def is_occasion(token: Token) -> bool:
    """ "مؤتمر"، "المقابلة"، "كلمته"، "نوفمبر": an occasion or a month, with or without the article."""
    key = strip_prefix(token.key)
    return key in _OCCASION_WORDS or (key.startswith("ال") and key[2:] in _OCCASION_WORDS)


# The particles of names from European languages ("لولا دا سيلفا", "دي ميستورا", "فان دير", "فون دير لاين"):
# a name goes on through them to the word they introduce.
NAME_PARTICLES = frozenset(lx.key(word) for word in (
    "دا", "دي", "دو", "دوس", "داس", "ديل", "ديلا", "دير", "فان", "فون", "ده"))
# Conjunctions opening a clause of time, contrast or cause ("قال فلان الفلاني عندما سئل"): a name ends before
# them, as before a circumstance.
CLAUSE_CONJUNCTIONS = frozenset(lx.key(word) for word in (
    "عندما", "حينما", "حين", "بينما", "فيما", "كما", "لما", "كلما", "إذ", "إذا", "لأن", "لكن", "لكنه", "لكنها"))
# "في تدخل له", "في تصريح لها": the pronoun says the noun before it is the speaker's own act (where it was said).
OWN_PRONOUNS = frozenset(lx.key(word) for word in ("له", "لها", "لهما", "لهم"))
# Ministries the press names by one word after a feminine verb ("وقالت الخارجية في بيان"): a body, never
# a family name.
MINISTRY_SHORT_NAMES = frozenset(lx.key(word) for word in ("الخارجية", "الداخلية", "المالية"))
# A "و" printed apart from its word ("و اللاسلكية", "و أضاف"): the conjunction all the same.
LONE_AND = lx.key("و")


# Words that start like the article "ال" but are particles or relatives: they end a title.
_LOOKS_DEFINITE = frozenset(lx.key(word) for word in (
    "إلى", "الى", "إلا", "الا", "الذي", "التي", "الذين", "اللذين", "اللتين", "اللاتي", "اللواتي", "الآن", "والتي",
    "والذي", "والذين", "بالإضافة", "بالرغم"))


_HAMZA_ALEF_LAM = ("أل", "إل")


def printed_without_article(token: Token) -> bool:
    """ "إلياس", "إلهام", "ألكسندر": a word printed with a hamza on its first alef before lam, which folding
    makes look like the article ("الياس"), but which has none: a given name, not a family name with ال."""
    return token.key.startswith("ال") and len(token.key) >= 4 and token.key not in _LOOKS_DEFINITE \
        and strip_marks(token.text).startswith(_HAMZA_ALEF_LAM)


def name_word_key(token: Token) -> str:
    """A word's key as a reader of names sees its article: without one for "إلياس", "ألكسندر"."""
    return "ء" + token.key[1:] if printed_without_article(token) else token.key


def has_article(word_key: str) -> bool:
    return word_key.startswith(("ال", "وال"))


def is_definite(word_key: str) -> bool:
    return word_key.startswith(("ال", "وال", "بال", "لل", "كال", "فال")) and word_key not in _LOOKS_DEFINITE


# "وإلى" folds onto "والي" (a governor) once hamza and ى are folded: as printed, it is "and to".
_TO_SPELLINGS = frozenset(("إلى", "وإلى", "فإلى", "الى", "والى"))


_TO = lx.key("إلى")


def bare_key(token: Token) -> str:
    if strip_marks(token.text) in _TO_SPELLINGS:
        return _TO
    return token.key if token.key in lx.HONORIFICS or token.key in lx.TITLE_WORDS else strip_prefix(token.key)


def take_while(tokens: list[Token], index: int, limit: int,
                test: Callable[[Token], bool]) -> tuple[list[Token], int]:
    taken: list[Token] = []
    while index < limit and ((tokens[index].is_word and test(tokens[index])) or (taken and tokens[index].text == ".")):
        taken.append(tokens[index])
        index += 1
    return taken, index


def joined(text: str, tokens: list[Token]) -> str | None:
    return without_conjunction(text[tokens[0].start:tokens[-1].end]) if tokens else None


def without_conjunction(phrase: str) -> str:
    # "ومعالي" and "والدكتور" keep their leading "و" in the text; the honorific does not.
    if len(phrase) > 3 and phrase[0] in "وف" and lx.key(phrase.split()[0][1:]) in lx.HONORIFICS | lx.TITLE_WORDS:
        return phrase[1:]
    return phrase
