"""People as the press introduces them: honorific, name, title and organisation.

``parse_person(text, tokens, index, limit)`` reads a mention such as "معالي الدكتور فلان بن فلان
الفلاني وزير الإعلام" or "النقيب محمد الهشامي من شرطة عمان السلطانية" from a token position and
returns a ``PersonMention`` with spans. A name is a given name, any "بن/بنت" links, and one
family name; a mention may instead be a title alone ("وزير الإعلام"), a family name alone
("السالمي") or an honorific pronoun ("معاليه"): the quote rules resolve those against people
already met in the article.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from archive.importing import lexicon as lx
from archive.importing.tokens import Token, strip_prefix

_COMPOUND_NAME_ENDS = {lx.key(word) for word in ("الدين", "الله", "الرحمن")}
_COMPOUND_NAME_STARTS = {lx.key(word) for word in ("عبد", "أبو", "ابو", "آل", "أبا", "بو")}
_LOCATION_WORDS = {lx.key(word) for word in ("محافظة", "ولاية", "سلطنة", "دولة", "مملكة", "منطقة", "إمارة",
                                                       "إقليم")}
_PREPOSITIONS = {lx.key(word) for word in ("في", "من", "لدى")}
_FADILA = lx.key("فضيلة")
_ROYAL, _HIGHNESS = lx.key("الملكي"), lx.key("السمو")
_ALLAH = lx.key("الله")  # "محافظ رام الله": part of a place's name, not "حفظه الله"
_TITLE_LINKS = {lx.key(word) for word in ("باسم", "بإسم", "لشؤون", "لشئون", "بأعمال")}  # "المتحدث الرسمي باسم الحكومة"
_TRAILING_PARTICLES = _PREPOSITIONS | {lx.key(word) for word in ("إلى", "على", "عن", "مع")}


@dataclass(frozen=True)
class PersonMention:
    """One mention of a person; ``kind`` is name, surname, title or pronoun (how the speaker is named)."""

    kind: str
    name: str | None
    honorific: str | None
    title: str | None
    organisation: str | None
    start: int
    end: int


def parse_person(text: str, tokens: list[Token], index: int, limit: int) -> tuple[PersonMention | None, int]:
    """Read a person mention from ``tokens[index:limit]``; returns it (or None) and the index after it."""
    start_index = index
    honorific_tokens, index = _take_while(tokens, index, limit, lambda t: _bare(t) in lx.HONORIFICS)
    if honorific_tokens and index < limit and tokens[index].key == _ROYAL and _bare(honorific_tokens[-1]) == _HIGHNESS:
        honorific_tokens.append(tokens[index])  # "صاحب السمو الملكي الأمير ..."
        index += 1
        more, index = _take_while(tokens, index, limit, lambda t: _bare(t) in lx.HONORIFICS)
        honorific_tokens += more
    if honorific_tokens and _bare(honorific_tokens[-1]) == _FADILA and (index >= limit or not tokens[index].is_word
                                                                         or _bare(tokens[index]) not in lx.TITLE_WORDS):
        honorific_tokens.pop()  # "فضيلة الجفال": فضيلة is her first name, not an honorific
        index -= 1
    rank_start = index
    rank_tokens, index = _take_while(tokens, index, limit, lambda t: _bare(t) in lx.RANKS)
    if index >= limit or not tokens[index].is_word:
        return None, start_index
    if rank_tokens and not _can_be_name(tokens[index]) and _bare(rank_tokens[0]) in lx.TITLE_WORDS:
        rank_tokens, index = [], rank_start  # "الوكيل المساعد لقطاع الصحافة": the rank words are a title
    honorific = _join(text, honorific_tokens)
    first = tokens[index]
    if _bare(first) in lx.HONORIFIC_PRONOUNS:
        mention = PersonMention("pronoun", None, lx.HONORIFIC_PRONOUNS[_bare(first)], None, None,
                                tokens[start_index].start, first.end)
        return mention, index + 1
    if (_bare(first) in lx.TITLE_WORDS and not rank_tokens) or _descriptor_before_name(tokens, index, limit):
        title_end = _title_through_description(tokens, title_phrase_end(tokens, index, limit), limit)
        title = _without_conjunction(text[first.start:tokens[title_end - 1].end])
        organisation = organisation_in(text, tokens[index:title_end])
        named, after_name = _name_after_title(text, tokens, title_end, limit)
        if named is not None:  # "الرئيس التنفيذي للهيئة المهندس فهد بن عبدالله العتيبي"
            mention = PersonMention("name", named.name, honorific or named.honorific, title, organisation,
                                    tokens[start_index].start, named.end)
            return mention, after_name
        if title_end + 1 < limit and tokens[title_end].text in "،,":
            # "رئيسة اللجنة المنظمة، سلمى بنت راشد الكندية، أن": title and name apart by a comma
            named, after_name = _name_after_title(text, tokens, title_end + 1, limit)
            plain_end = _plain_name_end(tokens, title_end + 1, limit)
            if named is None and plain_end - title_end > 2:
                named = PersonMention("name", text[tokens[title_end + 1].start:tokens[plain_end - 1].end], None, None,
                                      None, tokens[title_end + 1].start, tokens[plain_end - 1].end)
                after_name = plain_end
            if named is None and _bare(tokens[title_end + 1]) in lx.TITLE_WORDS:
                # "المدير العام للمهرجان، الفنان أحمد سالم، إن": a second title, then the name
                second, after_second = parse_person(text, tokens, title_end + 1, limit)
                if second is not None and second.kind == "name" and second.name and len(second.name.split()) >= 2:
                    named, after_name = second, after_second
            if named is not None:
                mention = PersonMention("name", named.name, honorific or named.honorific, title, organisation,
                                        tokens[start_index].start, named.end)
                return mention, after_name
        plain_end = _plain_name_end(tokens, title_end, limit)
        apposed = _name_apposed_after(tokens, plain_end, limit) if plain_end > title_end else None
        if apposed is not None:  # "رئيس الحكومة منتهية الولاية، عماد فهد الزين، إن": the words before describe him
            title = text[first.start:tokens[plain_end - 1].end]
            name = text[tokens[plain_end + 1].start:tokens[apposed - 1].end]
            return PersonMention("name", name, honorific, title, organisation, tokens[start_index].start,
                                 tokens[apposed - 1].end), apposed
        if plain_end > title_end:  # "رئيس الوزراء مصطفى مدبولي", "الوزير ترجمان"
            name = text[tokens[title_end].start:tokens[plain_end - 1].end]
            return PersonMention("name", name, honorific, title, organisation, tokens[start_index].start,
                                 tokens[plain_end - 1].end), plain_end
        mention = PersonMention("title", None, honorific, title, organisation, tokens[start_index].start,
                                tokens[title_end - 1].end)
        return mention, title_end
    name_end = _name_end(tokens, index, limit)
    if name_end == index:
        return None, start_index
    name = _without_conjunction(text[first.start:tokens[name_end - 1].end])
    kind = "surname" if name_end - index == 1 and first.key.startswith("ال") and not honorific_tokens else "name"
    rank = _join(text, rank_tokens)
    mention = PersonMention(kind, name, honorific, rank, None, tokens[start_index].start, tokens[name_end - 1].end)
    return mention, name_end


def organisation_speaker(text: str, tokens: list[Token], index: int, limit: int) -> tuple[PersonMention | None, int]:
    """ "أكدت وزارة الداخلية أن": a body speaking; its name is the organisation as printed."""
    if index >= limit or not _org_head(tokens[index]):
        return None, index
    words = tokens[index:limit]
    cut = next((i for i, token in enumerate(words) if token.text in "-–—،,("), len(words))
    words = words[:cut]  # "هيئة الكتاب - الجهة المنظمة -": the body's name ends at the dash
    end = _organisation_end(words, 0)
    if end < 2 and not (end == 1 and _is_article_word(words[0].key)):
        return None, index  # "وأكدت الوزارة أن": a body named by its head alone speaks too
    start = words[0].start + _prefix_length(words[0])  # "لوزارة ...", "والوزارة": the body without "لـ"/"و"
    name = text[start:words[end - 1].end]
    return PersonMention("name", name, None, None, name, start, words[end - 1].end), index + end


_BRACKETS = frozenset("()«»\"“”")
_DESCRIPTION_WORDS = 4  # "صحيفة شؤون عمانية الإلكترونية": how far a post's description may run before the name


def _title_through_description(tokens: list[Token], title_end: int, limit: int) -> int:
    """Where a title ends when a marked name follows a few words after it: "رئيس تحرير صحيفة شؤون عمانية
    الإلكترونية صالح بن عبدالله", "... جمعية الرعاية (رعاية) الدكتور ماجد", "وزير الزراعة في حكومة تسيير
    الأعمال النائب فادي خليل". A name with بن, an honorific or rank, or a definite title word then a name
    says where the person starts; the words before it (a newspaper's or a government's name, an acronym)
    describe the post. Another title word, a particle, a verb, a comma or a conjunction ("والدكتور": a second
    person) stop the search: the title ends where it ended."""
    if title_end >= limit or _starts_name(tokens, title_end, limit):
        return title_end
    words = 0
    for position in range(title_end, min(limit, title_end + 2 * _DESCRIPTION_WORDS)):
        token = tokens[position]
        if token.text in _BRACKETS:
            continue
        if not token.is_word or token.newline_before or words > _DESCRIPTION_WORDS:
            return title_end
        if words and _starts_name(tokens, position, limit) and not _conjoined(token):
            return position
        if words and _definite_title_before_name(tokens, position, limit):
            return position + 1
        bare = _bare(token)
        if _conjoined(token) or bare in lx.TITLE_WORDS or bare in lx.NOT_NAME_WORDS or bare in lx.COMPLEMENTIZERS \
                or bare in lx.PRONOUN_COMPLEMENTIZERS or bare in lx.REPORTING_VERBS or bare in lx.CIRCUMSTANCE_WORDS \
                or bare in lx.EVENT_VERBS or _looks_like_present_verb(token):
            return title_end
        words += 1
    return title_end


def _conjoined(token: Token) -> bool:
    """ "والدكتور", "والسفير": a conjunction joining a second person or post."""
    bare = _bare(token)
    return token.key.startswith(("وال", "فال")) or (
        token.key[:1] in "وف" and bare != token.key and (bare in lx.HONORIFICS or bare in lx.TITLE_WORDS))


def _definite_title_before_name(tokens: list[Token], position: int, limit: int) -> bool:
    """ "النائب فادي خليل": a definite title word (not an honorific) then a name of two words or more."""
    token = tokens[position]
    if not token.key.startswith("ال") or _bare(token) not in lx.TITLE_WORDS or token.key in lx.HONORIFICS:
        return False
    return _plain_name_end(tokens, position + 1, limit) - (position + 1) >= 2


def _name_apposed_after(tokens: list[Token], plain_end: int, limit: int) -> int | None:
    """ "رئيس الحكومة منتهية الولاية، عماد فهد الزين، إن": after what looked like a name, a comma, then a
    name of two words or more closed by a comma or "إن/أن". The name between commas is the person (press
    apposition); the words before the comma describe the post. Returns the end of that name, or None."""
    if plain_end + 2 >= limit or tokens[plain_end].text not in "،,":
        return None
    name_end = _plain_name_end(tokens, plain_end + 1, limit)
    if name_end - (plain_end + 1) < 2 or name_end >= limit:
        return None
    after = tokens[name_end]
    if after.text in "،," or _bare(after) in lx.COMPLEMENTIZERS or _bare(after) in lx.PRONOUN_COMPLEMENTIZERS:
        return name_end
    return None


def named_after_head(text: str, tokens: list[Token], index: int, limit: int) -> str | None:
    """The name a head word opens, read as a body's name is ("المؤتمر العربي للمدن المستدامة" from "المؤتمر"):
    two words or more, else None."""
    words = [token for token in tokens[index:limit] if not token.newline_before or token is tokens[index]]
    cut = next((i for i, token in enumerate(words) if token.text in "-–—،,("), len(words))
    end = _organisation_end(words[:cut], 0)
    if end < 2:
        return None
    start = words[0].start + _prefix_length(words[0])
    return text[start:words[end - 1].end]


def statement_speaker(text: str, tokens: list[Token], index: int, limit: int) -> tuple[PersonMention | None, int]:
    """ "أفاد بلاغ لوزارة الشؤون الخارجية بأن", "ذكر بيان صادر عن وزارة الصحة أن": a statement speaks for
    the body that issued it, so the body is the speaker; None when no body follows the statement noun."""
    if index >= limit or not tokens[index].is_word or _bare(tokens[index]) not in lx.STATEMENT_NOUNS:
        return None, index
    position = index + 1
    while position < min(limit, index + 3) and tokens[position].is_word \
            and _bare(tokens[position]) in lx.STATEMENT_LINKS:
        position += 1
    mention, after = organisation_speaker(text, tokens, position, limit)
    return (mention, after) if mention is not None else (None, index)


def _plain_name_end(tokens: list[Token], position: int, limit: int) -> int:
    """The end of a name printed right after a title without honorific or بن: up to four words, the
    first not definite, a family name with "ال" ending it; ``position`` when there is none."""
    end = position
    while end < limit and end - position < 4:
        token = tokens[end]
        if not token.is_word or (token.newline_before and end > position) or not _can_be_name(token) \
                or _bare(token) in lx.EVENT_NOUNS or _bare(token) in lx.EVENT_VERBS:
            break  # "الوزير نادر حداد معرض الكتاب": the event is not part of the name
        if token.key.startswith("ال"):
            if end > position:
                end += _compound_length(tokens, end, limit)  # "سالم العبد الله": الله ends the family name
            break
        if _is_definite(token.key):
            break  # "للوفود", "بالمناسبة": not a name
        if (end - position >= 2 and _preposition_and_noun(token)) or (
                _looks_like_present_verb(token) and (end - position >= 2 or _is_verb_then_object(tokens, end, limit))):
            break  # "وزير الاتصال عمار بلحيمر يتحدث", "... جاستين سيبيريل بزيارة": what he did, after the name
        end += _compound_length(tokens, end, limit)
    return min(end, limit)


# Given names that start like a present-tense verb (ي...): after two name words, any other such word is a verb.
_YA_NAMES = frozenset(lx.key(word) for word in ("يوسف", "يحيى", "ياسر", "يعقوب", "يونس", "يزيد", "ياسين", "يسري",
                                                 "يعرب", "يامن", "يمان", "ياسمين", "يسرا", "يسرى", "يارا", "يمنى",
                                                 "يسرية", "يوسفي", "ياقوت", "يحياوي"))


def _circumstantial(word_key: str) -> bool:
    """ "متوجها", "مخاطبا", "معقبا": an accusative participle (مُفعِلًا) saying how something was said. Foreign
    names of that shape have a long vowel second ("ماريا", "مونيكا", "ميلانيا") and stay names."""
    return len(word_key) >= 5 and word_key.startswith("م") and word_key.endswith("ا") and word_key[1] not in "اوي"


def _is_verb_then_object(tokens: list[Token], position: int, limit: int) -> bool:
    """ "رئيس الوزراء يتلقى أسئلة": a present-tense verb right after a title, then an indefinite noun."""
    following = tokens[position + 1] if position + 1 < limit else None
    return following is not None and following.is_word and not following.key.startswith("ال") \
        and not following.newline_before and following.key not in lx.NAME_LINKS


def _preposition_and_noun(token: Token) -> bool:
    """ "بزيارة", "بمناسبة": بـ with a feminine noun, not a name ("بوزيدة" is one)."""
    return token.key.startswith("ب") and not token.key.startswith("بو") and token.key.endswith("ه") \
        and len(token.key) >= 5


def _looks_like_present_verb(token: Token) -> bool:
    return token.key.startswith("ي") and len(token.key) >= 4 and token.key not in _YA_NAMES


def _name_after_title(text: str, tokens: list[Token], position: int, limit: int) -> tuple[PersonMention | None, int]:
    if position >= limit or not _starts_name(tokens, position, limit):
        return None, position
    named, after = parse_person(text, tokens, position, limit)
    if named is None or named.kind != "name":
        return None, position
    return named, after


def _starts_name(tokens: list[Token], position: int, limit: int) -> bool:
    """A name (not more title) starts here: an honorific, or a word followed by "بن/بنت"."""
    token = tokens[position]
    if not token.is_word:
        return False
    if _bare(token) in lx.HONORIFICS:
        return True
    if _bare(token) in lx.RANKS and position + 1 < limit and _can_be_name(tokens[position + 1]):
        return True  # "اللواء سعد معن"
    return position + 1 < limit and tokens[position + 1].key in lx.NAME_LINKS and _can_be_name(token)


def _descriptor_before_name(tokens: list[Token], index: int, limit: int) -> bool:
    """ "المشاركة شيماء بنت خميس ...": a definite word describing the person who follows."""
    return _is_definite(tokens[index].key) and index + 1 < limit and _starts_name(tokens, index + 1, limit)


def with_title(text: str, mention: PersonMention, tokens: list[Token]) -> PersonMention:
    """The mention completed by the title and organisation printed in ``tokens`` (after the name). A body
    speaking ("أكدت وزارة الداخلية في بيان لها") has no title: it is returned as it is."""
    if mention.name and mention.name == mention.organisation:
        return mention
    words = [token for token in tokens if token.is_word or token.text in "()«»"]
    while words and not words[0].is_word:
        words.pop(0)
    while words and (not words[-1].is_word or _bare(words[-1]) in _TRAILING_PARTICLES):
        words.pop()
    if not words or (mention.title and mention.kind == "name" and _bare(words[0]) in _PREPOSITIONS
                     and not any(_org_head(word) for word in words)):
        return mention
    if _bare(words[0]) in _PREPOSITIONS and len(words) > 1:
        organisation = organisation_in(text, words)
        return _replace(mention, organisation=organisation, end=words[-1].end)
    title = text[words[0].start:words[-1].end].strip(" ،,-ـ")
    organisation = organisation_in(text, words)
    printed_title = f"{mention.title} {title}" if mention.title and mention.kind != "title" else title
    return _replace(mention, title=printed_title, organisation=organisation or mention.organisation, end=words[-1].end)


def title_phrase_end(tokens: list[Token], index: int, limit: int) -> int:
    """Where a title that starts at ``index`` ends: at the first word that cannot continue a title."""
    position = index
    previous_definite = False
    previous_opens = True  # a title word or preposition expects a complement
    while position < limit:
        token = tokens[position]
        if token.is_number and position > index and _org_head(tokens[position - 1]) and position + 1 < limit \
                and tokens[position + 1].is_word and not token.newline_before:
            position += 1  # "رئيس مجلس إدارة مؤسسة 14 أكتوبر": a number inside a body's name
            continue
        if token.text in "«\"“" and position > index and not _is_definite(tokens[position - 1].key):
            closer = _quoted_complement_end(tokens, position, limit)
            if closer:  # "رئيس حكومة «الوحدة الوطنية» فلان": the body's name in guillemets completes the title
                position, previous_opens = closer, False
                continue
        if not token.is_word or (token.newline_before and position > index):
            break
        if position > index and _starts_name(tokens, position, limit):
            break
        bare = _bare(token)
        definite = _is_definite(token.key)
        if position > index + 1 and _bare(tokens[position - 2]) == _AT and not token.key.startswith("ال"):
            break  # "السفير ... لدى البحرين بمجلس «الأيام»": the country ends an envoy's title
        if bare in lx.NOT_NAME_WORDS and bare not in _PREPOSITIONS and position > index and bare != _ALLAH:
            break  # "الوزير إلى أن": a particle ends the title
        if position > index and not previous_opens and _is_article_word(token.key) and bare in lx.EVENT_NOUNS:
            break  # "وزير الإعلام المنتدى صباح اليوم": the event is what he opened, not his title
        if (bare in lx.TITLE_WORDS or _org_head(token)) and _is_article_word(token.key):
            previous_opens = False  # "الوزير"/"رئيس البلدية" is complete: a word after it is a name
        elif bare in lx.TITLE_WORDS or _org_head(token) or bare in _PREPOSITIONS or bare in _TITLE_LINKS \
                or (_attached_location(token) and not definite):
            previous_opens = True  # "رئيس إقليم كردفان": a place word is followed by its name
        elif definite or previous_opens or _attached_location(token):
            previous_opens = False
        else:
            break
        if bare in lx.COMPLEMENTIZERS or bare in lx.REPORTING_VERBS or bare in lx.SPEECH_DOCUMENTS or (
                bare in lx.CIRCUMSTANCE_WORDS and not (bare == _AT and _envoy_title(tokens, index, position))):
            break  # "الوزير في رسالة": where it was said; "سفير ... لدى البحرين": an envoy's title runs through لدى
        previous_definite = definite
        position += 1
    del previous_definite
    while position - 1 > index and _bare(tokens[position - 1]) in _PREPOSITIONS:
        position -= 1  # "وزير الإعلام في كلمته": the preposition starts the circumstance
    return max(position, index + 1)


_AT = lx.key("لدى")
_ENVOYS = frozenset(lx.key(word) for word in (
    "سفير", "سفيرة", "السفير", "السفيرة", "مندوب", "مندوبة", "المندوب", "ممثل", "ممثلة", "الممثل", "قنصل", "القنصل"))


def _envoy_title(tokens: list[Token], start: int, end: int) -> bool:
    return any(_bare(token) in _ENVOYS for token in tokens[start:end])


def _quoted_complement_end(tokens: list[Token], opener: int, limit: int) -> int | None:
    """After an opening mark, the index past its closing mark when at most five words stand between them
    on one line, followed by a word that may start a name; else None (a quote, not a body's name)."""
    for position in range(opener + 1, min(limit, opener + 7)):
        token = tokens[position]
        if token.text in "»\"”":
            if position == opener + 1 or position + 1 >= limit or not _can_be_name(tokens[position + 1]):
                return None
            return position + 1
        if not token.is_word or token.newline_before:
            return None
    return None


def organisation_in(text: str, words: list[Token]) -> str | None:
    """The organisation a title or phrase names: the last body it attaches to, e.g. "بوزارة ..." or "لشركة ..."."""
    heads = [i for i, token in enumerate(words) if _org_head(token)]
    bodies = [i for i in heads if _attached_key(words[i]) not in lx.ORGANISATION_UNITS]
    # Without a whole body, the unit itself is the organisation ("رئيس المكتب الوطني للإعلام").
    chosen = bodies[-1] if bodies else (heads[-1] if heads and heads[-1] > 0 else None)
    if chosen is None:
        return _organisation_after_preposition(text, words)
    end = _organisation_end(words, chosen)
    head = words[chosen]
    start = head.start + _prefix_length(head)
    if _attached_key(head) in lx.COMPANY_WORDS and end > chosen + 1 and not _is_definite(words[chosen + 1].key):
        start = words[chosen + 1].start  # "شركة ميتا" is recorded as "ميتا"
    return text[start:words[end - 1].end].strip(" ،,«»\"")


def _organisation_after_preposition(text: str, words: list[Token]) -> str | None:
    for i in range(len(words) - 2, -1, -1):
        if words[i].key == lx.key("في") and not _is_definite(words[i + 1].key):
            return text[words[i + 1].start:words[-1].end].strip(" ،,«»\"")
    return None


def _organisation_end(words: list[Token], head: int) -> int:
    position = head + 1
    while position < len(words):
        token = words[position]
        if token.key == lx.key("في") or _bare(token) in lx.CIRCUMSTANCE_WORDS or _bare(token) in lx.COMPLEMENTIZERS \
                or token.key in lx.NOT_NAME_WORDS:
            break  # "وكانت الوزارة قد أعلنت": a particle ends the body's name
        if not token.is_word:
            position += 1
            continue
        # A proper name right after a head or a place word belongs to it ("شرطة عمان", "بمحافظة شمال ..."),
        # so does a king's or prince's name ("مركز الملك عبدالعزيز") and "لـ" with an event or a body
        # ("اللجنة العليا لمعرض القاهرة الدولي للكتاب").
        previous = words[position - 1]
        if not _is_definite(token.key) and not _attached_location(token) and not _org_head(token) \
                and not (_org_head(previous) or _attached_location(previous)) \
                and previous.key not in _ROYAL_NAMES_BEFORE and not _of_event_or_body(token) \
                and token.key not in lx.NAME_LINKS and previous.key not in lx.NAME_LINKS:
            break
        position += 1
    return position


_ROYAL_NAMES_BEFORE = frozenset(lx.key(word) for word in ("الملك", "الأمير", "السلطان", "الشيخ", "الإمام"))


def _of_event_or_body(token: Token) -> bool:
    """ "لمعرض", "لمهرجان", "لهيئة": "لـ" joining an event or a body to the name before it."""
    rest = token.key[1:]
    return token.key.startswith("ل") and len(rest) > 2 and (rest in lx.EVENT_NOUNS or rest in lx.ORGANISATION_HEADS)


def _name_end(tokens: list[Token], index: int, limit: int) -> int:
    position = index
    if not _can_be_name(tokens[position]):
        return index
    position += _compound_length(tokens, position, limit)
    if _is_definite(tokens[index].key):
        return position  # a family name alone ("السالمي")
    if _title_as_family_name(tokens, position, limit):
        return position + 1  # "الفريق كامل الوزير، نائب رئيس الوزراء": الوزير is his family name
    if _compound_given_name(tokens, position, limit):
        return position + 2  # "محمد الأمين العلوي": الأمين is part of his given name
    # After "بن/بنت" any word is a name ("علي" must not be read as the preposition "على").
    linked = False
    while position + 1 < limit and tokens[position].key in lx.NAME_LINKS and tokens[position + 1].is_word:
        position += 1
        position += _compound_length(tokens, position, limit)
        linked = True
    if linked and position + 1 < limit and not _is_definite(tokens[position].key) \
            and tokens[position + 1].is_word and tokens[position + 1].key.startswith("ال"):
        return position  # "ناصر بن سلطان بن فيصل وفد الإعلاميين": a noun and its complement, not a name
    if position < limit and _can_be_name(tokens[position]) and not tokens[position].newline_before:
        position += _compound_length(tokens, position, limit)
        # "محمد مهدي بنسعيد أن": a third plain word when what follows cannot continue a name
        if (position + 1 < limit and tokens[index + 1].key not in lx.NAME_LINKS and _can_be_name(tokens[position])
                and (not _is_definite(tokens[position].key) or tokens[position].key.startswith("ال"))
                and not tokens[position].newline_before and _ends_name(tokens[position + 1])):
            position += 1
    return position


def _title_as_family_name(tokens: list[Token], position: int, limit: int) -> bool:
    """A definite title word right after a given name, then a comma or the end of the phrase."""
    if position >= limit or not tokens[position].key.startswith("ال") or tokens[position].newline_before \
            or _bare(tokens[position]) not in lx.TITLE_WORDS or tokens[position].key in lx.HONORIFICS:
        return False
    return position + 1 >= limit or tokens[position + 1].text in "،,"


def _compound_given_name(tokens: list[Token], position: int, limit: int) -> bool:
    """ "محمد الأمين العلوي": a definite title word after a given name, then a definite family name that is
    neither a title nor a body, then the end of the name."""
    if position + 1 >= limit or not _title_as_family_name(tokens, position, position + 1):
        return False
    family = tokens[position + 1]
    return (family.key.startswith("ال") and _can_be_name(family) and not family.newline_before
            and (position + 2 >= limit or _ends_name(tokens[position + 2])))


def _ends_name(token: Token) -> bool:
    bare = _bare(token)
    return (not token.is_word or bare in lx.COMPLEMENTIZERS or token.key in lx.NOT_NAME_WORDS
            or bare in lx.PRONOUN_COMPLEMENTIZERS
            or bare in lx.TITLE_WORDS or bare in lx.REPORTING_VERBS or bare in lx.CIRCUMSTANCE_WORDS)


def _compound_length(tokens: list[Token], position: int, limit: int) -> int:
    if tokens[position].key in _COMPOUND_NAME_STARTS and position + 1 < limit and tokens[position + 1].is_word:
        return 2
    if position + 1 < limit and tokens[position + 1].key in _COMPOUND_NAME_ENDS:
        return 2  # "محي الدين", "عبد الله" written apart
    return 1


_TANWEEN = ("\u064b", "\u064c", "\u064d")
_NAME_SPELLINGS = frozenset(("علي", "وعلي"))  # "علي" the name folds onto "على" the preposition


def can_be_name_word(token: Token) -> bool:
    """A word that may belong to a person's name (not a title, particle, verb or organisation)."""
    return _can_be_name(token) or token.key in lx.NAME_LINKS


def _can_be_name(token: Token) -> bool:
    if token.text in _NAME_SPELLINGS or token.key == _FADILA:
        return True
    if any(mark in token.text for mark in _TANWEEN) or _circumstantial(token.key) or token.key in lx.SAME_WORDS:
        return False  # "وفدًا", "كثيرٌ", "متوجها", "المسؤول ذاته": a noun, a participle or "the same", never a name
    if token.key[:1] in "بل" and (token.key[1:] in lx.TITLE_WORDS or token.key[1:] in lx.ORGANISATION_HEADS):
        return False  # "برئيس", "لوزير": a title or body after a preposition
    bare = _bare(token)
    return (token.is_word and len(token.key) > 1 and bare not in lx.NOT_NAME_WORDS
            and token.key not in lx.NOT_NAME_WORDS
            and bare not in lx.TITLE_WORDS
            and not _org_head(token) and bare not in lx.COMPLEMENTIZERS and bare not in lx.PRONOUN_COMPLEMENTIZERS
            and bare not in lx.REPORTING_VERBS and bare not in lx.HONORIFICS and bare not in lx.CIRCUMSTANCE_WORDS
            and bare not in lx.PARTICIPLES and token.key not in lx.NAME_LINKS
            and bare not in lx.SPEECH_VERBAL_NOUNS  # "عن الوزير فلان قوله إن"
            and bare not in lx.HONORIFIC_PRONOUNS)  # "واطلع سموه": the pronoun is nobody's name


def _org_head(token: Token) -> bool:
    return _attached_key(token) in lx.ORGANISATION_HEADS


def _attached(words: list[Token], i: int) -> bool:
    return _prefix_length(words[i]) > 0 or (i > 0 and words[i - 1].key in _PREPOSITIONS)


def _attached_key(token: Token) -> str:
    return token.key[_prefix_length(token):]


def _prefix_length(token: Token) -> int:
    word = token.key
    for prefix in ("وب", "ول", "ب", "ل", "و"):
        rest = word[len(prefix):]
        if word.startswith(prefix) and len(rest) > 2 and (rest in lx.ORGANISATION_HEADS or rest in _LOCATION_WORDS):
            return len(prefix)
    return 0


def _attached_location(token: Token) -> bool:
    return token.key[_prefix_length(token):] in _LOCATION_WORDS or _org_head(token)


# Words that start like the article "ال" but are particles or relatives: they end a title.
_LOOKS_DEFINITE = frozenset(lx.key(word) for word in (
    "إلى", "الى", "إلا", "الا", "الذي", "التي", "الذين", "اللذين", "اللتين", "اللاتي", "اللواتي", "الآن", "والتي",
    "والذي", "والذين", "بالإضافة", "بالرغم"))


def _is_article_word(word_key: str) -> bool:
    return word_key.startswith(("ال", "وال"))


def _is_definite(word_key: str) -> bool:
    return word_key.startswith(("ال", "وال", "بال", "لل", "كال", "فال")) and word_key not in _LOOKS_DEFINITE


# "وإلى" folds onto "والي" (a governor) once hamza and ى are folded: as printed, it is "and to".
_TO_SPELLINGS = frozenset(("إلى", "وإلى", "فإلى", "الى", "والى"))
_TO = lx.key("إلى")


def _bare(token: Token) -> str:
    if token.text in _TO_SPELLINGS:
        return _TO
    return token.key if token.key in lx.HONORIFICS or token.key in lx.TITLE_WORDS else strip_prefix(token.key)


def _take_while(tokens: list[Token], index: int, limit: int,
                test: Callable[[Token], bool]) -> tuple[list[Token], int]:
    taken: list[Token] = []
    while index < limit and ((tokens[index].is_word and test(tokens[index])) or (taken and tokens[index].text == ".")):
        taken.append(tokens[index])
        index += 1
    return taken, index


def _join(text: str, tokens: list[Token]) -> str | None:
    return _without_conjunction(text[tokens[0].start:tokens[-1].end]) if tokens else None


def _without_conjunction(phrase: str) -> str:
    # "ومعالي" and "والدكتور" keep their leading "و" in the text; the honorific does not.
    if len(phrase) > 3 and phrase[0] in "وف" and lx.key(phrase.split()[0][1:]) in lx.HONORIFICS | lx.TITLE_WORDS:
        return phrase[1:]
    return phrase


def _replace(mention: PersonMention, **changes: Any) -> PersonMention:
    return replace(mention, **changes)
