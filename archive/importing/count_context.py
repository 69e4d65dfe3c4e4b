"""Words around a number that say it gives a count, and what a number may count.

A counted noun is an indefinite noun after the number ("90 متدربا"): never a definite word ("المقعد 7
الأقرب"), a verb ("الرمز 112 يحفظ"), a word of where it ranks ("150 عالميا") or a preposition before a
body or a circumstance ("الاجتماع 45 لمجلس الوزراء"، "القمة 32 بحضور"). A number with nothing counted,
no unit and no scale is a figure only after the words that give its count ("وبلغ عدد المتدربين 90").
``not_figures`` and ``figure_reading`` ask this module.
"""

from __future__ import annotations

from archive.importing import lexicon as lx
from archive.importing.tokens import Token, strip_prefix


def _keys(words: str) -> frozenset[str]:
    return frozenset(lx.key(word) for word in words.split())


# Words of where a number ranks ("المركز 3 عالميا"): never what it counts.
RANK_WHERE = _keys("عالميا عربيا إقليميا محليا خليجيا دوليا إفريقيا أفريقيا آسيويا")
# Words before a number that say it gives a count ("بلغ عدد المتدربين 90", "وصل إلى 5000"), the verbs' nouns
# among them ("ارتفاع الإصابات إلى 244").
AMOUNT_WORDS = _keys("""
عدد بلغ بلغت يبلغ تبلغ وصل وصلت يصل تصل ليصل لتصل ارتفع ارتفعت يرتفع ترتفع انخفض انخفضت تراجع تراجعت
ارتفاع انخفاض وصول بلوغ إجمالي اجمالي مجموع بمجموع قدره قدرها
""")
# Verbs and nouns of attending or counting right before a count ("شارك 2000 متدرب", "بحضور 1950 زائرا").
COUNT_VERBS = _keys("""
شارك شاركت يشارك تشارك مشاركة حضر حضرت يحضر تحضر حضور استقبل استقبلت يستقبل تستقبل استقطب استقطبت جذب جذبت
ضم ضمت يضم تضم سجل سجلت يسجل تسجل زار زارها يزور وزع وزعت توزيع تدريب درب دربت أهل أهلت تأهيل
""")
# Nouns of a count or a total; with the article or a pronoun they give the count of a noun printed before
# ("ليرتفع العدد الإجمالي للحالات ... إلى 1250"، "فعددها 40"، "مجموعهم 215").
_MEASURE_NOUNS = _keys("عدد إجمالي اجمالي مجموع حصيلة")
_PRONOUNS = ("هما", "هم", "هن", "ها", "ه")
_AMOUNT_WINDOW = 6  # words back, within the sentence
# After "إلى", the count's noun and its verb may be a whole clause back ("ارتفع عدد الحالات المسجلة في
# المملكة منذ بداية الجائحة إلى 1250"): words back, within the clause.
_TO_WINDOW = 12
_TO = _keys("إلى الى")
_ORIGIN = lx.key("أصل")
# "منها واحدة محلية"، "منهم ثلاثة"، "من بينها 9": a part of the count just given.
_PARTITIVES = _keys("منها منهم منهن منهما")
_AMONG = _keys("بينها بينهم بينهن")
# Nouns that make a preposition of "من" ("من أجل"، "من خلال"): after a number, no counted noun follows.
_COMPOUND_PREPOSITIONS = _keys("أجل خلال قبل بعد دون جانب جهة حيث أمام وراء خارج داخل لدن")
# A noun ending in the ت of a feminine noun and a pronoun ("وعاصمتها"، "دورته"، "مبادرتنا") is possessed,
# so definite: it never is what a number counts.
_POSSESSED_ENDINGS = ("تها", "تهم", "تهما", "تهن", "ته", "تنا", "تكم")
# After "و", a plural's pronoun ("وأهدافها"، "وبنودهم") says "and its ...": no count goes on.
_JOINED_PRONOUNS = ("ها", "هم", "هما", "هن")
NOT_COUNTED = _keys("""
في من على إلى الى عن مع أن إن الذي التي و أو ثم حيث كما خلال منذ بين عبر لدى عند بعد قبل وذلك هذا هذه
ليس ليست لم لن لا ولا قد كان كانت حتى وحتى تقريبا أمس غدا حاليا أيضا فقط مجددا
""")
# Verbs the lexicon knows (of speech, of events, of attending, of reaching an amount, of praise): after a number
# they open a new clause ("فرانس 24 ذكرت"، "المبنى 4 ضم"، "من 2023 بلغ"، "24 واثنى على"); the words among them
# that are nouns too ("عقد"، "سجل"، "رأي"، "مشاركة") are left out.
_KNOWN_VERBS = (lx.REPORTING_VERBS | lx.CONTINUATION_VERBS | lx.EVENT_VERBS | _keys("""
شارك شاركت حضر حضرت استقبل استقبلت استقطب استقطبت جذب جذبت ضم ضمت زار زارت وزع وزعت درب دربت
بلغ بلغت وصل وصلت ارتفع ارتفعت انخفض انخفضت تراجع تراجعت تجاوز تجاوزت أشاد أشادت أثنى أثنت
""")) - _keys("عقد سجل رأي ذكر ختم اختتام افتتاح انطلاق")
# Nouns of a circumstance glued to ب or ل after a number ("القمة 32 بحضور"، "الذكرى 50 لتأسيسها"):
# they say how or why something happened, never what the number counts.
_CIRCUMSTANCE_NOUNS = tuple(_keys("حضور مشاركة رعاية مناسبة تأسيس إنشاء انطلاق افتتاح تنظيم"))
# Bodies and events a preposition may be glued to: "45 لمجلس", "62 لمعرض" say whose the number is.
_BODY_NOUNS = lx.ORGANISATION_HEADS | frozenset(lx.EVENT_NOUNS) | lx.VENUE_HEADS
_SENTENCE_MARKS = frozenset(".!?؟\n:؛،,")


