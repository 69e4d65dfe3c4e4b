"""Bodies as speakers and as the organisation a title attaches to.

"أكدت وزارة الداخلية أن" is the ministry speaking (``organisation_speaker``); "أفاد بلاغ لوزارة
الخارجية بأن" is the body that issued the statement (``statement_speaker``); "وزير الإعلام بوزارة ..."
attaches the post to a body (``organisation_in``). A body's name runs through proper names, places,
a king's name and "لـ" with an event or a body ("مركز الملك عبدالعزيز للحوار الوطني").
"""

from __future__ import annotations

from archive.importing import lexicon as lx
from archive.importing.person_mention import PersonMention
from archive.importing.person_words import (
    MINISTRY_SHORT_NAMES,
    attached_key,
    bare_key,
    body_prefix_length,
    has_article,
    is_body_head,
    is_definite,
    is_occasion,
    is_place_or_body,
)
from archive.importing.tokens import Token


def organisation_speaker(text: str, tokens: list[Token], index: int, limit: int) -> tuple[PersonMention | None, int]:
    """ "أكدت وزارة الداخلية أن": a body speaking; its name is the organisation as printed. A ministry named
    by its short name ("وقالت الخارجية في بيان") speaks as that word."""
    if index < limit and tokens[index].is_word and bare_key(tokens[index]) in MINISTRY_SHORT_NAMES:
        start = tokens[index].start + (1 if tokens[index].key.startswith("و") else 0)
        last = index + 1 if _state_adjective(tokens, index + 1, limit) else index
        name = text[start:tokens[last].end]
        return PersonMention("name", name, None, None, name, start, tokens[last].end), last + 1
    if index >= limit or not is_body_head(tokens[index]):
        return None, index
    words = tokens[index:limit]
    cut = next((i for i, token in enumerate(words) if token.text in "-–—،,("), len(words))
    words = words[:cut]  # "هيئة الكتاب - الجهة المنظمة -": the body's name ends at the dash
    end = body_name_end(words, 0)
    if end < 2 and not (end == 1 and has_article(words[0].key)):
        return None, index  # "وأكدت الوزارة أن": a body named by its head alone speaks too
    start = words[0].start + body_prefix_length(words[0])  # "لوزارة ...", "والوزارة": the body without "لـ"/"و"
    name = text[start:words[end - 1].end]
    return PersonMention("name", name, None, None, name, start, words[end - 1].end), index + end


def _state_adjective(tokens: list[Token], position: int, limit: int) -> bool:
    """ "وقالت الخارجية الإيرانية في بيان": a definite feminine adjective of relation (ـية) on the same line
    right after a ministry's short name is its state's, part of the body's name."""
    if position >= limit or not tokens[position].is_word or tokens[position].newline_before:
        return False
    key = tokens[position].key
    return key.startswith("ال") and key.endswith("يه") and len(key) > 5 and not is_place_or_body(tokens[position]) \
        and bare_key(tokens[position]) not in lx.TITLE_WORDS


def named_after_head(text: str, tokens: list[Token], index: int, limit: int) -> str | None:
    """The name a head word opens, read as a body's name is ("المؤتمر العربي للمدن المستدامة" from "المؤتمر"):
    two words or more, else None."""
    words = [token for token in tokens[index:limit] if not token.newline_before or token is tokens[index]]
    cut = next((i for i, token in enumerate(words) if token.text in "-–—،,("), len(words))
    end = body_name_end(words[:cut], 0)
    if end < 2:
        return None
    start = words[0].start + body_prefix_length(words[0])
    return text[start:words[end - 1].end]


def statement_speaker(text: str, tokens: list[Token], index: int, limit: int) -> tuple[PersonMention | None, int]:
    """ "أفاد بلاغ لوزارة الشؤون الخارجية بأن", "ذكر بيان صادر عن وزارة الصحة أن": a statement speaks for
    the body that issued it, so the body is the speaker; None when no body follows the statement noun."""
    if index >= limit or not tokens[index].is_word or bare_key(tokens[index]) not in lx.STATEMENT_NOUNS:
        return None, index
    position = index + 1
    while position < min(limit, index + 3) and tokens[position].is_word \
            and bare_key(tokens[position]) in lx.STATEMENT_LINKS:
        position += 1
    mention, after = organisation_speaker(text, tokens, position, limit)
    return (mention, after) if mention is not None else (None, index)


