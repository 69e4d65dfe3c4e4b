"""Which state's currency an amount is in, when its noun is one several states share.

The press names a currency by its noun ("دينار"، "ريال"، "درهم"، "جنيه"، "ليرة"), which several states share, and
adds the state's adjective only now and then ("دينار أردني"، "ليرة سورية"). With the adjective the state is
printed (``figure_units.unit`` reads it through ``ADJECTIVES``). A bare noun is the currency of the state the
article names most among those using that noun (its name, capital or large cities, or its adjective anywhere:
"عمّان"، "الحكومة الأردنية"), the first named on a tie ("بلغت الموازنة 976 مليون دينار" in a report from Amman is
976 million JOD, not KWD); with none of them named it is the noun's default (the Kuwaiti dinar, the Omani riyal,
the UAE dirham, the Egyptian pound; a lira stays the word). The data, with the forms of each noun and adjective,
is ``archive/text/currencies.json``, which ``archive.text.numbers`` reads too (a figure an officer types).
"""

from __future__ import annotations

import json
from dataclasses import replace
from importlib import resources

from archive.importing import lexicon as lx
from archive.importing.figure_match import StatisticMatch
from archive.importing.tokens import Token, strip_prefix

_DATA = json.loads(resources.files("archive.text").joinpath("currencies.json").read_text(encoding="utf-8"))
# Each written form of a currency noun ("دنانير") -> the noun ("دينار").
NOUN_FORMS: dict[str, str] = {lx.key(form): noun["noun"] for noun in _DATA["nouns"] for form in noun["forms"]}
# A noun -> its code when the article names no state using it (None: the word itself stays the unit).
DEFAULTS: dict[str, str | None] = {noun["noun"]: noun["default"] for noun in _DATA["nouns"]}
# The noun's forms -> the default code, as ``figure_units`` reads a currency.
CURRENCIES: dict[str, str] = {form: code for form, noun in NOUN_FORMS.items() if (code := DEFAULTS[noun])}
_ADJECTIVE_ENDINGS = ("", "ه", "ا", "يه")  # "أردني", "كويتية", "سعوديا"; the key of "ية" is "يه"


def _adjective_forms(adjective: str) -> set[str]:
    base = lx.key(adjective)
    return {base + ending for ending in _ADJECTIVE_ENDINGS[:3]}


# A state's adjective in any of its forms after the noun -> the state's code ("دينار أردني"، "ليرة سورية").
ADJECTIVES: dict[str, str] = {form: state["code"] for state in _DATA["states"]
                              for form in _adjective_forms(state["adjective"])}
# A noun -> the codes of the states using it ("دينار" -> KWD, BHD, JOD, IQD, LYD, TND, DZD).
_STATES: dict[str, list[str]] = {}
# The first word of a name of a state, its capital or a large city -> (code, the name's words).
_PLACES: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
for _state in _DATA["states"]:
    _STATES.setdefault(_state["noun"], []).append(_state["code"])
    for _place in _state["places"]:
        _words = tuple(lx.key(word) for word in _place.split())
        _PLACES.setdefault(_words[0], []).append((_state["code"], _words))
_ADJECTIVE_STATES: dict[str, str] = {lx.key(state["adjective"]): state["code"] for state in _DATA["states"]}
_PLURAL_ADJECTIVE_ENDINGS = ("يين", "يون", "يه", "ي")  # "الأردنيين", "الأردنيون", "الأردنية", "الأردني"


def settle_currencies(tokens: list[Token], found: list[StatisticMatch], by_end: dict[int, int]) -> list[StatisticMatch]:
    """``found`` with each amount ending on a bare shared currency noun given the currency of the state the
    article names most among those using the noun (``found`` itself when no amount ends so)."""
    bare = {index: noun for index, statistic in enumerate(found)
            if (noun := _bare_noun(tokens, by_end.get(statistic.end))) is not None and noun in _STATES}
    if not bare:
        return found
    mentions = _state_mentions(tokens)
    settled = list(found)
    for index, noun in bare.items():
        named = [(mentions[code], code) for code in _STATES[noun] if code in mentions]
        if named:
            code = max(named, key=lambda mention: (mention[0][0], -mention[0][1]))[1]
            settled[index] = replace(found[index], unit=code)
    return settled


def _bare_noun(tokens: list[Token], last: int | None) -> str | None:
    """The shared currency noun a figure's span ends on ("976 مليون دينار"), or None."""
    if last is None or not tokens[last].is_word:
        return None
    return NOUN_FORMS.get(tokens[last].key)


def _state_mentions(tokens: list[Token]) -> dict[str, tuple[int, int]]:
    """For each state using a shared currency noun that the article names: (how often, where first)."""
    mentions: dict[str, tuple[int, int]] = {}
    for index, token in enumerate(tokens):
        if not token.is_word:
            continue
        for code in _codes_named(tokens, index):
            count, first = mentions.get(code, (0, index))
            mentions[code] = (count + 1, first)
    return mentions


def _codes_named(tokens: list[Token], index: int) -> set[str]:
    """The states the word at ``index`` names: a place ("عمّان"، "بالأردن"، "الدار البيضاء") or an adjective
    ("الأردنية"، "العراقيين")."""
    codes: set[str] = set()
    for word in _readings(tokens[index].key):
        codes.update(code for code, name in _PLACES.get(word, ()) if _name_goes_on(tokens, index, name))
        bare = word[2:] if word.startswith("ال") else word
        for ending in _PLURAL_ADJECTIVE_ENDINGS:
            if bare.endswith(ending) and (code := _ADJECTIVE_STATES.get(bare[:len(bare) - len(ending)] + "ي")):
                codes.add(code)
                break
    return codes


def _readings(word: str) -> tuple[str, ...]:
    """The word as printed and without a preposition or conjunction glued to it: "بغداد" and "غداد" (nothing
    matches the second), "بالأردن" and "الأردن", "للأردن" and "الأردن"."""
    if word.startswith("لل") and len(word) > 4:
        return word, "ال" + word[2:]
    bare = strip_prefix(word, "وفبلك")
    return (word, bare) if bare != word else (word,)


def _name_goes_on(tokens: list[Token], index: int, name: tuple[str, ...]) -> bool:
    """Whether the words of a place's name of several words ("الدار البيضاء") follow ``tokens[index]``."""
    following = tokens[index + 1:index + len(name)]
    return len(following) == len(name) - 1 \
        and all(token.key == part for token, part in zip(following, name[1:], strict=True))