def can_be_counted(token: Token) -> bool:
    """Whether ``token`` may be the noun a number counts: an indefinite noun, not a verb or a phrase."""
    word = token.key
    if not token.is_word or not word or word in NOT_COUNTED or word in RANK_WHERE:
        return False  # "150 عالميا" ranks
    bare = strip_prefix(word, "وفبلك")
    if word.startswith(("ال", "لل")) or bare.startswith("ال"):
        return False  # definite: "المقعد 7 الأقرب"
    if word[0] in "لب" and (word[1:] in _BODY_NOUNS or word[1:].startswith(_CIRCUMSTANCE_NOUNS)):
        return False  # "الاجتماع 45 لمجلس الوزراء", "القمة 32 بحضور"
    if token.text.endswith(_POSSESSED_ENDINGS) and len(token.text) > 4:
        return False  # "حدود 67 وعاصمتها القدس": possessed, so definite
    if word[0] == "و" and len(word) >= 6 and word.endswith(_JOINED_PRONOUNS):
        return False  # "الخطة 20 وأهدافها": "and its ...", a new phrase ("وجها", "وفدا" are nouns)
    verb = strip_prefix(word)
    if word in _KNOWN_VERBS or verb in _KNOWN_VERBS or _future_verb(token.text):
        return False  # "الجزيرة 360 أطلقت", "الطريق 15 سيفتتح"
    return not (verb[0] == "ي" and len(verb) >= 4 and not verb.endswith("ا"))  # "112 يحفظ"


def _future_verb(word: str) -> bool:
    """ "سيفتتح"، "ستنطلق"، "سنعمل": س and an imperfect verb; "سيارة"، "سيدات"، "سياسيين" are nouns."""
    rest = word[1:]
    return (word[:1] == "س" and rest[:1] in "يتن" and len(rest) >= 4
            and not rest.endswith(("ة", "ه", "ا", "ات", "ين", "ون", "ي")))


def has_amount_context(tokens: list[Token], first: int) -> bool:
    """Whether the words just before the number say it gives a count ("وبلغ عدد المتدربين 90"); after
    "إلى", anywhere in its clause ("ارتفع عدد الحالات ... إلى 1250")."""
    if first > 1 and tokens[first - 1].key == _ORIGIN and tokens[first - 2].key == lx.key("من"):
        return True  # "22 حالة وفاة من أصل 41": the whole of a share
    after_to = first > 0 and tokens[first - 1].key in _TO
    window = _TO_WINDOW if after_to else _AMOUNT_WINDOW
    for index in range(first - 1, max(-1, first - 1 - window), -1):
        token = tokens[index]
        if token.text in _SENTENCE_MARKS or (token.newline_before and index < first - 1):
            return False
        if _gives_an_amount(token):
            return True
    return False


def _gives_an_amount(token: Token) -> bool:
    """ "بلغ", "وصل" (its و is its own), "وبلغ", "العدد", "فعددها": a verb or a noun of a count."""
    pronoun = not token.text.endswith("ة")  # "مجموعة" is a group, "مجموعه" its total
    for word in (token.key, strip_prefix(token.key, "وفل")):
        if word in AMOUNT_WORDS:
            return True
        bare = word[2:] if word.startswith("ال") else word
        if bare in _MEASURE_NOUNS or (pronoun and _without_pronoun(bare) in _MEASURE_NOUNS):
            return True
    return False


def _without_pronoun(word: str) -> str:
    for pronoun in _PRONOUNS:
        if word.endswith(pronoun):
            return word[:-len(pronoun)]
    return word


def after_partitive(tokens: list[Token], first: int) -> bool:
    """ "14 إصابة منها واحدة محلية"، "منهم ثلاثة"، "من بينها 9": the number is a part of a count just given."""
    if first == 0:
        return False
    previous = strip_prefix(tokens[first - 1].key)
    if previous in _PARTITIVES:
        return True
    return previous in _AMONG and first > 1 and strip_prefix(tokens[first - 2].key) == lx.key("من")


def prepositional_from(tokens: list[Token], position: int) -> bool:
    """ "من أجل"، "من خلال"، "من خارج" at ``position``: a preposition, not "من" and a counted noun."""
    return (position + 1 < len(tokens) and tokens[position].key == lx.key("من")
            and tokens[position + 1].key in _COMPOUND_PREPOSITIONS)
