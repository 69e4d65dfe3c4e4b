"""People as the press introduces them: honorific, name, title and organisation.

``parse_person(text, tokens, index, limit)`` reads a mention such as "معالي الدكتور فلان بن فلان
الفلاني وزير الإعلام" or "النقيب محمد الهشامي من شرطة عمان السلطانية" from a token position and
returns a ``PersonMention`` with spans. A name is a given name, any "بن/بنت" links, and one
family name; a mention may instead be a title alone ("وزير الإعلام"), a family name alone
("السالمي") or an honorific pronoun ("معاليه"): the quote rules resolve those against people
already met in the article.

This module puts the parts together; each part has its own module: ``person_words`` (what one word
may be), ``person_names`` (where a name starts and ends), ``titles`` (where a post's words end),
``organisations`` (bodies speaking and the body a title attaches to), ``person_mention`` (the value).
The names other modules import from here are re-exported below.
"""

from __future__ import annotations

from dataclasses import replace

from archive.importing import lexicon as lx
from archive.importing.organisations import (
    ROYAL_WORDS,
    named_after_head,
    organisation_in,
    organisation_speaker,
    statement_speaker,
)
from archive.importing.person_mention import PersonMention
from archive.importing.person_names import (
    descriptor_before_name,
    family_name_in_marks,
    name_apposed_after,
    name_in_marks_apposed,
    name_in_title_tail,
    name_stop,
    name_words_end,
    plain_name_end,
    preposition_with_noun,
    starts_name,
)
from archive.importing.person_words import (
    CIRCUMSTANCE_PREPOSITIONS,
    MINISTRY_SHORT_NAMES,
    PREPOSITIONS,
    bare_key,
    can_be_name_word,
    is_definite,
    is_occasion,
    is_place_or_body,
    joined,
    may_be_name,
    take_while,
    without_conjunction,
)
from archive.importing.titles import title_phrase_end, title_through_description, with_title
from archive.importing.tokens import Token
from archive.text.normalize import strip_marks

__all__ = ["PersonMention", "can_be_name_word", "named_after_head", "organisation_in", "organisation_speaker",
           "parse_person", "statement_speaker", "title_phrase_end", "with_title"]


_ROYAL, _HIGHNESS = lx.key("الملكي"), lx.key("السمو")


def parse_person(text: str, tokens: list[Token], index: int, limit: int) -> tuple[PersonMention | None, int]:
    """Read a person mention from ``tokens[index:limit]``; returns it (or None) and the index after it."""
    start_index = index
    honorific_tokens, index = _honorific_words(tokens, index, limit)
    if honorific_tokens and _name_after_honorifics_comma(tokens, index, limit):
        index += 1  # "قال الدكتور، فلان الفلاني ، وزير ...": the honorific set apart by a comma
    rank_start = index
    rank_tokens, index = take_while(tokens, index, limit, lambda t: bare_key(t) in lx.RANKS)
    if index >= limit or not tokens[index].is_word:
        return None, start_index
    if rank_tokens and (not may_be_name(tokens[index]) or preposition_with_noun(tokens[index])) \
            and bare_key(rank_tokens[0]) in lx.TITLE_WORDS:
        # "الوكيل المساعد لقطاع الصحافة"، "الوكيل المساعد للسياسات": the rank words are a title (a preposition
        # glued to a noun's article opens no name)
        rank_tokens, index = [], rank_start
    honorific = joined(text, honorific_tokens)
    first = tokens[index]
    if not honorific_tokens and not rank_tokens and bare_key(first) in MINISTRY_SHORT_NAMES:
        return None, start_index  # "وقالت الخارجية": a ministry (organisations.organisation_speaker)
    if bare_key(first) in lx.HONORIFIC_PRONOUNS:
        mention = PersonMention("pronoun", None, lx.HONORIFIC_PRONOUNS[bare_key(first)], None, None,
                                tokens[start_index].start, first.end)
        return mention, index + 1
    if (bare_key(first) in lx.TITLE_WORDS and not rank_tokens) or descriptor_before_name(tokens, index, limit):
        return _titled_mention(text, tokens, start_index, index, limit, honorific)
    name_end = name_words_end(tokens, index, limit)
    if (honorific_tokens or rank_tokens) and name_end == index + 1:
        given_end = _definite_given_name_end(tokens, index, limit)
        if given_end > index + 1 and name_stop(tokens, given_end, limit):
            name_end = given_end  # "الأستاذ الطاهر عثمان محمد عن": a given name with the article after the honorific
    if name_end == index:
        return None, start_index
    name = without_conjunction(text[first.start:tokens[name_end - 1].end])
    kind = "surname" if name_end - index == 1 and first.key.startswith("ال") and not honorific_tokens else "name"
    rank = joined(text, rank_tokens)
    mention = PersonMention(kind, name, honorific, rank, None, tokens[start_index].start, tokens[name_end - 1].end)
    return mention, name_end


