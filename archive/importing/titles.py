"""Titles as the press prints them: where a post's words end and the person's name begins.

"وزير الإعلام", "رئيس مجلس إدارة مؤسسة 14 أكتوبر", "سفير الولايات المتحدة لدى البحرين", "رئيس حكومة
«الوحدة الوطنية»": ``title_phrase_end`` reads a title from its first word; a title may run through a
description before a marked name (``title_through_description``); a title printed after a name
completes the mention (``with_title``).
"""

from __future__ import annotations

from dataclasses import replace

from archive.importing import lexicon as lx
from archive.importing.organisations import organisation_in
from archive.importing.person_mention import PersonMention
from archive.importing.person_names import (
    definite_title_before_name,
    is_conjoined,
    preposition_phrase,
    starts_name,
    verbal_noun_shape,
)
from archive.importing.person_words import (
    ALLAH,
    CIRCUMSTANCE_PREPOSITIONS,
    LONE_AND,
    OWN_PRONOUNS,
    PREPOSITIONS,
    WEEKDAYS,
    bare_key,
    has_article,
    is_body_head,
    is_definite,
    is_occasion,
    is_place_or_body,
    looks_like_present_verb,
    may_be_name,
    printed_without_article,
)
from archive.importing.tokens import Token

_TITLE_LINKS = {lx.key(word) for word in ("باسم", "بإسم", "لشؤون", "لشئون", "بأعمال")}  # "المتحدث الرسمي باسم الحكومة"


_TRAILING_PARTICLES = PREPOSITIONS | {lx.key(word) for word in ("إلى", "على", "عن", "مع")}


_BRACKETS = frozenset("()«»\"“”")


_DESCRIPTION_WORDS = 4  # "صحيفة شؤون عمانية الإلكترونية": how far a post's description may run before the name


def title_through_description(tokens: list[Token], title_end: int, limit: int) -> int:
    """Where a title ends when a marked name follows a few words after it: "رئيس تحرير صحيفة شؤون عمانية
    الإلكترونية صالح بن عبدالله", "... جمعية الرعاية (رعاية) الدكتور ماجد", "وزير الزراعة في حكومة تسيير
    الأعمال النائب فادي خليل". A name with بن, an honorific or rank, or a definite title word then a name
    says where the person starts; the words before it (a newspaper's or a government's name, an acronym)
    describe the post. Another title word, a particle, a verb, a comma or a conjunction ("والدكتور": a second
    person) stop the search: the title ends where it ended."""
    if title_end >= limit or starts_name(tokens, title_end, limit):
        return title_end
    words = 0
    for position in range(title_end, min(limit, title_end + 2 * _DESCRIPTION_WORDS)):
        token = tokens[position]
        if token.text in _BRACKETS:
            continue
        if not token.is_word or token.newline_before or words > _DESCRIPTION_WORDS:
            return title_end
        if words and starts_name(tokens, position, limit) and not is_conjoined(token):
            if words == 1 and title_end >= 2 and bare_key(tokens[title_end - 2]) in _POSTED_IN \
                    and given_before_lineage(tokens, position - 1, limit):
                return position - 1  # "سفير ماليزيا في عمان محمد نصري بن عبد الرحمن": محمد is his given name
            return position
        if words and definite_title_before_name(tokens, position, limit):
            return position + 1
        bare = bare_key(token)
        if is_conjoined(token) or bare in lx.TITLE_WORDS or bare in lx.NOT_NAME_WORDS or bare in lx.COMPLEMENTIZERS \
                or bare in lx.PRONOUN_COMPLEMENTIZERS or bare in lx.REPORTING_VERBS or bare in lx.CIRCUMSTANCE_WORDS \
                or bare in lx.EVENT_VERBS or looks_like_present_verb(token):
            return title_end
        words += 1
    return title_end


# "سفير ماليزيا في عمان", "سفير مصر لدى الأردن": the place a post is held in ends the post before the person.
_POSTED_IN = frozenset(lx.key(word) for word in ("في", "لدى"))


def given_before_lineage(tokens: list[Token], position: int, limit: int) -> bool:
    """Whether the one plain word at ``position``, right after a post ending with the place it is held in
    ("في/لدى" and a place) and before a name read from "X بن Y", is that person's first given name
    (two given names, then "بن" and the father's: Malay and Gulf names):
    a word that may be a name, without article or prefix, no place or body, on the same line as the name."""
    if position + 2 >= limit:
        return False
    token, after = tokens[position], tokens[position + 1]
    return token.is_word and may_be_name(token) and not is_definite(token.key) and not is_place_or_body(token) \
        and not token.newline_before and not after.newline_before and tokens[position + 2].key in lx.NAME_LINKS


