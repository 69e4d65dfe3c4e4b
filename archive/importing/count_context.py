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
# Words before a number that say it gives a count ("بلغ عدد المتدربين 90", "وصل إلى 5000").
AMOUNT_WORDS = _keys("""
عدد بلغ بلغت يبلغ تبلغ وصل وصلت يصل تصل ليصل لتصل ارتفع ارتفعت يرتفع ترتفع انخفض انخفضت تراجع تراجعت
إجمالي اجمالي مجموع بمجموع قدره قدرها
""")
# Verbs and nouns of attending or counting right before a count ("شارك 2000 متدرب", "بحضور 1950 زائرا").
COUNT_VERBS = _keys("""
شارك شاركت يشارك تشارك مشاركة حضر حضرت يحضر تحضر حضور استقبل استقبلت يستقبل تستقبل استقطب استقطبت جذب جذبت
ضم ضمت يضم تضم سجل سجلت يسجل تسجل زار زارها يزور وزع وزعت توزيع تدريب درب دربت أهل أهلت تأهيل
""")
_AMOUNT_WINDOW = 6  # words back, within the sentence
NOT_COUNTED = _keys("""
في من على إلى الى عن مع أن إن الذي التي و أو ثم حيث كما خلال منذ بين عبر لدى عند بعد قبل وذلك هذا هذه
ليس ليست لم لن قد كان كانت تقريبا
""")
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
    verb = strip_prefix(word)
    return not (verb[0] == "ي" and len(verb) >= 4 and not verb.endswith("ا"))  # "112 يحفظ"


def has_amount_context(tokens: list[Token], first: int) -> bool:
    """Whether the words just before the number say it gives a count ("وبلغ عدد المتدربين 90")."""
    for index in range(first - 1, max(-1, first - 1 - _AMOUNT_WINDOW), -1):
        token = tokens[index]
        if token.text in _SENTENCE_MARKS or (token.newline_before and index < first - 1):
            return False
        if strip_prefix(token.key, "وفل") in AMOUNT_WORDS:
            return True
    return False