def _name_after_honorifics_comma(tokens: list[Token], index: int, limit: int) -> bool:
    """ "قال الدكتور، فلان الفلاني ، وزير ...": a comma right after the honorifics, then a name of two words or more
    (no title, no article on its first word) closed by a comma or "أن/إن": the honorific is that name's."""
    if index + 2 >= limit or tokens[index].text not in "،," or not tokens[index + 1].is_word \
            or tokens[index + 1].newline_before or is_definite(tokens[index + 1].key):
        return False
    end = plain_name_end(tokens, index + 1, limit)
    return end - (index + 1) >= 2 and end < limit and (
        tokens[end].text in "،," or bare_key(tokens[end]) in lx.COMPLEMENTIZERS)


def _honorific_words(tokens: list[Token], index: int, limit: int) -> tuple[list[Token], int]:
    """The honorifics opening a mention ("صاحب السمو الملكي الأمير", "معالي الدكتور") and the index after them."""
    honorific_tokens, index = take_while(tokens, index, limit, lambda t: bare_key(t) in lx.HONORIFICS
                                         or bare_key(t) in lx.TITLED_HONORIFICS)
    if honorific_tokens and index < limit and tokens[index].key == _ROYAL \
            and bare_key(honorific_tokens[-1]) == _HIGHNESS:
        honorific_tokens.append(tokens[index])  # "صاحب السمو الملكي الأمير ..."
        index += 1
        more, index = take_while(tokens, index, limit, lambda t: bare_key(t) in lx.HONORIFICS)
        honorific_tokens += more
    if honorific_tokens and bare_key(honorific_tokens[-1]) in lx.TITLED_HONORIFICS and (
            index >= limit or not tokens[index].is_word
            or (bare_key(tokens[index]) not in lx.TITLE_WORDS and bare_key(tokens[index]) not in lx.RANKS)):
        honorific_tokens.pop()  # "فضيلة الجفال": فضيلة is her first name, not an honorific
        index -= 1
    if honorific_tokens and index + 1 < limit and tokens[index].text == "/" and tokens[index + 1].is_word \
            and not tokens[index + 1].newline_before:
        index += 1  # "السيد/ فلان": a form's slash after the honorific
    return honorific_tokens, index