_WITH, _RELATIONS = lx.key("مع"), lx.key("علاقات")
_AFFAIRS = frozenset(lx.key(word) for word in ("شؤون", "شئون"))
# Whom the words were said to, after the name ("للصحفيين", "لـ«الرأي»"): no part of a post.
_AUDIENCES = frozenset(lx.key(word) for word in (
    "ل", "لـ", "للصحفيين", "للصحافيين", "للإعلاميين", "للصحافة", "للصحيفة", "للوكالة", "للقناة", "لوكالة", "لصحيفة",
    "لقناة"))
# Particles a reporting verb's complement opens with ("أشار إلى", "أكد على", "تحدث عن", "صرح بما يلي"): never a post.
_VERB_COMPLEMENTS = frozenset(lx.key(word) for word in ("إلى", "الى", "على", "عن", "بما"))


_BASIM = frozenset(lx.key(word) for word in ("باسم", "بإسم"))  # "in the name of", and the given name "باسم"
# Men's names ending in ة, which may follow the given name "باسم" as the father's.
_NAMES_IN_TA = frozenset(lx.key(word) for word in ("حمزة", "أسامة", "طلحة", "عبيدة", "معاوية", "قتيبة", "عكرمة"))
# Bodies that are no organisation heads in the lexicon but take a title's "لـ" ("الأمين العام لحزب ...").
_PARTIES = frozenset(lx.key(word) for word in ("حركة", "حزب", "تيار", "جبهة", "ائتلاف", "كتلة", "تحالف", "جماعة"))


def _of_post_or_party(token: Token) -> bool:
    """ "لرئيس", "لحركة", "لحزب": لـ with a title word or a party, completing the post before it."""
    rest = token.key[1:]
    return token.key.startswith("ل") and not token.key.startswith("لل") and (rest in lx.TITLE_WORDS or rest in _PARTIES)


def _link_before_body(tokens: list[Token], position: int, limit: int) -> bool:
    """ "المتحدث باسم الحكومة", "باسم وزارة الخارجية", "باسم رئاسة مجلس الوزراء": باسم links a post to a body
    (a definite word, a body's head, a feminine noun); before a plain word ("عضو المكتب السياسي لحركة حماس
    باسم نعيم") it is a given name."""
    if position >= limit or not tokens[position].is_word:
        return False
    token = tokens[position]
    return is_definite(token.key) or is_body_head(token) or (
        token.key.endswith("ه") and len(token.key) > 3 and token.key not in _NAMES_IN_TA)


def _joins_title_word(tokens: list[Token], position: int, limit: int) -> bool:
    """A word with the article that may continue a post's name after a "و" printed apart, as it does glued
    ("للسلكية و اللاسلكية"; "وزير الخارجية السابق و السفير الأسبق فلان" = "... والسفير الأسبق فلان": a second
    post of the same person). An honorific or a body's head after "و" is someone or something else."""
    if position >= limit or not tokens[position].is_word or tokens[position].newline_before:
        return False
    token = tokens[position]
    return has_article(token.key) and token.key not in lx.HONORIFICS and not is_body_head(token)


def with_title(text: str, mention: PersonMention, tokens: list[Token]) -> PersonMention:
    """The mention completed by the title and organisation printed in ``tokens`` (after the name). A body
    speaking ("أكدت وزارة الداخلية في بيان لها") has no title: it is returned as it is."""
    if mention.name and mention.name == mention.organisation:
        return mention
    words = [token for token in tokens if token.is_word or token.text in "()«»"]
    while words and not words[0].is_word:
        words.pop(0)
    addressed = next((position for position in range(1, len(words)) if _addressee(words, position, len(words))), None)
    if addressed is not None:
        words = words[:addressed]  # "وزير الخارجية لوسائل الإعلام في أروقة منتدى ...": to whom he spoke
    while words and (not words[-1].is_word or bare_key(words[-1]) in _TRAILING_PARTICLES
                     or bare_key(words[-1]) in WEEKDAYS):
        words.pop()  # "، الخميس،": when he said it, not a post
    if words and (bare_key(words[0]) in _VERB_COMPLEMENTS or words[0].key in _AUDIENCES
                  or bare_key(words[0]) in CIRCUMSTANCE_PREPOSITIONS):
        return mention  # "وأشار الوزير إلى تطوير المهرجان ليشمل «...»": what he spoke of, not his post; "ضد"، "خلال"
    if not words or (mention.title and mention.kind == "name" and bare_key(words[0]) in PREPOSITIONS
                     and not any(is_body_head(word) for word in words)):
        return mention
    if bare_key(words[0]) in PREPOSITIONS and len(words) > 1:
        organisation = organisation_in(text, words)
        return replace(mention, organisation=organisation, end=words[-1].end)
    title = text[words[0].start:words[-1].end].strip(" ،,-ـ")
    organisation = organisation_in(text, words)
    printed_title = f"{mention.title} {title}" if mention.title and mention.kind != "title" else title
    return replace(mention, title=printed_title, organisation=organisation or mention.organisation, end=words[-1].end)


