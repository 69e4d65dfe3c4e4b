"""Figures no number reader sees: counts the press writes without a number.

- a dual noun beside a count of the same noun, a count of two ("من صحيفتين محليتين إلى 12 صحيفة");
- a scale word with the article ("حاجز المليار دولار"، "قرابة الألف مشارك"، "تجاوز حاجز المليون");
- the dual of a session or agreement noun with its adjective or in construct ("جلستين حواريتين"،
  "حلقتي عمل"، "مذكرتي تفاهم");
- zero with a counted noun ("من صفر موقع"), not the month صفر;
- a cardinal word with the article and a counted noun after it, as digits after the article are read
  ("الأربعين مدينة" as "الـ40 مؤسسة"; "الخمس سنوات" is a duration, "الخامس والعشرين من" an ordinal).
Each pass takes the article's tokens and the figures found so far (so as not to read a place twice).
"""

from __future__ import annotations

from archive.importing import figure_units as units
from archive.importing import lexicon as lx
from archive.importing import not_figures as nf
from archive.importing.count_context import can_be_counted
from archive.importing.figure_match import StatisticMatch, words_after
from archive.importing.spans import SpanSet
from archive.importing.tokens import Token, strip_prefix
from archive.text._number_lexicon import NUMBER_WORDS
from archive.text.normalize import strip_diacritics
from archive.text.ordinals import parse_ordinal


def _keys(words: str) -> frozenset[str]:
    return frozenset(lx.key(word) for word in words.split())


_DEFINITE_SCALE_ENDINGS = tuple(units.DEFINITE_SCALES)
_ZERO = lx.key("صفر")
_MONTH_BEFORE_SAFAR = _keys("شهر شهري")
_SENTENCE_ENDS = frozenset(".!?؟")
_DUAL_WINDOW = 12  # words either side of a count where a dual of its noun is a count of two
# Nouns of sessions, meetings and agreements whose dual is a count of two ("جلستين حواريتين",
# "حلقتي عمل", "مذكرتي تفاهم"): stems before the dual ending, in comparison form.
_SESSION_DUAL_STEMS = _keys("جلس ورش حلق ندو محاضر اتفاقي مذكر مسابق قم")


def figures_without_digits(text: str, tokens: list[Token], found: list[StatisticMatch],
                           by_start: dict[int, int]) -> list[StatisticMatch]:
    """The figures of every pass of this module, given the figures ``found`` from numbers (unsorted)."""
    extra = dual_counts(text, tokens, found, by_start) + definite_scales(text, tokens, found) \
        + definite_cardinals(text, tokens, found)
    return extra + session_duals(text, tokens, found + extra) + zero_counts(text, tokens)


def dual_counts(text: str, tokens: list[Token], found: list[StatisticMatch],
                by_start: dict[int, int]) -> list[StatisticMatch]:
    """Dual nouns counted beside a count of the same noun: "من صحيفتين محليتين إلى 12 صحيفة" (2 and 12)."""
    duals: list[StatisticMatch] = []
    taken = SpanSet((statistic.start, statistic.end) for statistic in found)
    for statistic in found:
        stem = _noun_stem(statistic.unit)
        at = by_start.get(statistic.start)
        if stem is None or at is None:
            continue
        for index in _sentence_neighbours(tokens, at):
            token = tokens[index]
            if token.start in taken or _dual_stem(tokens, index) != stem:
                continue
            end = index + 2 if index + 1 < len(tokens) and _is_dual_adjective(tokens[index + 1], token) else index + 1
            start, stop = token.start, tokens[end - 1].end
            taken.add(start, stop)
            duals.append(StatisticMatch(text[start:stop], start, stop, 2.0, statistic.unit, None,
                                        words_after(text, tokens, index), token.text, 0.7,
                                        f"dual noun beside a count of the same noun, unit {statistic.unit}"))
            break
    return duals


def _sentence_neighbours(tokens: list[Token], at: int) -> list[int]:
    """Indices of the words around ``at`` within its sentence, nearest first, up to ``_DUAL_WINDOW`` each way."""
    neighbours: list[int] = []
    for step in (-1, 1):
        index = at + step
        while 0 <= index < len(tokens) and abs(index - at) <= _DUAL_WINDOW:
            token = tokens[index]
            if token.text in _SENTENCE_ENDS or (token.newline_before and step == 1):
                break
            if token.is_word:
                neighbours.append(index)
            if token.newline_before:
                break
            index += step
    return neighbours


def _noun_stem(unit: str | None) -> str | None:
    """The stem of a counted noun ("صحيفة" -> "صحيف", "مؤتمرات" -> "مؤتمر"), None for codes and percent."""
    if not unit or not unit[0].isalpha() or unit.isascii():
        return None
    word = lx.key(unit)
    if word.endswith("ا") and len(word) > 3:
        word = word[:-1]
    if word.endswith("ات") and len(word) > 4:
        word = word[:-2]
    word = word[:-1] if word.endswith("ه") else word
    return word if len(word) >= 3 else None