def _titled_mention(text: str, tokens: list[Token], start_index: int, index: int, limit: int,
                    honorific: str | None) -> tuple[PersonMention, int]:
    """A mention opening with a title at ``index``: the title, and the name after it when one is printed
    (right after it, after a comma or a dash, between commas after a description), else the title alone."""
    first = tokens[index]
    title_end = title_through_description(tokens, title_phrase_end(tokens, index, limit), limit)
    name_start = name_in_title_tail(tokens, index, title_end, limit)
    title = without_conjunction(text[first.start:tokens[name_start - 1].end])
    organisation = organisation_in(text, tokens[index:name_start])
    if name_start < title_end:  # "وزير الاقتصاد أمين سلام إن": the title's last words were his name
        name = text[tokens[name_start].start:tokens[title_end - 1].end]
        return PersonMention("name", name, honorific, title, organisation, tokens[start_index].start,
                             tokens[title_end - 1].end), title_end
    if _after_a_speakers_name(tokens, start_index):  # "أكد فلان الفلاني وزير الخارجية، رغبة بلاده في": his post
        return PersonMention("title", None, honorific, title, organisation, tokens[start_index].start,
                             tokens[title_end - 1].end), title_end
    named, after_name = _name_after_title(text, tokens, title_end, limit)
    if named is None and title_end + 1 < limit and tokens[title_end].text in "،,-–—" \
            and not _after_a_name_and_comma(tokens, start_index):
        named, after_name, title = _name_after_comma(text, tokens, index, title_end, limit, title)
    if named is not None:  # "الرئيس التنفيذي للهيئة المهندس فهد بن عبدالله العتيبي"
        mention = PersonMention("name", named.name, honorific or named.honorific, title, organisation,
                                tokens[start_index].start, named.end)
        return mention, after_name
    plain_end = plain_name_end(tokens, title_end, limit)
    apposed = name_apposed_after(tokens, plain_end, limit) if plain_end > title_end else None
    if apposed is not None:  # "رئيس الحكومة منتهية الولاية، عماد فهد الزين، إن": the words before describe him
        title = text[first.start:tokens[plain_end - 1].end]
        name = text[tokens[plain_end + 1].start:tokens[apposed - 1].end]
        return PersonMention("name", name, honorific, title, organisation, tokens[start_index].start,
                             tokens[apposed - 1].end), apposed
    marked = name_in_marks_apposed(tokens, title_end, limit) if plain_end == title_end else None
    if marked is None and plain_end == title_end:
        marked = family_name_in_marks(tokens, title_end, limit)
    if marked is not None:  # 'وزير الشؤون الخارجية، "فلان الفلاني"، في تصريح'، 'الوزير "الفلاني" للصحفيين'
        name_start, name_end, after_marks = marked
        name = text[tokens[name_start].start:tokens[name_end - 1].end]
        if title_end - 1 > index and bare_key(tokens[title_end - 1]) in lx.HONORIFICS and not honorific:
            # 'رئيس مجلس الوزراء الشيخ "فلان"': the honorific before the marks is his, not the post's last word
            honorific = tokens[title_end - 1].text
            title = without_conjunction(text[first.start:tokens[title_end - 2].end])
        return PersonMention("name", name, honorific, title, organisation, tokens[start_index].start,
                             tokens[after_marks - 1].end), after_marks
    if plain_end > title_end:  # "رئيس الوزراء مصطفى مدبولي", "الوزير ترجمان"
        name = text[tokens[title_end].start:tokens[plain_end - 1].end]
        return PersonMention("name", name, honorific, title, organisation, tokens[start_index].start,
                             tokens[plain_end - 1].end), plain_end
    described = _name_after_description(text, tokens, title_end, limit, apart=False)
    if described is not None:  # "المتحدث باسم التحالف ضد «داعش»، العقيد فلان الفلاني، في بيان"
        named, after_name, comma = described
        title = without_conjunction(text[first.start:tokens[comma - 1].end])
        return PersonMention("name", named.name, honorific or named.honorific, title, organisation,
                             tokens[start_index].start, named.end), after_name
    mention = PersonMention("title", None, honorific, title, organisation, tokens[start_index].start,
                            tokens[title_end - 1].end)
    return mention, title_end


def _after_a_name_and_comma(tokens: list[Token], start_index: int) -> bool:
    """ "أكد عمرو موسى، وزير الخارجية الأسبق، ضرورة دعم ...": a title printed between commas after a name is
    that name's; what follows its second comma is no other name for it."""
    return start_index >= 2 and tokens[start_index - 1].text in "،," and tokens[start_index - 2].is_word \
        and may_be_name(tokens[start_index - 2]) and not tokens[start_index - 2].key.startswith(("ال", "وال"))


_NAME_BEFORE_POST = 4  # words of a name between a verb of speech and the post printed after it


def _after_a_speakers_name(tokens: list[Token], start_index: int) -> bool:
    """ "أكد يوانيس كاسوليدس وزير خارجية قبرص، رغبة بلاده في ..."، "أكد وائل عواد خبير الشؤون الآسيوية عمق
    الروابط": a verb of speech, its subject's name (two words or more, its first without the article), then a
    post: the post is that subject's, printed in apposition, and the words after it are what the verb says
    (its object), never a second holder's name."""
    position = start_index - 1
    while position >= 0 and start_index - position <= _NAME_BEFORE_POST and tokens[position].is_word \
            and not tokens[position + 1].newline_before and can_be_name_word(tokens[position]) \
            and bare_key(tokens[position]) not in lx.REPORTING_VERBS:
        position -= 1
    name_words = start_index - 1 - position
    if position < 0 or name_words < 2 or not tokens[position].is_word or tokens[position + 1].newline_before:
        return False
    return bare_key(tokens[position]) in lx.REPORTING_VERBS and not tokens[position + 1].key.startswith(("ال", "وال"))