def organisation_in(text: str, words: list[Token]) -> str | None:
    """The organisation a title or phrase names: the last body it attaches to, e.g. "بوزارة ..." or "لشركة ..."."""
    heads = [i for i, token in enumerate(words) if is_body_head(token)]
    bodies = [i for i in heads if attached_key(words[i]) not in lx.ORGANISATION_UNITS]
    # Without a whole body, the unit itself is the organisation ("رئيس المكتب الوطني للإعلام").
    chosen = bodies[-1] if bodies else (heads[-1] if heads and heads[-1] > 0 else None)
    if chosen is None:
        return _organisation_after_preposition(text, words)
    end = body_name_end(words, chosen)
    head = words[chosen]
    start = head.start + body_prefix_length(head)
    if attached_key(head) in lx.COMPANY_WORDS and end > chosen + 1 and not is_definite(words[chosen + 1].key):
        start = words[chosen + 1].start  # "شركة ميتا" is recorded as "ميتا"
    return text[start:words[end - 1].end].strip(" ،,«»\"")


def _organisation_after_preposition(text: str, words: list[Token]) -> str | None:
    """ "مدير الإعلام في هيئة ...": the words after في. An occasion or a circumstance among them ("في حوار خاص لـ"،
    "في أروقة منتدى ..."، "في مستهل كلمته") says where he spoke, and a body's name never ends on a bare preposition
    ("لـ"، "مع"): neither is a body."""
    for i in range(len(words) - 2, -1, -1):
        if words[i].key == lx.key("في") and not is_definite(words[i + 1].key):
            if any(is_occasion(word) or bare_key(word) in lx.CIRCUMSTANCE_WORDS for word in words[i + 1:]) \
                    or words[-1].key in _BARE_PREPOSITIONS:
                return None
            return text[words[i + 1].start:words[-1].end].strip(" ،,«»\"")
    return None


# Prepositions printed alone, which always need what follows them: no name ends on one.
_BARE_PREPOSITIONS = frozenset(lx.key(word) for word in ("ل", "لـ", "ب", "بـ", "في", "من", "عن", "على", "إلى", "مع"))


def body_name_end(words: list[Token], head: int) -> int:
    position = head + 1
    while position < len(words):
        token = words[position]
        bare = bare_key(token)
        if token.key == lx.key("في") or bare in lx.CIRCUMSTANCE_WORDS or bare in lx.COMPLEMENTIZERS \
                or token.key in lx.NOT_NAME_WORDS:
            break  # "وكانت الوزارة قد أعلنت": a particle ends the body's name
        if not token.is_word:
            position += 1
            continue
        # A proper name right after a head or a place word belongs to it ("شرطة عمان", "بمحافظة شمال ..."),
        # so does a king's or prince's name ("مركز الملك عبدالعزيز") and "لـ" with an event or a body
        # ("اللجنة العليا لمعرض القاهرة الدولي للكتاب").
        previous = words[position - 1]
        if not is_definite(token.key) and not is_place_or_body(token) and not is_body_head(token) \
                and not (is_body_head(previous) or is_place_or_body(previous)) \
                and previous.key not in ROYAL_WORDS and not _of_event_or_body(token) \
                and token.key not in lx.NAME_LINKS and previous.key not in lx.NAME_LINKS \
                and not _domain_in_construct(words, position, head):
            break
        position += 1
    while position - 1 > head and not words[position - 1].is_word and not _closes_inside(words, head, position - 1):
        position -= 1  # "وقالت الحكومة السورية: «...»": the colon and the mark opening the words are no part of it
    return position


def _closes_inside(words: list[Token], head: int, position: int) -> bool:
    """Whether the mark at ``position`` closes one opened inside the body's name ('هيئة "الإذاعة"', "(الخارجية)")."""
    mark = words[position].text
    if mark in ")»”":
        return True
    return mark == '"' and sum(token.text == '"' for token in words[head:position]) % 2 == 1



def _domain_in_construct(words: list[Token], position: int, head: int) -> bool:
    """ "وزارة خارجية أوزبكستان", "لوزارة داخلية البلد": a ministry's domain printed without the article is in
    construct with what follows it (a country's name no list knows), which belongs to the body's name."""
    previous = words[position - 1]
    return position - 1 > head and previous.is_word and previous.key.endswith("يه") \
        and not is_definite(previous.key) and not words[position].newline_before


ROYAL_WORDS = frozenset(lx.key(word) for word in ("الملك", "الأمير", "السلطان", "الشيخ", "الإمام"))


def _of_event_or_body(token: Token) -> bool:
    """ "لمعرض", "لمهرجان", "لهيئة": "لـ" joining an event or a body to the name before it."""
    rest = token.key[1:]
    return token.key.startswith("ل") and len(rest) > 2 and (rest in lx.EVENT_NOUNS or rest in lx.ORGANISATION_HEADS)