def _dual_stem(tokens: list[Token], index: int) -> str | None:
    """The stem of an indefinite dual ("صحيفتين" -> "صحيف"); a masculine one ("مؤتمرين") only after من/بين."""
    word = strip_prefix(tokens[index].key, "وب")
    if word.startswith(("ال", "لل")):
        return None
    if word.endswith(("تين", "تان")):
        return word[:-3]
    after_from = index > 0 and tokens[index - 1].key in (lx.key("من"), lx.key("بين"))
    if after_from and word.endswith(("ين", "ان")):
        return word[:-2]
    return None


def _is_dual_adjective(token: Token, noun: Token) -> bool:
    """ "صحيفتين محليتين": an adjective in the same dual ending follows the noun."""
    return token.is_word and not token.newline_before and token.key[-3:] == noun.key[-3:] \
        and not token.key.startswith("ال")


def definite_scales(text: str, tokens: list[Token], found: list[StatisticMatch]) -> list[StatisticMatch]:
    """A scale word with the article that a currency or a counted noun follows, or that a threshold word
    comes before: "حاجز المليار دولار" (10^9 USD), "عتبة المليون مشاهدة", "تجاوز حاجز المليون".

    ``find_numbers`` reads the article on a scale word only after a fraction or a number ("ربع
    المليار", "مليونا ونصف المليون"): those are in ``found`` already and are left alone."""
    taken = SpanSet((statistic.start, statistic.end) for statistic in found)
    scales: list[StatisticMatch] = []
    for index, token in enumerate(tokens):
        if not token.key.endswith(_DEFINITE_SCALE_ENDINGS):
            continue  # most words: a cheap test first, the article is read once per pass
        value = units.DEFINITE_SCALES.get(strip_prefix(token.key, "وفبل")) if token.is_word else None
        if value is None or token.start in taken:
            continue
        threshold = index > 0 and strip_prefix(tokens[index - 1].key, "وفبل") in units.THRESHOLD_WORDS
        unit, end = units.unit(tokens, index + 1)
        if unit is None and end < len(tokens) and not tokens[end].newline_before and can_be_counted(tokens[end]):
            unit, end = strip_diacritics(tokens[end].text), end + 1
        if unit is None and not threshold:
            continue  # "المليون ليس رقما كبيرا": the word, not an amount
        approximation, first = units.approximation(tokens, index - 1)
        first = index - 1 if threshold else first
        start, stop = tokens[first].start, tokens[end - 1].end
        scales.append(StatisticMatch(text[start:stop], start, stop, value, unit, approximation, None, token.text, 0.7,
                                     "scale word with the article" + (f", unit {unit}" if unit else "")))
    return scales


def session_duals(text: str, tokens: list[Token], found: list[StatisticMatch]) -> list[StatisticMatch]:
    """The dual of a session, meeting or agreement noun with its dual adjective, a count of two ("جلستين
    حواريتين"), or in construct with an indefinite noun ("حلقتي عمل", "مذكرتي تفاهم"; "بمحاضرتي اليوم" is
    "my lecture")."""
    taken = SpanSet((statistic.start, statistic.end) for statistic in found)
    duals: list[StatisticMatch] = []
    for index, token in enumerate(tokens):
        if not token.key.endswith(("تين", "تان", "تي")) or not token.is_word or token.start in taken:
            continue
        following = tokens[index + 1] if index + 1 < len(tokens) and not tokens[index + 1].newline_before else None
        word = _session_dual(token.key, following)
        if word is None or following is None:
            continue
        if not (word.endswith("تي") or _is_dual_adjective(following, token)):
            continue  # a dual alone ("في جلستين") is left to the reader: it says two, but counts nothing named
        end = index + 2
        start, stop = token.start + (len(token.key) - len(word)), tokens[end - 1].end
        duals.append(StatisticMatch(text[start:stop], start, stop, 2.0, strip_diacritics(token.text), None,
                                    None, token.text, 0.7, "dual of a session or agreement noun"))
    return duals


def _session_dual(word_key: str, following: Token | None) -> str | None:
    """The word without a glued و or ب when it is such a dual ("ورشتين" keeps its و, "وجلستين" loses it)."""
    for word in (word_key, strip_prefix(word_key, "وب")):
        if word.endswith(("تين", "تان")) and word[:-3] in _SESSION_DUAL_STEMS:
            return word
        construct = following is not None and following.is_word and not following.key.startswith(("ال", "و")) \
            and can_be_counted(following)  # "زيارتي وبقائي", "بمحاضرتي اليوم": "my", not two
        if word.endswith("تي") and word[:-2] in _SESSION_DUAL_STEMS and construct:
            return word  # "حلقتي عمل"
    return None