def _name_after_comma(text: str, tokens: list[Token], index: int, title_end: int, limit: int,
                      title: str) -> tuple[PersonMention | None, int, str]:
    """ "رئيسة اللجنة المنظمة، سلمى بنت راشد الكندية، أن": the name after the title's comma (or after a
    description between commas, or after a second title); returns it (or None), the index after it and
    the title, which a description lengthens."""
    named, after_name = _name_after_title(text, tokens, title_end + 1, limit)
    if named is None and tokens[title_end + 1].key in ROYAL_WORDS:  # "العاهل البحريني، الملك حمد بن عيسى،"
        royal, after_name = _name_after_title(text, tokens, title_end + 2, limit)
        if royal is not None and royal.name and len(royal.name.split()) >= 2:
            named = replace(royal, honorific=royal.honorific or tokens[title_end + 1].text)
    plain_end = plain_name_end(tokens, title_end + 1, limit)
    if named is None and plain_end == title_end + 1:
        plain_end = _definite_given_name_end(tokens, title_end + 1, limit)
    if named is None and plain_end - title_end > 2 and _closes_apposed_name(tokens, title_end + 1, plain_end, limit):
        named = PersonMention("name", text[tokens[title_end + 1].start:tokens[plain_end - 1].end], None, None,
                              None, tokens[title_end + 1].start, tokens[plain_end - 1].end)
        after_name = plain_end
    if named is None:
        described = _name_after_description(text, tokens, title_end + 1, limit)
        if described is not None:  # "وزير الثقافة، في الحكومة الموريتانية، الحسين ولد مدو، إن"
            named, after_name, comma = described
            title = without_conjunction(text[tokens[index].start:tokens[comma - 1].end])
    if named is None and bare_key(tokens[title_end + 1]) in lx.TITLE_WORDS:
        # "المدير العام للمهرجان، الفنان أحمد سالم، إن": a second title, then the name
        second, after_second = parse_person(text, tokens, title_end + 1, limit)
        if second is not None and second.kind == "name" and second.name and len(second.name.split()) >= 2:
            named, after_name = second, after_second
    return named, after_name, title


def _definite_given_name_end(tokens: list[Token], start: int, limit: int) -> int:
    """ "رئيس القطاع الاقتصادي بالولاية، الطاهر عبد الرحيم في تصريحات": where a name is expected (after a post's
    comma), a word with the article that may be a name, then plain name words: a given name with the article
    (الطاهر، المهدي، الهادي) and the rest of the name. A time, a post, a place or a body with the article, a
    feminine noun ("الزميلة فلانة", "المتأثرة بأخبار"), a royal word ("الملك") and a definite word followed by
    another ("الأسبوع المقبل") are no given name. Returns the name's end, or ``start`` when there is none."""
    token = tokens[start]
    if not token.is_word or not token.key.startswith("ال") or not may_be_name(token) or is_place_or_body(token) \
            or strip_marks(token.text).endswith("ة") or token.key in ROYAL_WORDS \
            or bare_key(token) in lx.TITLE_WORDS or bare_key(token) in lx.HONORIFICS or bare_key(token) in lx.RANKS \
            or start + 1 >= limit:
        return start
    end = plain_name_end(tokens, start + 1, limit)  # none after "الأسبوع": "المقبل" opens no name
    rest = tokens[start + 1:end]
    if not rest or any(_carries_pronoun(word) or preposition_with_noun(word) for word in rest):
        return start  # "الوالد وتفقده لمشاريع ..."، "الزميل كلنا زملاء": what he did or said, no name
    return end


# Prepositions a verb's object goes on with ("انتقد الوزير، إقدام فلان على ..."): after a comma and a title
# they close no name printed in apposition.
_OBJECT_PREPOSITIONS = frozenset(lx.key(word) for word in ("على", "إلى", "الى", "عن", "من"))


