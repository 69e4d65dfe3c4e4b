"""Where a quote's words open, and the proposal built from them.

Owns the reading of the token where quoted words begin (a colon, أن/إنّ and their forms with a
pronoun, "إلى أن", a quotation mark after a verb of speech) as an ``Opening``, and ``build_quote``:
the quote's span from ``quote_spans`` with its speaker, printed title, organisation and confidence
as a ``QuoteMatch``. Also the two stops every attribution search shares (``ends_attribution``,
``participle_after_comma``). Who speaks is decided elsewhere (``quote_subjects``,
``quote_attribution``).
"""

from __future__ import annotations

from dataclasses import dataclass

from archive.importing import lexicon as lx
from archive.importing.people import PersonMention
from archive.importing.quote_match import QuoteMatch, dot_inside_word, min_words_at
from archive.importing.quote_spans import ABOUT, HOPE_NOUNS, OPENING_MARKS, marked_span, quote_words, reported_span
from archive.importing.speakers import KnownPerson, shorter_title_of
from archive.importing.subjects import ends_sentence
from archive.importing.tokens import QUOTE_OPENERS, Token, strip_prefix

_IN = frozenset((lx.key("في"),))
# Words after which marked words are a name or a title, not speech: "تحت شعار «...»", "بعنوان «...»".
_NAMING_WORDS = frozenset(lx.key(word) for word in (
    "شعار", "بشعار", "الشعار", "عنوان", "بعنوان", "العنوان", "وسم", "هاشتاق", "حملة", "مبادرة", "برنامج", "كتاب",
    "كتابه", "رواية", "فيلم", "مسلسل", "جائزة", "مشروع", "منصة", "تطبيق", "مسابقة", "معرض", "ملتقى", "مؤتمر",
    "منتدى", "ندوة", "ورشة", "جلسة", "فعاليات", "فعالية", "دورة", "نسخة", "موضوع", "سمي", "تسمية", "المسمى"))


@dataclass(frozen=True)
class Opening:
    content_start: int  # character offset where the quoted words begin
    kind: str
    token_index: int  # first token of the quote


def opening_at(text: str, tokens: list[Token], position: int) -> Opening | None:
    """Where a quote opens at ``tokens[position]``: a colon, أن/إنّ, "إلى أن", or a quotation mark."""
    if position >= len(tokens):
        return None
    token = tokens[position]
    following = tokens[position + 1] if position + 1 < len(tokens) else None
    if token.text in ":：" and following is not None:
        if strip_prefix(following.key, "") in lx.COMPLEMENTIZERS:
            kind = "direct" if following.text.startswith("إ") else "indirect"
            return _content_after(tokens, position + 1, kind)
        return Opening(following.start, "direct", position + 1)
    if token.is_word and (token.key in lx.COMPLEMENTIZERS or token.key in lx.PRONOUN_COMPLEMENTIZERS) \
            and (_after_topic_noun(tokens, position) or _governed_that(tokens, position)):
        return None  # "لافتا إلى أهمية أن يكون ...", "وينبغي أن يبلغ ...": a topic, a modal's clause, not what was said
    if token.is_word and token.key in lx.COMPLEMENTIZERS:
        if names_first_word(tokens, position):
            return None
        return _content_after(tokens, position, "indirect")
    if token.is_word and token.key in lx.PRONOUN_COMPLEMENTIZERS:
        if following is not None and following.text in "«“\"":
            return _content_after(tokens, position, "indirect")  # "على أنه “...”": the marked words are the quote
        return Opening(token.start, "indirect", position)
    if token.key in lx.VERB_PARTICLES and following is not None \
            and following.key in lx.COMPLEMENTIZERS | lx.PRONOUN_COMPLEMENTIZERS:
        return opening_at(text, tokens, position + 1)
    if _joined_that(text, token, following):
        return _content_after(tokens, position, "indirect")
    if token.text in QUOTE_OPENERS and position > 0 and tokens[position - 1].is_word and token.text in "«“":
        return Opening(token.start, "direct", position)
    if token.text in OPENING_MARKS and position > 0 and _introduces_speech(tokens[position - 1]):
        return Opening(token.start, "direct", position)  # 'وقال” ...“', 'مضيفا "..."', 'بالقول «...»'
    return None