def zero_counts(text: str, tokens: list[Token]) -> list[StatisticMatch]:
    """ "من صفر موقع إلى 740", "صفر إصابة": zero with a counted noun. "صفر" is a month too ("شهر صفر",
    "12 صفر 1445"): not after a number or the word month, nor before a number."""
    zeros: list[StatisticMatch] = []
    for index, token in enumerate(tokens[:-1]):
        if not token.key.endswith(_ZERO) or (strip_prefix(token.key, "وبمل") != _ZERO and token.key != _ZERO):
            continue
        following, previous = tokens[index + 1], tokens[index - 1] if index > 0 else None
        if following.newline_before or not can_be_counted(following) or following.key in nf.MONTHS:
            continue
        if previous is not None and (previous.is_number or strip_prefix(previous.key, "وفب") in _MONTH_BEFORE_SAFAR):
            continue
        start = token.start + max(0, token.text.rfind("صفر"))  # "من صفر"; a glued "و" or "ب" left out
        stop = following.end
        zeros.append(StatisticMatch(text[start:stop], start, stop, 0.0, strip_diacritics(following.text), None,
                                    words_after(text, tokens, index + 1), token.text, 0.6,
                                    "zero with a counted noun"))
    return zeros


# Cardinal words a count is written with after the article ("الخمس"، "الأربعين"، "الثلاثمائة"): three to 999;
# "الواحد" and "الاثنين" (also Monday) count nothing alone, a scale with the article is ``definite_scales``'.
_CARDINAL_KINDS = frozenset({"unit", "ten", "tens", "hundreds"})
_CARDINAL_LEAST = 3
_CARDINAL_PREFIXES = "وفب"  # "والأربعين", "بالخمس"; "للأربعين" is ل + ال
_OTHER_WORD_WITH_ARTICLE = frozenset({"ست"})  # "الست أم كلثوم": the lady, as the press of Egypt writes it


def _definite_cardinals() -> dict[str, tuple[float, str]]:
    """Every written key of a cardinal word with the article -> (value, glued prefix before the article)."""
    forms: dict[str, tuple[float, str]] = {}
    for stem, (kind, value) in NUMBER_WORDS.items():
        if kind in _CARDINAL_KINDS and value >= _CARDINAL_LEAST and stem not in _OTHER_WORD_WITH_ARTICLE:
            for prefix in ("", "و", "ف", "ب", "وب", "فب"):
                forms[prefix + "ال" + stem] = (value, prefix)
            forms["لل" + stem] = (value, "")
    return forms


# "الأربعين" -> (40, ""), "والأربعين" -> (40, "و"): one look-up a word.
_DEFINITE_CARDINALS = _definite_cardinals()


def definite_cardinals(text: str, tokens: list[Token], found: list[StatisticMatch]) -> list[StatisticMatch]:
    """A cardinal word with the article and an indefinite counted noun after it is a count, as digits after
    the article are ("الأربعين مدينة" as "أداء الـ40 مؤسسة", ``figure_reading.count_with_article``): 40
    cities. Not a count: the tens of a compound ordinal ("الخامس والعشرين من"، "الواحد والخمسين وسط"), a
    duration or a month after it ("الخمس سنوات الماضية"), and, as for digits, a number after a definite
    word, an edition or event word, a group named by its number or a possessed year ("الذكرى الأربعين
    لتأسيسها"، "مجموعة العشرين")."""
    taken = SpanSet((statistic.start, statistic.end) for statistic in found)
    counts: list[StatisticMatch] = []
    for index, token in enumerate(tokens[:-1]):
        cardinal = _DEFINITE_CARDINALS.get(token.key)
        if cardinal is None or not token.is_word or token.start in taken:
            continue
        value, prefix = cardinal
        noun = tokens[index + 1]
        if noun.newline_before or not can_be_counted(noun) or noun.key in nf.DURATION_WORDS or noun.key in nf.MONTHS:
            continue
        previous = tokens[index - 1] if index > 0 else None
        if previous is not None and (_ordinal_or_cardinal(previous) or (not prefix and _numbers_its_head(previous))):
            continue
        start = token.start + (len(prefix) if token.text[:len(prefix)] == prefix else 0)
        counts.append(StatisticMatch(text[start:noun.end], start, noun.end, value, strip_diacritics(noun.text), None,
                                     words_after(text, tokens, index + 1), token.text, 0.7,
                                     f"cardinal word with the article, unit {noun.text}"))
    return counts


def _ordinal_or_cardinal(token: Token) -> bool:
    """ "الخامس"، "الواحد" before "والعشرين": the first word of a compound ordinal."""
    if not token.is_word:
        return False
    word = strip_prefix(token.key, _CARDINAL_PREFIXES)
    return parse_ordinal(token.text) is not None or (word.startswith("ال") and word[2:] in NUMBER_WORDS)


def _numbers_its_head(head: Token) -> bool:
    """The word before a number with the article that makes it an edition or a name ("الذكرى الأربعين"،
    "دورته الأربعين"، "مجموعة العشرين"), as ``figure_reading.count_with_article`` reads it for digits."""
    word = strip_prefix(head.key, "وفبل")
    return (word.startswith("ال") or nf.labels_the_number(head, None) or head.key in lx.EVENT_NOUNS
            or strip_prefix(head.key, "وفب") in lx.EVENT_NOUNS or word in nf.GROUPS_NAMED_BY_NUMBER
            or head.text.endswith(_POSSESSED_PRONOUNS))


_POSSESSED_PRONOUNS = ("ته", "تها", "تهم", "ه", "ها")  # "دورته الأربعين", "عامها العشرين"