def _closes_apposed_name(tokens: list[Token], start: int, end: int, limit: int) -> bool:
    """ "وزير الخارجية الأسبق، فلان الفلاني، إن": a name after a title's comma ends at a clear stop; "...
    الأسبق، إقدام قيس سعيد على استقبال": a verb's object running on with its preposition is no name, but a
    name closed by its family name with the article is one whatever preposition follows ("كشف وزير الإعلام،
    معمر الإرياني عن تحركات": the verb's complement)."""
    if not name_stop(tokens, end, limit):
        return False
    return end >= limit or bare_key(tokens[end]) not in _OBJECT_PREPOSITIONS or _family_closes(tokens, start, end)


def _family_closes(tokens: list[Token], start: int, end: int) -> bool:
    """Whether ``tokens[start:end]`` (two words or more) ends on a family name with the article ("الإرياني",
    "أبو الغيط"): a person's name, never a verbal noun and its object ("إقدام قيس سعيد")."""
    last = tokens[end - 1]
    return end - start >= 2 and last.key.startswith("ال") and may_be_name(last) and not is_place_or_body(last)


_DESCRIPTION_REACH = 6  # words of a description between commas ("، في الحكومة الموريتانية،")


def _name_after_description(text: str, tokens: list[Token], position: int, limit: int,
                            apart: bool = True) -> tuple[PersonMention, int, int] | None:
    """ "وزير الثقافة ...، في الحكومة الموريتانية، الحسين ولد مدو، إن": after a title and a comma, a
    description opening with a preposition up to the next comma, then a name of two words or more closed by
    a comma or "أن/إن". With ``apart`` False the description follows the title with no comma, as the rest of
    the post ("المتحدث باسم التحالف ضد «داعش»، العقيد فلان الفلاني، في بيان": marks may stand in it, a rank or
    an honorific may open the name); an occasion or a word carrying a pronoun there ("في كلمته"، "إلى نظيره")
    is where he spoke or whom he addressed, after which a name is not his. Returns the name, the index after
    it and the index of the comma before it."""
    if position >= limit or (bare_key(tokens[position]) not in PREPOSITIONS
                             and (apart or bare_key(tokens[position]) not in CIRCUMSTANCE_PREPOSITIONS)):
        return None
    end = min(limit, position + _DESCRIPTION_REACH + 1)
    comma = next((i for i in range(position + 1, end) if tokens[i].text in "،,"), None)
    if comma is None or any(token.newline_before or not (token.is_word or (not apart and token.text in _MARKS))
                            for token in tokens[position + 1:comma]):
        return None
    if not apart and any(token.is_word and (is_occasion(token) or _carries_pronoun(token))
                         for token in tokens[position + 1:comma]):
        return None
    name_start = comma + 1
    if name_start >= limit or not tokens[name_start].is_word:
        return None
    opener = bare_key(tokens[name_start])
    if not apart and (opener in lx.RANKS or opener in lx.HONORIFICS):
        named, name_end = parse_person(text, tokens, name_start, limit)
        if named is None or named.kind != "name" or not named.name or len(named.name.split()) < 2:
            return None
    else:
        name_end = name_words_end(tokens, name_start, limit)
        named = None
    if name_end - name_start < 2 or name_end >= limit:
        return None
    closer = tokens[name_end]
    if closer.text not in "،," and bare_key(closer) not in lx.COMPLEMENTIZERS:
        return None
    if named is not None:
        return named, name_end, comma
    name = text[tokens[name_start].start:tokens[name_end - 1].end]
    mention = PersonMention("name", name, None, None, None, tokens[name_start].start, tokens[name_end - 1].end)
    return mention, name_end, comma


_MARKS = frozenset("«»\"“”")
_PRONOUN_SUFFIXES = ("ه", "ها", "هم", "نا")


def _carries_pronoun(token: Token) -> bool:
    """ "كلمته"، "نظيره"، "لقائها"، "وتفقده": a word of five letters or more carrying a pronoun (not "الله"; "رنا",
    "طه" are names)."""
    printed = strip_marks(token.text)
    return len(printed) >= 5 and printed.endswith(_PRONOUN_SUFFIXES) and not printed.endswith("الله")


def _name_after_title(text: str, tokens: list[Token], position: int, limit: int) -> tuple[PersonMention | None, int]:
    if position >= limit or not starts_name(tokens, position, limit):
        return None, position
    named, after = parse_person(text, tokens, position, limit)
    if named is None or named.kind != "name":
        return None, position
    return named, after