# Particles that never open the clause after a complementiser: "بان" before one is a name ("بان كي مون").
_NO_CLAUSE_AFTER = frozenset(lx.key(word) for word in ("كي", "لكي"))


def names_first_word(tokens: list[Token], position: int) -> bool:
    """ "بان كي مون": a word read as "بأن" without its hamza before a particle that opens no clause is a name's
    first word, not a complementiser."""
    return tokens[position].key in lx.COMPLEMENTIZERS and position + 1 < len(tokens) \
        and tokens[position + 1].key in _NO_CLAUSE_AFTER


_NAME_WORDS = 4  # the most words of a name read after its first word reads as "بأن"


def name_end(tokens: list[Token], position: int, limit: int) -> int:
    """Where the name whose first word is at ``position`` ends: at the first mark, punctuation or أن/إن after it."""
    return next((later for later in range(position + 1, min(limit, position + _NAME_WORDS))
                 if not tokens[later].is_word or tokens[later].key in lx.COMPLEMENTIZERS
                 or tokens[later].key in lx.PRONOUN_COMPLEMENTIZERS), min(limit, position + _NAME_WORDS))


# "وإن كان ..." is "even if": a concession, never a clause of reported speech.
_CONCESSIVE_AFTER = frozenset(lx.key(word) for word in ("كان", "كانت", "كانوا", "لم", "بدا", "بدت"))


def _joined_that(text: str, token: Token, following: Token | None) -> bool:
    """ "أكد فلان اعتزازه بالجالية وأن بابه مفتوح": أن joined by و after the verb's topic opens the words
    (أن with its hamza above or none; "وإن كان" is a concession). Not after a mark opened in the sentence:
    'وقال فلان "... كما وأنه ..."' is inside the words in marks, which open the quote."""
    if not token.is_word or not token.text.startswith(("وأ", "وا")) or following is None:
        return False
    sentence_start = max(text.rfind(".", 0, token.start), text.rfind("\n", 0, token.start)) + 1
    if any(mark in text[sentence_start:token.start] for mark in OPENING_MARKS):
        return False
    bare = strip_prefix(token.key)
    return bare != token.key and (bare in lx.COMPLEMENTIZERS or bare in lx.PRONOUN_COMPLEMENTIZERS) \
        and following.key not in _CONCESSIVE_AFTER


# Words that start like a first-person future verb ("سنعمل") and are none: years, a country.
_NOT_FUTURE = frozenset(lx.key(word) for word in (
    "سنة", "سنوات", "سنويا", "سنوية", "سنوي", "سنين", "سنتين", "سنتان", "سنغافورة"))


def first_person_opening(tokens: list[Token], position: int) -> Opening | None:
    """ "وأضاف خلال ترؤسه الجلسة، سنعمل على ..."، "وقال في كلمته نحن ...": after where the words were said, a
    first-person future verb or "نحن" opens the speaker's own words, printed without colon or marks."""
    token = tokens[position]
    key = token.key
    if token.is_word and ((key.startswith(_FUTURE_WE) and len(key) >= 5 and key not in _NOT_FUTURE) or key == _WE):
        return Opening(token.start, "direct", position)
    return None


_FUTURE_WE = lx.key("سن")
_WE = lx.key("نحن")


def _after_topic_noun(tokens: list[Token], position: int) -> bool:
    """أن after a noun that takes it as its complement ("أهمية أن", "ضرورة أن"); not hope or confidence
    expressed ("أعرب عن أمله في أن"): that reports words (bench/corpus/README.md)."""
    before = position - 1
    if before > 0 and tokens[before].key in _IN:
        before -= 1
    if before > 0 and hope_expressed(tokens, before - 1):
        return False
    return before >= 0 and tokens[before].is_word and strip_prefix(tokens[before].key) in lx.TOPIC_NOUNS



