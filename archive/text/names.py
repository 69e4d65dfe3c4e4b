"""People and organisation names as the press writes them.

Owns the honorifics that precede a name, the matching keys that make two spellings of one
name equal (داود/داوود, إبراهيم/ابراهيم, with or without ال, "عبد الله"/"عبدالله", ى/ي, ة/ه,
with or without بن/بنت), a same-person score, and the matching key of an organisation as the
press glues it into a sentence ("بوزارة الإعلام", "من شرطة عمان السلطانية").

Keys are for comparison only; names are stored and shown as first written.
"""

from __future__ import annotations

import re

from archive.text.normalize import normalize_arabic, normalize_with_offsets, original_span

# "فضيلة" alone is a common first name: it is an honorific only in "صاحب الفضيلة" or before
# الشيخ/a title ("فضيلة الشيخ", "فضيلة الدكتور").
HONORIFICS: tuple[str, ...] = (
    "حضرة صاحب الجلالة", "صاحب الجلالة", "جلالة", "صاحب السمو الملكي", "صاحبة السمو الملكي",
    "صاحب السمو", "صاحبة السمو", "سمو", "الأمير", "الأميرة", "السلطان", "الملك", "الملكة", "صاحب المعالي", "معالي",
    "صاحب السعادة", "سعادة", "صاحب الفضيلة", "فضيلة الشيخ", "فضيلة الشيخة", "فضيلة الإمام", "فضيلة المفتي",
    "فضيلة القاضي", "فضيلة الدكتور", "فضيلة الأستاذ", "سماحة", "الشيخ", "الشيخة",
    "السيد", "السيدة", "الفاضل", "الفاضلة", "المكرم", "المكرمة", "الحاج", "الحاجة",
    "الأستاذ الدكتور", "أ.د.", "أ.د", "الدكتور", "الدكتورة", "د.", "البروفيسور", "بروفيسور",
    "المهندس", "المهندسة", "م.", "الأستاذ", "الأستاذة", "أ.",
    "المشير", "الفريق أول", "الفريق", "اللواء", "العميد", "العقيد", "المقدم", "الرائد",
    "النقيب", "الملازم أول", "الملازم", "الركن",
    # Church titles, printed with the name as a king's is ("قداسة البابا فرنسيس", "غبطة البطريرك فلان").
    "قداسة", "غبطة", "نيافة", "البابا", "البطريرك", "الأنبا", "الكاردينال", "المطران",
)

_LETTERS = "\u0621-\u064aa-z"
_ABBREVIATIONS = tuple(title for title in HONORIFICS if title.endswith("."))


def _honorific_pattern() -> re.Pattern[str]:
    folded = sorted({normalize_arabic(title) for title in HONORIFICS}, key=len, reverse=True)
    alternatives = []
    for title in folded:
        body = re.escape(title).replace(r"\ ", r"\s+")
        # Abbreviations may be glued to the name ("د.عبدالله"); words must end at a word end.
        alternatives.append(body if title.endswith(".") else body + rf"(?![{_LETTERS}.])")
    return re.compile(r"\s*(?:" + "|".join(alternatives) + r")")


_HONORIFIC = _honorific_pattern()
_NOT_NAME_CHAR = re.compile(rf"[^{_LETTERS}\s]+")
_CONNECTORS = frozenset({"بن", "بنت", "ابن", "ابنه", "ال"})  # ال: "آل" of a family, as folded
_GLUE_NEXT = frozenset({"عبد", "ابو", "ابي", "ابا"})  # "عبد الله" = "عبدالله", "أبو بكر" = "أبوبكر"
_GLUE_PREVIOUS = frozenset({"الله", "الدين", "الرحمن"})  # "نور الدين" = "نورالدين"
_NAME_FOLD = str.maketrans({"ؤ": "و", "ئ": "ي"})
_DOUBLED_WAW = re.compile("وو+")
_EDGE_PUNCTUATION = " \t\n،,:؛;-–—ـ()\"'«»“”"


def split_honorific(name: str) -> tuple[str, str]:
    """("معالي الدكتور", "عبدالله بن ناصر الحراصي") from "معالي الدكتور عبدالله بن ناصر الحراصي"."""
    folded, offsets = normalize_with_offsets(name)
    folded = folded.casefold()
    end = 0
    while (match := _HONORIFIC.match(folded, end)) is not None and match.end() > end:
        end = match.end()
    if end == 0:
        return "", name.strip(_EDGE_PUNCTUATION)
    split_at = original_span(offsets, 0, end)[1]
    return name[:split_at].strip(_EDGE_PUNCTUATION), name[split_at:].strip(_EDGE_PUNCTUATION)


def name_tokens(name: str) -> list[str]:
    """The name's matching tokens: honorifics, بن/بنت/ابن/آل and punctuation dropped, ال stripped.

    Compound names are glued ("عبد الله" → "عبدالله", "نور الدين" → "نورالدين"), ؤ/ئ fold to و/ي
    and doubled waw to one (داوود → داود), on top of ``normalize_arabic``.
    """
    bare = split_honorific(name)[1]
    text = _NOT_NAME_CHAR.sub(" ", normalize_arabic(bare).casefold()).translate(_NAME_FOLD)
    words = [_DOUBLED_WAW.sub("و", word) for word in text.split()]
    return [_strip_article(word) for word in _glue_compounds(words) if word not in _CONNECTORS]