def title_phrase_end(tokens: list[Token], index: int, limit: int) -> int:
    """Where a title that starts at ``index`` ends: at the first word that cannot continue a title."""
    position = index
    previous_opens = True  # a title word or preposition expects a complement
    while position < limit:
        skipped = _skipped_inside_title(tokens, index, position, limit, previous_opens)
        if skipped is not None:
            position, previous_opens = skipped
            continue
        token = tokens[position]
        if not token.is_word or (token.newline_before and position > index) \
                or _ends_title(tokens, index, position, limit, previous_opens):
            break
        bare = bare_key(token)
        if (bare in lx.TITLE_WORDS or is_body_head(token)) and has_article(token.key):
            previous_opens = False  # "الوزير"/"رئيس البلدية" is complete: a word after it is a name
        elif _opens_complement(tokens, index, position, limit) or _ministry_in_construct(tokens, index, position) \
                or _serving_phrase(tokens, index, position, limit):
            previous_opens = True
        elif is_definite(token.key) or previous_opens or is_place_or_body(token):
            previous_opens = False
        else:
            break
        if bare in lx.COMPLEMENTIZERS or bare in lx.REPORTING_VERBS or bare in lx.SPEECH_DOCUMENTS or (
                bare in lx.CIRCUMSTANCE_WORDS and position > index and not _envoys_destination(tokens, index, position)
                and not _quoted_body_after(tokens, position, limit)) or _occasion_after_preposition(tokens, position):
            break  # "الوزير في رسالة": where it was said; "سفير ... لدى البحرين": an envoy's title runs through لدى
        position += 1
    if position < limit and position - 2 > index and bare_key(tokens[position]) in OWN_PRONOUNS \
            and bare_key(tokens[position - 2]) in PREPOSITIONS:
        position -= 2  # "الأمين العام ... في تدخل له": his own act, where he said it
    while position - 1 > index and bare_key(tokens[position - 1]) in PREPOSITIONS:
        position -= 1  # "وزير الإعلام في كلمته": the preposition starts the circumstance
    return max(position, index + 1)


def _serving_phrase(tokens: list[Token], index: int, position: int, limit: int) -> bool:
    """ "المدير التنفيذي للجنة الدائمة لتنظيم المؤتمرات بوزارة ..."، "المركز الوطني لمكافحة الإرهاب": لـ glued to
    a verbal noun (تفعيل, مفاعلة) in construct with a definite noun, after the post's first word, is what the
    post or its body serves: more of the post, never a name ("ليلى الصلح"، "لميس الحديدي" are names, and a body's
    own name after لـ, "لبترا", is left as it was read)."""
    token = tokens[position]
    if position <= index or not token.key.startswith("ل") or token.key.startswith("لل") \
            or not preposition_phrase(tokens, position, limit) or not tokens[position + 1].key.startswith("ال"):
        return False
    return verbal_noun_shape(token.key[1:])


def _occasion_after_preposition(tokens: list[Token], position: int) -> bool:
    """ "وزير خارجية قبرص في مؤتمر صحفي مشترك"، "الوزير في مقابلة مع"، "الرئيس المنتخب في نوفمبر": an occasion or a
    month right after a preposition says where or when the person spoke; the post ends before the preposition
    (a place after it, "سفير ماليزيا في عمان", still completes the post)."""
    return position > 0 and bare_key(tokens[position - 1]) in PREPOSITIONS and (
        is_occasion(tokens[position]) or _verbal_noun_after_fi(tokens, position))


_FI = lx.key("في")


def _verbal_noun_after_fi(tokens: list[Token], position: int) -> bool:
    """ "الأداة الرئيس في تكريس قيم الحوار"، "دوره في تعزيز العلاقات": a verbal noun of the form تفعيل without the
    article after في says what the thing does, never where a post is held ("سفير ماليزيا في عمان"، "عضو في مجلس
    النواب")."""
    token = tokens[position]
    key = token.key
    return tokens[position - 1].key == _FI and len(key) == 5 and key[0] == "ت" and key[3] == "ي" \
        and not is_place_or_body(token)