# Words that take أن as their own complement, a modal verb or a conjunction: "وينبغي أن يبلغ"، "ويكفي أنه"،
# "خاصة أن"، "دون أن يكشف"، "بعد أن"، "لا بد أن". Their أن clause is the speaker's or the reporter's sentence
# going on, never the opening of reported words (no annotated quote of the studied sets opens after one).
_GOVERNING_THAT = frozenset(lx.key(word) for word in (
    "ينبغي", "يجب", "يكفي", "بد", "لابد", "دون", "بدون", "بعد", "قبل", "خاصة", "خصوصا", "منذ", "حتى", "إلا",
    "يمكن", "ريثما", "لمجرد"))


def _governed_that(tokens: list[Token], position: int) -> bool:
    """أن right after a word that governs it ("وينبغي أن"، "خاصة أن"، "دون أن")."""
    before = tokens[position - 1] if position > 0 else None
    return before is not None and before.is_word and (before.key in _GOVERNING_THAT
                                                      or strip_prefix(before.key) in _GOVERNING_THAT)


def hope_expressed(tokens: list[Token], position: int) -> bool:
    """ "عن أمله" at ``position``: hope or confidence expressed, whose أن clause is what was said."""
    return 0 <= position < len(tokens) - 1 and tokens[position].key == ABOUT \
        and tokens[position + 1].key in HOPE_NOUNS


def _introduces_speech(token: Token) -> bool:
    if not token.is_word:
        return token.text in ":؛"
    bare = strip_prefix(token.key)
    return bare in lx.REPORTING_VERBS or bare in lx.PARTICIPLES or token.key in lx.PARTICIPLES \
        or token.key in lx.SPEECH_NOUNS


def _content_after(tokens: list[Token], position: int, kind: str) -> Opening | None:
    if position + 1 >= len(tokens):
        return None
    return Opening(tokens[position + 1].start, kind, position + 1)


def opens_words(text: str, mark_at: int) -> bool:
    """A mark that opens words: «, or a two-way mark (" “) standing apart from the word before it and
    against the word after it ('بـ"ضمان', ' “النابعة'), or glued to a letter that is a word of its own (و، ف،
    ل، ب: 'و”ماضون ...”'، 'ل"توحيد ...'); 'الأيام" الرمضاني' and 'أبو"' are closing ones."""
    if text[mark_at] == "«":
        return True
    before, after = text[mark_at - 1:mark_at], text[mark_at + 1:mark_at + 2]
    glued = before in _PROCLITICS and (mark_at < 2 or text[mark_at - 2].isspace())
    return (before.isspace() or before in "ـ:(" or glued) and bool(after) and not after.isspace()


_PROCLITICS = frozenset("وفلب")  # one-letter words written against the next one: and, so, for, with


def build_quote(text: str, tokens: list[Token], opening: Opening, speaker: KnownPerson | None,
                mention: PersonMention | None, attribution: str, attribution_start: int, confidence: float,
                reason: str) -> QuoteMatch | None:
    start, end, closed = quote_words(text, opening.content_start)
    kind = opening.kind
    if kind == "direct" and closed and _name_in_marks(text, opening.content_start, start, end):
        return None  # 'في حوار لـ«سي بي سي اكسترا»، أن ...'، 'كشف “الاتحاد العام للصحافيين العرب” عن ...'
    if kind == "indirect" and _marked_subject(text, opening.content_start, end, closed):
        (start, end), closed = reported_span(text, opening.content_start), True
    marked = marked_words_inside(text, start, end) if not _after_colon_or_mark(text, opening.content_start) else None
    if marked is not None:
        start, end, kind = marked[0], marked[1], "direct"
    if len(text[start:end].split()) < min_words_at(text, opening.content_start):
        return None
    if not closed:
        confidence -= 0.15  # its closing mark is missing: the end is a guess
    title = _printed_title(mention, speaker)
    organisation = (mention.organisation if mention else None) or (speaker.organisation if speaker else None)
    return QuoteMatch(text[start:end], start, end, kind, speaker, title, organisation, attribution,
                      attribution_start, attribution_start, round(confidence, 2), reason)