def name_key(name: str) -> str:
    """A key equal for two spellings of the same name ("د. إبراهيم السالمي" = "ابراهيم السالمى")."""
    return " ".join(name_tokens(name))


def same_person_score(a: str, b: str) -> float:
    """How likely two written names are the same person, in [0, 1].

    1.0 for equal keys; 0.9 when one is a shortened form of the other keeping first and family
    name ("إبراهيم بن سالم السالمي" / "إبراهيم السالمي"); 0.7 when the shorter lacks only the
    family name; 0.6 for a family name alone that matches; low when the family names or the
    fathers' names differ ("داود بن سليمان العذوبي" / "داوود بن سليمان السلماني": 0.2).
    """
    tokens_a, tokens_b = name_tokens(a), name_tokens(b)
    if not tokens_a or not tokens_b:
        return 0.0
    if tokens_a == tokens_b:
        return 1.0
    shorter, longer = sorted((tokens_a, tokens_b), key=len)
    if len(shorter) == 1:
        return _single_token_score(shorter[0], longer)
    if shorter[0] != longer[0]:
        return 0.1 if shorter[-1] == longer[-1] else 0.0
    if shorter[-1] == longer[-1]:
        return 0.9 if _is_subsequence(shorter, longer) else 0.3
    if longer[: len(shorter)] == shorter:
        return 0.7
    return 0.2


def organisation_key(name: str) -> str:
    """A matching key for an organisation as the press writes it into a sentence.

    Drops a leading preposition ("من شرطة عمان السلطانية"), a preposition glued to a known head
    noun ("بوزارة" → "وزارة", "للمديرية" → "المديرية"), quotes and punctuation, "ال" at the start of
    each word and the "و" of "والاتصالات", so "بمسرح وزارة الإعلام" = "مسرح وزاره الاعلام".
    """
    text = _NOT_NAME_CHAR.sub(" ", normalize_arabic(name).casefold())
    words = text.split()
    while words and words[0] in _LEADING_WORDS:
        words.pop(0)
    if words:
        words[0] = _unglue_head(words[0])
    return " ".join(_organisation_word(word) for word in words if word != "و")


_LEADING_WORDS = frozenset(["من", "في", "الي", "علي", "عن", "مع", "لدي", "عبر", "و", "ب", "ل"])
_ORGANISATION_HEADS = frozenset(
    normalize_arabic(word)
    for word in [
        "وزارة", "شركة", "مركز", "هيئة", "جامعة", "مديرية", "مجلس", "شرطة", "بنك", "مؤسسة", "جهاز", "دائرة",
        "مكتب", "مسرح", "كلية", "لجنة", "جمعية", "غرفة", "صندوق", "بلدية", "محافظة", "ولاية", "منظمة", "اتحاد",
        "نادي", "معهد", "مستشفى", "قسم", "إدارة", "مجموعة", "سفارة", "قيادة", "أكاديمية", "مدرسة", "وكالة",
        "صحيفة", "جريدة", "قناة", "إذاعة", "تلفزيون", "ديوان", "أمانة", "مطار", "ميناء", "مصرف", "منصة",
        "مختبر", "حكومة", "سلطنة", "دولة", "مملكة", "إمارة", "قاعة"
    ]
)
_GLUED_PREFIXES = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل", "ك")


def _unglue_head(word: str) -> str:
    """"بوزارة" → "وزاره", "للمديرية" → "المديريه": only before a known head noun."""
    if _without_article(word) in _ORGANISATION_HEADS:
        return word
    for prefix in _GLUED_PREFIXES:
        if not word.startswith(prefix):
            continue
        stem = word[len(prefix):]
        if prefix.endswith("ل") and stem.startswith("ل"):  # ل + ال: "للمديرية"
            stem = "ا" + stem
        if _without_article(stem) in _ORGANISATION_HEADS:
            return stem
    return word


def _organisation_word(word: str) -> str:
    if word.startswith("وال") and len(word) > 5:
        word = word[1:]
    return _strip_article(word)


def _without_article(word: str) -> str:
    return word[2:] if word.startswith("ال") else word


def _strip_article(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _glue_compounds(words: list[str]) -> list[str]:
    glued: list[str] = []
    for word in words:
        if glued and (glued[-1] in _GLUE_NEXT or word in _GLUE_PREVIOUS):
            glued[-1] += word
        else:
            glued.append(word)
    return glued


def _single_token_score(token: str, tokens: list[str]) -> float:
    """One word against a full name: the family name alone is a likely mention, the first name less."""
    if token == tokens[-1]:
        return 0.6
    return 0.4 if token == tokens[0] else 0.0


def _is_subsequence(shorter: list[str], longer: list[str]) -> bool:
    remaining = iter(longer)
    return all(token in remaining for token in shorter)