def _skipped_inside_title(tokens: list[Token], index: int, position: int, limit: int,
                          previous_opens: bool) -> tuple[int, bool] | None:
    """Words a title runs over whatever came before: the position after them and whether a complement is
    expected there (``previous_opens``: whether one was before them); None when ``position`` holds none."""
    token = tokens[position]
    if token.is_number and position > index and is_body_head(tokens[position - 1]) and position + 1 < limit \
            and tokens[position + 1].is_word and not token.newline_before:
        return position + 1, previous_opens  # "رئيس مجلس إدارة مؤسسة 14 أكتوبر": a number inside a body's name
    if token.text in "«\"“" and position > index and not is_definite(tokens[position - 1].key):
        closer = quoted_complement_end(tokens, position, limit)
        if closer:  # "رئيس حكومة «الوحدة الوطنية» فلان": the body's name in guillemets completes the title
            return closer, False
    if token.key == LONE_AND and position > index and _joins_title_word(tokens, position + 1, limit):
        return position + 1, previous_opens  # "للسلكية و اللاسلكية": the conjunction printed apart
    if not token.is_word or (token.newline_before and position > index) or position == index:
        return None
    if token.key[:1] == "و" and token.key[1:] in _AFFAIRS and position + 1 < limit \
            and has_article(tokens[position + 1].key):
        return position + 1, True  # "وزير الخارجية وشؤون المغتربين": one ministry
    if bare_key(token) == _WITH and tokens[position - 1].key.endswith(_RELATIONS):
        return position + 1, True  # "وزير ... والعلاقات مع البرلمان": one ministry
    return None


def _ends_title(tokens: list[Token], index: int, position: int, limit: int, previous_opens: bool) -> bool:
    """Whether the word at ``position`` (a word on the title's line) ends the title before it."""
    if position == index:
        return False
    token = tokens[position]
    bare = bare_key(token)
    if starts_name(tokens, position, limit):
        return True
    if position > index + 1 and not token.key.startswith("ال") and (bare_key(tokens[position - 2]) == AT or (
            _envoys_destination(tokens, index, position - 2))):
        return True  # "السفير ... لدى البحرين بمجلس «الأيام»", "رئيس الوفد إلى العراق فلان": the place ends it
    if _envoys_destination(tokens, index, position):
        return False  # "رئيس وفد الوزارة إلى الإقليم فلان": a delegation's destination is part of its post
    if bare in lx.NOT_NAME_WORDS and bare not in PREPOSITIONS and bare != ALLAH:
        return True  # "الوزير إلى أن": a particle ends the title
    if not previous_opens and bare in WEEKDAYS:
        return True  # "وأكد وزير الخارجية القطري الجمعة، أن": when he said it, not his post
    # "وزير الإعلام المنتدى صباح اليوم": the event is what he opened, not his title
    return not previous_opens and has_article(token.key) and bare in lx.EVENT_NOUNS


def _addressee(tokens: list[Token], position: int, limit: int) -> bool:
    """ "لوسائل الإعلام"، "لمراسلي الصحف" after a complete title: لـ glued to a noun in construct with the press says
    to whom the person spoke; one naming a post, a party or a body ("لرئيس مجلس"، "لوزارة الإعلام"، "لشؤون
    الإعلام") belongs to the title."""
    token = tokens[position]
    return token.key.startswith("ل") and preposition_phrase(tokens, position, limit) \
        and bare_key(tokens[position + 1]) in _PRESS and bare_key(token) not in _TITLE_LINKS \
        and not _of_post_or_party(token) and not is_place_or_body(token) and token.key[1:] not in lx.TITLE_WORDS


# The press as those a person spoke to ("لوسائل الإعلام"، "لممثلي الصحافة"، "لمراسلي الصحف"): a post's "لشؤون
# الإعلام" is a title link, never an addressee.
_PRESS = frozenset(lx.key(word) for word in ("الإعلام", "الاعلام", "الصحافة", "الصحف", "الإعلاميين", "الصحفيين"))


_CONSTRUCT_MINISTRIES = frozenset(lx.key(word) for word in ("وزراء", "دفاع", "عدل", "خارجية", "داخلية"))


def _ministry_in_construct(tokens: list[Token], index: int, position: int) -> bool:
    """ "وزير خارجية مصر سامح شكري", "رئيس وزراء فلسطين": a ministry without the article right after a title
    word without it is in construct with the country that follows, which is no name."""
    if position == index:
        return False
    token, before = tokens[position], tokens[position - 1]
    return not is_definite(token.key) and (token.key in _CONSTRUCT_MINISTRIES or (
        token.key.endswith("يه") and len(token.key) > 4)) \
        and bare_key(before) in lx.TITLE_WORDS and not has_article(before.key)