_MARKED_QUOTE_WORDS = 4  # the fewest words marks set apart as a quote inside reported speech
_CLOSING_QUOTE_WORDS = 3  # ... when the marked words close the reported words
# Nouns that open the name of a text ("«إعلان ...»"، "«اتفاقية ...»"), as the naming words open an event's.
_DOCUMENT_WORDS = frozenset(lx.key(word) for word in (
    "إعلان", "اتفاق", "اتفاقية", "معاهدة", "ميثاق", "وثيقة", "قانون", "قرار", "خطة", "رؤية", "استراتيجية", "بيان"))
_LINEAGE = frozenset(lx.key(word) for word in ("بن", "بنت", "ابن"))


def marked_words_inside(text: str, start: int, end: int) -> tuple[int, int] | None:
    """ "أن المعرض “سيحظى بمشاركة عشرات الناشرين”": marks opening after reported speech's first words set apart
    the speaker's own words, and those are the quote (bench/corpus/README.md, "Annotation conventions"). The
    first marked phrase of four words or more closed inside the span, when it is no name: not after a word
    that names what follows ("بعنوان «...»") nor opening with a noun that names a text or an event ("«إعلان
    ...»"), no lineage ("... بن ..."), not ending with a year or a number. Three marked words are the quote
    when they close the reported words ("أن الجولان المحتل «أرض سورية عربية»."): a predicate or a clause the
    speaker ends on; three the sentence goes on about ("بشأن «حادثة البحر الميت» كان قويا") are a name. A
    term of one or two words in marks ("دول الحصار") stays inside the reported words."""
    position = start + 1
    while position < end:
        if text[position] in OPENING_MARKS and opens_words(text, position):
            inner_start, inner_end, closed = marked_span(text, position)
            fewest = _CLOSING_QUOTE_WORDS if _closes_words(text, inner_end, end) else _MARKED_QUOTE_WORDS
            if closed and inner_end < end and _speech_in_marks(text, position, inner_start, inner_end, fewest):
                return inner_start, inner_end
            position = max(inner_end, position) + 1
            continue
        position += 1
    return None


def _listed_item(text: str, mark_at: int, inner_end: int) -> bool:
    """Marked words glued to و and followed by و and another mark: an item of a list of names in marks."""
    following = text[inner_end + 1:inner_end + 5].lstrip(" ")
    return text[mark_at - 1:mark_at] == "و" and following[:1] == "و" and following[1:2] in OPENING_MARKS


def _closes_words(text: str, inner_end: int, end: int) -> bool:
    """Nothing but the closing mark and punctuation between the marked words and the end of the reported words."""
    return not any(char.isalnum() for char in text[inner_end:end])


def _speech_in_marks(text: str, mark_at: int, inner_start: int, inner_end: int,
                     fewest: int = _MARKED_QUOTE_WORDS) -> bool:
    words = text[inner_start:inner_end].split()
    if len(words) < fewest or any(lx.key(word) in _LINEAGE for word in words):
        return False
    if _listed_item(text, mark_at, inner_end):
        return False  # 'القاعدة و"دولة ..." و"جبهة النصرة"': names listed one after another in marks
    if words[-1].strip("()،,.")[-4:].isdigit():
        return False  # "«الكويت عاصمة للثقافة والإعلام العربي 2025»": a title with its year
    if strip_prefix(lx.key(words[0])) in _NAMING_WORDS | _DOCUMENT_WORDS:
        return False  # "«إعلان سلوك الأطراف ...»"، "«ملتقى الإعلام العربي ...»": the name of a text or an event
    before = text[:mark_at].rstrip(" ـ").split()
    named_by = lx.key(before[-1].strip("،,:")) if before else ""
    return named_by not in _NAMING_WORDS and strip_prefix(named_by) not in _NAMING_WORDS


def _marked_subject(text: str, mark_at: int, inner_end: int, closed: bool) -> bool:
    """ "أن «ملتقى …» في دورته الخامسة يشكل …": marks opening reported speech that close on a name or a term
    (no speech by ``_speech_in_marks``) before more words of the clause hold its subject, not the quote: the
    quote is the whole clause, marks inside (bench/corpus/README.md: a name in marks stays inside the span)."""
    if not closed or mark_at >= len(text) or text[mark_at] not in OPENING_MARKS:
        return False
    after = text[inner_end + 1:inner_end + 40].lstrip(" ")
    if not after or not after[0].isalpha():
        return False  # «…». or «…»، : the marks close the clause or a phrase of it
    next_word = strip_prefix(lx.key(after.split(" ", 1)[0]))
    if next_word in lx.REPORTING_VERBS or next_word in lx.SPEECH_ACT_VERBS or next_word in lx.COLON_VERBS:
        return False  # 'أن "فلان" صرح … إنه …': the marked name speaks, his own words open later
    return not _speech_in_marks(text, mark_at, mark_at + 1, inner_end)


_NAME_IN_MARKS_WORDS = 4  # the most words of a name or a title set in marks inside the reporter's sentence


def _name_in_marks(text: str, mark_at: int, start: int, end: int) -> bool:
    """A few words in marks that open no speech: the sentence goes on after them with a word that is no verb of
    speech or participle (the name of a body, a channel, a campaign: 'لـ«سي بي سي اكسترا»، أن ...'، 'كشف
    “الاتحاد العام للصحافيين العرب” عن ...'). Words in marks closing the sentence, or followed by a new
    attribution ('"نحن مع الحوار"، مضيفا ...'), are speech; so are any after a colon."""
    if text[mark_at:mark_at + 1] not in OPENING_MARKS or text[max(0, mark_at - 4):mark_at].rstrip(" \t").endswith(
            (":", "：")):
        return False
    if len(text[start:end].split()) > _NAME_IN_MARKS_WORDS:
        return False
    rest = text[end + 1:end + 60].lstrip(" \t" + "".join(OPENING_MARKS))
    rest = rest[1:].lstrip(" \t") if rest[:1] in "،," else rest
    following = rest.split(maxsplit=1)[0] if rest.split() else ""
    if not following or not following[0].isalpha():
        return False
    bare = strip_prefix(lx.key(following))
    return not (bare in lx.REPORTING_VERBS or bare in lx.PARTICIPLES or lx.key(following) in lx.PARTICIPLES
                or bare in lx.COLON_VERBS or bare in lx.SPEECH_ACT_VERBS)


def _after_colon_or_mark(text: str, content_start: int) -> bool:
    """Words opening at a mark, or after a colon, are direct speech already: marks inside them stay."""
    return text[content_start:content_start + 1] in OPENING_MARKS \
        or text[max(0, content_start - 4):content_start].rstrip(" \t").endswith((":", "："))


def _printed_title(mention: PersonMention | None, speaker: KnownPerson | None) -> str | None:
    """The title as printed with the mention, or the speaker's fuller one when the mention only shortens it
    ("وبينت الوزيرة غنيمات" after "وزيرة الدولة لشؤون الإعلام ... جمانة غنيمات")."""
    known = speaker.title if speaker else None
    said = mention.title if mention else None
    if said and known and (len(said.split()) == 1 or shorter_title_of(said, known)) and len(known) > len(said):
        return known
    return said or known


def ends_attribution(tokens: list[Token], position: int) -> bool:
    token = tokens[position]
    return (ends_sentence(tokens, position) and not dot_inside_word(tokens, position)) \
        or (token.is_word and strip_prefix(token.key) in lx.REPORTING_VERBS)


def participle_after_comma(tokens: list[Token], position: int) -> bool:
    token = tokens[position]
    bare = token.key if token.key in lx.PARTICIPLES else strip_prefix(token.key)
    return bare in lx.PARTICIPLES and position > 0 and tokens[position - 1].text in "،,"


def names_a_title(tokens: list[Token], mark_index: int) -> bool:
    """The mark at ``mark_index`` follows a word that names what is in marks ("بعنوان «...»"، "تحت شعار: «...»",
    "ندوة \"...\""): a title, not speech."""
    if mark_index == 0:
        return False
    named_by = tokens[mark_index - 2] if tokens[mark_index - 1].text in ":：" and mark_index > 1 \
        else tokens[mark_index - 1]
    return named_by.is_word and (named_by.key in _NAMING_WORDS or strip_prefix(named_by.key) in _NAMING_WORDS)