def _opens_complement(tokens: list[Token], index: int, position: int, limit: int) -> bool:
    """A word after which the title expects its complement: a title word or body's head without the
    article, a preposition, "باسم"/"لشؤون" before a body, a place word ("رئيس إقليم كردفان"), or لـ joining
    the post or party the title belongs to ("النائب الأول لرئيس مجلس النواب"، "عضو المكتب السياسي لحركة")."""
    token = tokens[position]
    bare = bare_key(token)
    return bool(bare in lx.TITLE_WORDS or is_body_head(token) or bare in PREPOSITIONS
                or _envoys_destination(tokens, index, position)
                or (bare in _TITLE_LINKS and (bare not in _BASIM or _link_before_body(tokens, position + 1, limit)))
                or (is_place_or_body(token) and not is_definite(token.key))
                or (position > index and _of_post_or_party(token)))


def _quoted_body_after(tokens: list[Token], position: int, limit: int) -> bool:
    """ 'الرئيس التنفيذي في "شركة الموانئ"، فلان': a preposition before a body's name in marks, then the name:
    where the post is held, no circumstance."""
    return position + 1 < limit and tokens[position + 1].text in "«\"“" \
        and quoted_complement_end(tokens, position + 1, limit) is not None


def _comma_then_name(tokens: list[Token], comma: int, limit: int) -> bool:
    """A comma, then two words that may be a name's, the first without the article and not joined by و."""
    words = tokens[comma + 1:comma + 3]
    return tokens[comma].text in "،," and comma + 2 < limit and len(words) == 2 and all(
        word.is_word and may_be_name(word) and not word.newline_before for word in words) \
        and (not has_article(words[0].key) or printed_without_article(words[0])) and not is_conjoined(words[0])


AT = lx.key("لدى")


_ENVOYS = frozenset(lx.key(word) for word in (
    "سفير", "سفيرة", "السفير", "السفيرة", "مندوب", "مندوبة", "المندوب", "ممثل", "ممثلة", "الممثل", "قنصل", "القنصل",
    "مبعوث", "مبعوثة", "المبعوث", "المبعوثة", "وفد", "الوفد"))
_TO = frozenset(lx.key(word) for word in ("إلى", "الى"))


def is_envoy_title(tokens: list[Token], start: int, end: int) -> bool:
    """Whether the title in ``tokens[start:end]`` is an envoy's or a delegation's (its post is where it goes)."""
    return any(bare_key(token) in _ENVOYS or token.key in _ENVOYS for token in tokens[start:end])


def _envoys_destination(tokens: list[Token], index: int, position: int) -> bool:
    """ "لدى" or "إلى" in an envoy's or a delegation's title ("سفير ... لدى البحرين", "رئيس وفد الوزارة إلى
    الإقليم", "المبعوث الخاص إلى ليبيا"), before the place it names: the title runs through it."""
    if position <= index or position + 1 >= len(tokens) or not tokens[position + 1].is_word:
        return False
    bare = bare_key(tokens[position])
    if bare == AT:
        return is_envoy_title(tokens, index, position)
    # "إلى" only right after the envoy's words ("وفد الوزارة إلى"), not after what the person did ("الدعوة إلى"),
    # and before a place, not before what was said ("وأشار السفير إلى أنه")
    following = bare_key(tokens[position + 1])
    return bare in _TO and following not in lx.COMPLEMENTIZERS and following not in lx.PRONOUN_COMPLEMENTIZERS \
        and tokens[position + 1].key not in lx.PRONOUN_COMPLEMENTIZERS \
        and is_envoy_title(tokens, max(index, position - 3), position)


def quoted_complement_end(tokens: list[Token], opener: int, limit: int) -> int | None:
    """After an opening mark, the index past its closing mark when at most five words stand between them
    on one line, followed by a word that may start a name, or by a comma and a name of two words ('الرئيس
    التنفيذي في "شركة الموانئ"، سامر الحداد، أن'); else None (a quote, not a body's name)."""
    for position in range(opener + 1, min(limit, opener + 7)):
        token = tokens[position]
        if token.text in "»\"”":
            if position == opener + 1 or position + 1 >= limit:
                return None
            if may_be_name(tokens[position + 1]) or _comma_then_name(tokens, position + 1, limit):
                return position + 1
            return None
        if not token.is_word or token.newline_before:
            return None
    return None
