"""Quotes: direct and reported speech, attributed to the person who said it.

Arabic press attributes speech in a few fixed shapes, which these rules read:
- verb first: "وقال/وأكد/وأوضح <person> <title>: ..." or "... أن/إنّ ...";
- subject first: "أما <person>، <title> فأوضحت أن ...";
- "قال <person> <title> <quote>" with neither colon nor أن: the quote starts where the title can
  no longer continue (a verb after a definite word);
- references to someone met earlier: family name ("وأضاف الهشامي"), title ("وقال وزير الإعلام"),
  honorific pronoun ("وأكد معاليه");
- continuations without a named subject ("وأضاف:", "وأشار إلى أن", "مشيرا إلى أن"): attributed to
  the speaker ``speaker_trail`` chooses and marked ``attribution="continuation"`` (weaker evidence);
- a family name in quotation marks («البنا»), a body by its head ("وذكرت الوزارة"), a group
  ("منظمو الملتقى": no person), "وجاء في كلمة فلان: ...", "وزاد: «...»", "وأضاف، ...".
Forms that the shape of a line gives away (a quote before its attribution, a headline, an
interview's answers) are read by ``line_quotes``; where a quote ends, by ``quote_spans``.
The quote text leaves out the attribution and an introducing إنّ/أنّ.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from archive.importing import lexicon as lx
from archive.importing.earlier_names import EarlierNames
from archive.importing.line_quotes import headline_quote, interview_answer, quote_first_at
from archive.importing.people import (
    PersonMention,
    organisation_speaker,
    parse_person,
    statement_speaker,
    title_phrase_end,
    with_title,
)
from archive.importing.quote_match import (
    FAMILY_COMPOUNDS,
    MIN_QUOTE_WORDS,
    QuoteMatch,
    credible_name,
    first_token_after,
    is_reporting_verb,
    sentence_limit,
    short_name,
)
from archive.importing.quote_spans import OPENING_MARKS, quote_words
from archive.importing.spans import SpanSet
from archive.importing.speaker_trail import SpeakerTrail, title_with_family_name
from archive.importing.speakers import KnownPerson, PeopleBook, shorter_title_of
from archive.importing.subjects import ends_sentence
from archive.importing.tokens import QUOTE_CLOSERS, QUOTE_OPENERS, Token, strip_prefix

_SAY_VERBS = {lx.key(word) for word in ("قال", "قالت", "يقول", "تقول", "أضاف", "أضافت")}
_PLURAL_REASON = "plural participle: a group speaks, no person"
_TIME_WORDS = {lx.key(word) for word in ("اليوم", "أمس", "غدا", "مساء", "صباح", "الليلة", "ظهر", "بعد", "قبل", "عقب")}
_SUBJECT_OPENERS = {lx.key(word) for word in ("أما", "فيما", "بينما", "كما", "من", "جانبه", "جانبها", "جهته", "جهتها",
                                               "ومن", "كان", "كانت", "وكان", "وكانت")}


@dataclass(frozen=True)
class _Opening:
    content_start: int  # character offset where the quoted words begin
    kind: str
    token_index: int  # first token of the quote


def find_quotes(text: str, tokens: list[Token], book: PeopleBook) -> list[QuoteMatch]:
    """Every quote in ``text`` with its speaker, in text order."""
    quotes: list[QuoteMatch] = []
    spans = SpanSet()  # the quotes' spans: a name inside a quote is not who speaks next
    names = EarlierNames(text, tokens)
    trail = SpeakerTrail(text, tokens, book, names, spans)
    index = 0
    while index < len(tokens):
        match = (quote_first_at(text, tokens, index, book) or headline_quote(text, tokens, index, book, names)
                 or interview_answer(text, tokens, index, book)
                 or _quote_at(text, tokens, index, book, trail, names)
                 or _partial_quote(text, tokens, index, book, trail))
        if match is None:
            index += 1
            continue
        if match.speaker is None and match.attribution == "continuation" and not match.group:
            match = _with_titled_person_before(text, tokens, match, book, names, index)
        quotes.append(match)
        spans.add(match.start, match.end)
        trail.said(match.speaker, index, explicit=match.attribution == "explicit")
        if match.speaker is not None:
            book.note_mention(match.speaker, match.attribution_start, match.attribution_start)
        index = first_token_after(tokens, index, max(match.end, match.attribution_end))
    return quotes


# Words after which marked words are a name or a title, not speech: "تحت شعار «...»", "بعنوان «...»".
_NAMING_WORDS = frozenset(lx.key(word) for word in (
    "شعار", "بشعار", "الشعار", "عنوان", "بعنوان", "العنوان", "وسم", "هاشتاق", "حملة", "مبادرة", "برنامج", "كتاب",
    "كتابه", "رواية", "فيلم", "مسلسل", "جائزة", "مشروع", "منصة", "تطبيق", "مسابقة", "معرض", "ملتقى", "مؤتمر",
    "منتدى", "ندوة", "ورشة", "جلسة", "فعاليات", "فعالية", "دورة", "نسخة", "موضوع", "سمي", "تسمية", "المسمى"))
# First words of a document's or programme's name in marks ("دليل الوحدات الحكومية في ..."): a title, not speech.
_TITLE_HEADS = frozenset(lx.key(word) for word in (
    "دليل", "كتاب", "تقرير", "استراتيجية", "إستراتيجية", "خطة", "وثيقة", "إعلان", "ميثاق", "برنامج", "مشروع",
    "مبادرة", "جائزة", "حملة", "رؤية", "منصة", "مؤشر", "قانون", "نظام", "لائحة", "موسوعة", "معجم", "سلسلة", "مسابقة"))
_PARTIAL_QUOTE_WORDS = 6
_IN = frozenset((lx.key("في"),))
_THE_STATEMENT = frozenset(lx.key(word) for word in ("البيان", "البلاغ", "التعميم"))
_RELATIVES = frozenset(lx.key(word) for word in ("الذي", "التي"))
_PLACE_WORDS = frozenset(lx.key(word) for word in ("في", "من", "أمام", "عبر", "على"))


def _partial_quote(text: str, tokens: list[Token], index: int, book: PeopleBook,
                   trail: SpeakerTrail) -> QuoteMatch | None:
    """ 'وتحدث عن «...»', 'التزام الدولة بـ"..."', 'ونقل الوزير تحيات الرئيس “...”': six words or more in
    marks inside the narrative are the words of the sentence's speaker (the partial quote of agency style),
    proposed with low confidence; not after "بعنوان"/"شعار" (a title), and not without a speaker."""
    token = tokens[index]
    if token.text not in OPENING_MARKS or index == 0 or token.newline_before or not _opens_words(text, token.start):
        return None
    named_by = tokens[index - 2] if tokens[index - 1].text in ":：" and index > 1 else tokens[index - 1]
    if named_by.is_word and (named_by.key in _NAMING_WORDS or strip_prefix(named_by.key) in _NAMING_WORDS):
        return None
    opening = _Opening(token.start, "direct", index)
    start, end, closed = quote_words(text, token.start)
    words = text[start:end].split()
    if not closed or len(words) < _PARTIAL_QUOTE_WORDS or lx.key(words[0]) in _TITLE_HEADS \
            or lx.key(words[0]) in lx.EVENT_NOUNS:  # "لقاء مع الإعلام الأجنبي": an event's name
        return None
    found = _said_by_subject_or_previous(text, tokens, index, opening, book, trail, 0.4)
    if found is None or found.speaker is None:
        return None
    return replace(found, confidence=0.4, reason="words in marks inside the narrative: its speaker's (partial quote)")


def _event_speaking(tokens: list[Token], index: int, names: EarlierNames) -> tuple[PersonMention | None, int]:
    """ "وأكد المؤتمر في ختام أعماله على أن": the event speaks (its closing statement), named as printed before
    ("المؤتمر العربي للمدن المستدامة"), else by its noun as printed ("المؤتمر")."""
    noun = tokens[index + 1]
    name = names.event_name(noun.key[2:], index + 1) or names.event_name(noun.key, index + 1) or noun.text
    return PersonMention("name", name, None, None, name, noun.start, noun.end), index + 2


def _said_by_the_statement(text: str, tokens: list[Token], index: int, limit: int,
                           book: PeopleBook) -> QuoteMatch | None:
    """ "وأشار البيان إلى أن ...": the statement named before speaks for the body last met that speaks as a
    body ("أكدت وزارة الداخلية في بيان لها"); with none, the words are proposed without a speaker."""
    body = book.latest_mentioned(tokens[index].start,
                                 test=lambda person: bool(person.name) and person.name == person.organisation)
    for position in range(index + 2, min(limit, index + 25)):
        if _ends_attribution(tokens, position):
            return None
        opening = _opening_at(text, tokens, position)
        if opening is not None:
            found = _build(text, tokens, opening, body, None, "explicit", tokens[index].start,
                           0.75 if body else 0.4, "the statement named before (البيان): its body speaks")
            return found if found is None or body is not None else replace(found, group=True)
    return None


def _the_same(mention: PersonMention, book: PeopleBook, trail: SpeakerTrail, index: int) -> PersonMention:
    """ "وسجل المسؤول ذاته أن", "وأضاف المتحدث نفسه أن": "the same" official is the person of that title met
    before, else the last speaker; the mention then names that person."""
    person = book.resolve(mention) or trail.previous(index)
    if person is None or not person.name:
        return mention
    return PersonMention("name", person.name, person.honorific, person.title, person.organisation,
                         mention.start, mention.end)


def _mark_later_in_sentence(text: str, tokens: list[Token], position: int, limit: int) -> _Opening | None:
    """The first mark that opens words of a quote after ``position`` in the sentence, when the words before it
    start with where or when it was said (a comma, في، خلال، على هامش ...), else None."""
    first = tokens[position]
    if not (first.text in "،," or strip_prefix(first.key) in lx.CIRCUMSTANCE_WORDS or first.key in _PLACE_WORDS):
        return None
    for mark in range(position + 1, min(limit, position + 40)):
        if tokens[mark].text in OPENING_MARKS and _opens_words(text, tokens[mark].start):
            start, end, closed = quote_words(text, tokens[mark].start)
            if closed and len(text[start:end].split()) >= MIN_QUOTE_WORDS:
                return _Opening(tokens[mark].start, "direct", mark)
            return None
    return None


def _title_in_sentence(text: str, tokens: list[Token], index: int) -> PersonMention | None:
    """ "من جانب آخر تحدث السفير البريطاني المعين لدى البحرين ... قائلا: «": a person printed by title only,
    earlier in the continuation's own sentence, is who speaks (named by that title)."""
    start = _sentence_start(tokens, index)
    for position in range(start, index):
        if _starts_title(tokens[position]) and (position == start or not _starts_title(tokens[position - 1])):
            mention, _ = parse_person(text, tokens, position, index)
            if mention is not None and mention.kind == "title" and mention.title \
                    and len(mention.title.split()) >= 2:
                return mention
    return None


def _opens_words(text: str, mark_at: int) -> bool:
    """A mark that opens words: «, or a two-way mark (" “) standing apart from the word before it and
    against the word after it ('بـ"ضمان', ' “النابعة'); 'الأيام" الرمضاني' is a closing one."""
    if text[mark_at] == "«":
        return True
    before, after = text[mark_at - 1:mark_at], text[mark_at + 1:mark_at + 2]
    return (before.isspace() or before in "ـ:(") and bool(after) and not after.isspace()


def _with_titled_person_before(text: str, tokens: list[Token], match: QuoteMatch, book: PeopleBook,
                               names: EarlierNames, index: int) -> QuoteMatch:
    """A continuation with nobody quoted before: the last person printed with a title before it, else a
    person printed by title alone earlier in its own sentence."""
    mention = names.latest_titled_person(index) or _title_in_sentence(text, tokens, index)
    if mention is None:
        return match
    return replace(match, speaker=book.add(mention), speaker_title=mention.title, organisation=mention.organisation,
                   confidence=0.35, reason="continuation: the last person named with a title before it")


def _quote_at(text: str, tokens: list[Token], index: int, book: PeopleBook,
              trail: SpeakerTrail, names: EarlierNames) -> QuoteMatch | None:
    token = tokens[index]
    if not token.is_word:
        return None
    bare = token.key if token.key in lx.PARTICIPLES else strip_prefix(token.key)  # "واصفا" keeps its و
    if bare in lx.PARTICIPLES:
        limit = sentence_limit(tokens, index)
        for position in range(index + 1, min(limit, index + 8)):
            if position > index + 1 and _ends_attribution(tokens, position):
                return None
            opening = _opening_at(text, tokens, position)
            if opening is not None and bare in lx.PLURAL_PARTICIPLES:  # "مؤكدين أن": a group, no person
                found = _build(text, tokens, opening, None, None, "continuation", token.start, 0.3, _PLURAL_REASON)
                return replace(found, group=True) if found is not None else None
            if opening is not None:  # "مشيرا إلى أن", "مشيرة في الوقت نفسه إلى أن", "مضيفا: «"
                return _continuing(text, tokens, index, opening, trail)
        return None
    if bare in lx.SAID_IN_VERBS:
        return _said_in(text, tokens, index, book, trail)
    if bare in lx.RELAYING_VERBS:
        return _relayed(text, tokens, index, book, names)
    if bare in lx.COLON_VERBS:  # "وزاد: «...»", "وكتب الوزير: «...»": speech only before a colon or a mark
        opening = _opening_at(text, tokens, index + 1)
        if opening is not None and opening.kind == "direct":
            return _said_by_subject_or_previous(text, tokens, index, opening, book, trail, 0.8)
        mention, after = parse_person(text, tokens, index + 1, sentence_limit(tokens, index))
        opening = _opening_at(text, tokens, after) if mention is not None else None
        if mention is None or opening is None or opening.kind != "direct" \
                or text[opening.content_start] not in OPENING_MARKS:
            return None  # "وكتب الشاعر قصيدة: ..." is no quote; "وكتب الوزير: «...»" is
        return _attributed(text, tokens, opening, book, mention, token, 0.75, "a colon verb, speaker, then the quote",
                           names, index)
    if not (is_reporting_verb(token) or _ambiguous_verb_before_that(tokens, index)):
        return None
    return _after_verb(text, tokens, index, book, trail, names)


def _relayed(text: str, tokens: list[Token], index: int, book: PeopleBook, names: EarlierNames) -> QuoteMatch | None:
    """ "ونقلت الوكالة عن وزير الإعلام فلان قوله إن ...": the words are those of the person after عن."""
    limit = sentence_limit(tokens, index)
    about = next((position for position in range(index + 1, min(limit, index + 8))
                  if tokens[position].key == lx.key("عن")), None)
    if about is None:
        return None
    mention, after = parse_person(text, tokens, about + 1, limit)
    if mention is None or (mention.kind == "surname" and book.resolve(mention) is None):
        return None
    for position in range(after, min(limit, after + 25)):
        if tokens[position].key in lx.SPEECH_VERBAL_NOUNS:
            opening = _opening_at(text, tokens, position + 1)
            if opening is None:
                return None
            titled = with_title(text, mention, _title_tokens(tokens[after:position]))
            return _attributed(text, tokens, opening, book, titled, tokens[index], 0.8,
                               "relayed: 'نقل عن فلان قوله'", names, index)
    return None


def _said_in(text: str, tokens: list[Token], index: int, book: PeopleBook, trail: SpeakerTrail) -> QuoteMatch | None:
    """ "وجاء في كلمة وزير الإعلام: «...»" / "وجاء في بيان الوزارة أن ...": the words are those of the person
    or body the speech belongs to; "وجاء في كلمته" continues the last speaker."""
    limit = sentence_limit(tokens, index)
    if index + 2 >= limit or tokens[index + 1].key != lx.key("في") or tokens[index + 2].key not in lx.SPEECH_DOCUMENTS:
        return None
    document = tokens[index + 2]
    owner = index + 3
    mention, after = parse_person(text, tokens, owner, limit) if owner < limit else (None, owner)
    if mention is None and owner < limit:
        mention, after = organisation_speaker(text, tokens, owner, limit)
    for position in range(after if mention else owner, min(limit, owner + 30)):
        opening = _opening_at(text, tokens, position)
        if opening is None:
            continue
        if mention is not None and mention.kind != "surname":
            return _build(text, tokens, opening, book.add(mention), mention, "explicit", tokens[index].start, 0.75,
                          "words that appear in a person's or body's speech (وجاء في كلمة ...)")
        if document.key.endswith(("ه", "ها")) and document.key not in {lx.key("كلمة"), lx.key("رسالة")}:
            speaker = trail.previous(index)  # "وجاء في كلمته": his
            return _build(text, tokens, opening, speaker, None, "continuation", tokens[index].start, 0.45,
                          "words that appear in the last speaker's speech (وجاء في كلمته)")
        return None
    return None


def _ambiguous_verb_before_that(tokens: list[Token], index: int) -> bool:
    """ "وبين الشبول أن": "بين" without its shadda is the verb when أن follows within three words."""
    if tokens[index].key not in lx.AMBIGUOUS_VERBS:
        return False
    if tokens[index].key.endswith("ت") and index + 1 < len(tokens) and tokens[index + 1].is_word:
        return True  # "وبينت الوزيرة ...": the feminine form is only the verb
    return any(token.key in lx.COMPLEMENTIZERS or token.key in lx.PRONOUN_COMPLEMENTIZERS
               for token in tokens[index + 1:index + 4])


def _continuing(text: str, tokens: list[Token], index: int, opening: _Opening,
                trail: SpeakerTrail) -> QuoteMatch | None:
    """A participle's quote: said by its sentence's subject ("وقدم الوزير ... شرحا، مبينا أن"), else the previous
    speaker."""
    subject = trail.subject_before(index)
    if subject is not None:
        return _build(text, tokens, opening, subject[0], subject[1], "continuation", tokens[index].start, 0.5,
                      "participle continuing its sentence's subject")
    speaker = trail.previous(index)
    return _build(text, tokens, opening, speaker, None, "continuation", tokens[index].start,
                  0.45 if speaker else 0.3, "participle continuing the previous speaker")


def _after_verb(text: str, tokens: list[Token], index: int, book: PeopleBook,
                trail: SpeakerTrail, names: EarlierNames) -> QuoteMatch | None:
    verb = tokens[index]
    limit = sentence_limit(tokens, index)
    mention, after_name = _quoted_name(text, tokens, index + 1, limit)
    quoted = mention is not None  # a name in quotation marks is a person's, even met nowhere else
    opening = _opening_at(text, tokens, index + 1) if mention is None else None
    if opening is not None and verb.key in lx.IMPERSONAL_VERBS:
        return None
    if opening is None and mention is None and index + 2 < limit and tokens[index + 1].text in "،," \
            and strip_prefix(verb.key) in _SAY_VERBS | lx.CONTINUATION_VERBS and tokens[index + 2].is_word:
        opening = _Opening(tokens[index + 2].start, "direct", index + 2)  # "وأضاف، ستكون هناك تغطية ..."
    if opening is not None:
        return _said_by_subject_or_previous(text, tokens, index, opening, book, trail, 0.85)
    if index + 1 < limit and strip_prefix(tokens[index + 1].key) in lx.GROUP_SUBJECTS:
        return _said_by_group(text, tokens, index, limit)
    if mention is not None and mention.kind == "surname" and book.resolve(mention) is None \
            and names.full_name(lx.key(mention.name or ""), index) is None:
        mention = replace(mention, kind="name")  # «الفارسي»: a name in guillemets is a person, met or not
    if mention is None:
        mention, after_name = statement_speaker(text, tokens, index + 1, limit)
    if mention is None and index + 1 < limit and tokens[index + 1].key.startswith("ال") \
            and tokens[index + 1].key in lx.EVENT_NOUNS:
        mention, after_name = _event_speaking(tokens, index, names)  # "وأكد المؤتمر في ختام أعماله أن"
    if mention is None and index + 1 < limit and tokens[index + 1].key in _THE_STATEMENT:
        return _said_by_the_statement(text, tokens, index, limit, book)  # "وأشار البيان إلى أن"
    if mention is None:
        mention, after_name = parse_person(text, tokens, index + 1, limit)
    if mention is None:
        mention, after_name = organisation_speaker(text, tokens, index + 1, limit)
    if mention is not None and mention.kind == "title" and after_name < limit \
            and tokens[after_name].key in lx.SAME_WORDS:  # "وسجل المسؤول ذاته أن"
        mention, after_name = _the_same(mention, book, trail, index), after_name + 1
    if mention is not None and mention.organisation and mention.organisation == mention.name:
        mention = _earlier_body(mention, book, names, index)  # "وذكرت الوزارة" after "أكدت وزارة الإعلام"
    elif mention is not None and mention.kind in ("surname", "name") and short_name(mention.name or "") \
            and book.resolve(mention) is None:
        mention = _full_name_for(mention, tokens, index, names)
    if mention is not None and mention.kind == "pronoun":  # "وقال سموه": the speaker it fits, the last one first
        person = trail.pronoun(mention)
        if person is not None and person.name:
            mention = PersonMention("name", person.name, person.honorific, person.title, person.organisation,
                                    mention.start, mention.end)
    body = mention is not None and bool(mention.name) and mention.name == mention.organisation
    if mention is None or (mention.kind == "name" and not quoted and not credible_name(mention) and not body
                           and book.resolve(mention) is None):
        return _late_opening(text, tokens, index, limit, book, trail, mention, after_name if mention else index + 1)
    for position in range(after_name, min(limit, after_name + 50)):
        if _ends_attribution(tokens, position) or _participle_after_comma(tokens, position):
            break  # "في بادرة تؤكد متانة العلاقات، موضحا أن": the participle opens its own attribution
        opening = _opening_at(text, tokens, position)
        if opening is not None:
            titled = with_title(text, mention, _title_tokens(tokens[after_name:position]))
            found = _attributed(text, tokens, opening, book, titled, verb, 0.9,
                                "reporting verb, speaker, then the quote", names, index)
            if found is not None:
                return found  # else a quoted name such as لـ«الرؤية»: keep looking
    if strip_prefix(verb.key) in _SAY_VERBS and mention.kind in ("name", "title") and after_name < limit:
        title_end = title_phrase_end(tokens, after_name, limit) if _starts_title(tokens[after_name]) else after_name
        opens_with_that = title_end < limit and tokens[title_end].key in lx.COMPLEMENTIZERS | lx.PRONOUN_COMPLEMENTIZERS
        if limit - title_end >= MIN_QUOTE_WORDS and not opens_with_that:  # "إن المعرض ناجح": too short, not direct
            mention = with_title(text, mention, tokens[after_name:title_end])
            marked = _mark_later_in_sentence(text, tokens, title_end, limit)
            if marked is not None:  # "وقال فلان، في ندوة صحفية ... \"أستشعر ...\"": where he said it, then the words
                return _attributed(text, tokens, marked, book, mention, verb, 0.75,
                                   "said without colon: the words in marks after where it was said", names, index)
            opening = _Opening(tokens[title_end].start, "direct", title_end)
            return _attributed(text, tokens, opening, book, mention, verb, 0.65,
                               "said without colon: quote after the title", names, index)
    return None


def _quoted_name(text: str, tokens: list[Token], position: int, limit: int) -> tuple[PersonMention | None, int]:
    """ "وأوضح «مدبولي» أن", 'وأشار "عبد المطلب"، إلى أن': a family name in quotation marks right after the verb."""
    if position >= limit or tokens[position].text not in QUOTE_OPENERS:
        return None, position
    closers = {QUOTE_CLOSERS.get(tokens[position].text, tokens[position].text), tokens[position].text, "”", "»"}
    for closer in range(position + 2, min(limit, position + 5)):
        if tokens[closer].text in closers:
            if not all(token.is_word for token in tokens[position + 1:closer]):
                return None, position
            mention, after = parse_person(text, tokens, position + 1, closer)
            if mention is None or after != closer or mention.kind not in ("name", "surname"):
                return None, position
            return mention, closer + 1
    return None, position


def _said_by_group(text: str, tokens: list[Token], index: int, limit: int) -> QuoteMatch | None:
    """ "وأكد منظمو الملتقى أن ...": a group speaks; the quote is proposed without a person, with low confidence."""
    for position in range(index + 2, min(limit, index + 25)):
        if _ends_attribution(tokens, position):
            return None
        opening = _opening_at(text, tokens, position)
        if opening is not None:
            found = _build(text, tokens, opening, None, None, "explicit", tokens[index].start, 0.4,
                           "a group speaks (منظمو، المشاركون): no person")
            if found is not None:
                return replace(found, group=True)
    return None


def _earlier_body(mention: PersonMention, book: PeopleBook, names: EarlierNames, index: int) -> PersonMention:
    """A body named by its head alone ("الوزارة") as the body of that head that spoke before ("وزارة الإعلام"),
    else as the body of that head printed in full before token ``index`` ("الوكالة الوطنية للإعلام")."""
    words = (mention.name or "").split()
    if len(words) != 1:
        return mention
    head = lx.key(words[0])
    head = head[2:] if head.startswith("ال") else head
    for person in reversed(book.people):
        if person.name and person.name == person.organisation and len(person.name.split()) > 1 \
                and lx.key(person.name.split()[0]) == head:
            return replace(mention, name=person.name, organisation=person.name)
    printed = names.body(head, index)
    if printed is not None and printed.name:
        return replace(mention, name=printed.name, organisation=printed.name)
    return mention


def _full_name_for(mention: PersonMention, tokens: list[Token], index: int, names: EarlierNames) -> PersonMention:
    """A family name alone ("بنسعيد", "الحمصاني") as the full name printed earlier, when there is one."""
    words = (mention.name or "").split()
    if len(words) != 1 and not (len(words) == 2 and lx.key(words[0]) in FAMILY_COMPOUNDS):
        return mention  # one word, or "أبو ياسين" / "عبد الحميد"
    earlier = names.full_name(lx.key(words[-1]), index)
    if earlier is None and len(words) == 1 and not lx.key(words[0]).startswith("ال"):
        earlier = names.full_name_from_given(lx.key(words[0]), index)
    if earlier is None:
        return mention
    return PersonMention("name", earlier.name, mention.honorific or earlier.honorific, mention.title or earlier.title,
                         mention.organisation or earlier.organisation, mention.start, mention.end)


def _late_opening(text: str, tokens: list[Token], index: int, limit: int, book: PeopleBook,
                  trail: SpeakerTrail, mention: PersonMention | None, after: int) -> QuoteMatch | None:
    """ "وقال خلال كلمته في الافتتاح إن ...": the quote opens a few words after the verb, no new name."""
    verb = tokens[index]
    if verb.key in lx.IMPERSONAL_VERBS:
        return None
    # "وأضاف خلال مداخلة مع برنامج «...» الذي يقدمه فلان، أن": a relative clause inside where it was said
    # does not stop the search; after the verb itself ("وأوضح الدور الذي ...") it does.
    circumstance = after < limit and (strip_prefix(tokens[after].key) in lx.CIRCUMSTANCE_WORDS
                                      or tokens[after].key in _PLACE_WORDS)
    for position in range(after, min(limit, after + 40)):
        word = tokens[position].key
        if _ends_attribution(tokens, position) or (word in lx.LATE_OPENING_STOPS
                                                    and not (circumstance and word in _RELATIVES)):
            return None
        opening = _opening_at(text, tokens, position)
        if opening is None:
            continue
        if mention is not None and mention.kind == "name" and len((mention.name or "").split()) == 1 \
                and not (mention.name or "").startswith("ال"):
            titled = with_title(text, mention, _title_tokens(tokens[after:position]))
            found = _build(text, tokens, opening, book.add(titled), titled, "explicit", verb.start, 0.6,
                           "reporting verb and a single name, then the quote")
        else:
            found = _said_by_subject_or_previous(text, tokens, index, opening, book, trail, 0.75)
        if found is not None or opening.kind != "direct" or text[opening.content_start] not in OPENING_MARKS:
            return found  # else a quoted name ("في تصريح لـ«الشبيبة» أن"): keep looking
    return None


def _said_by_subject_or_previous(text: str, tokens: list[Token], index: int, opening: _Opening, book: PeopleBook,
                                 trail: SpeakerTrail, confidence: float) -> QuoteMatch | None:
    """The quote at ``opening`` said by the subject named before the verb at ``index``, else by the previous speaker."""
    subject = _subject_before(text, tokens, index, book)
    if subject is not None:
        return _build(text, tokens, opening, book.add(subject), subject, "explicit", subject.start, confidence,
                      "subject named before the reporting verb")
    named = trail.subject_before(index)
    if named is not None:  # "دعا الوزير فلان إلى ...، وقال: «...»": the second verb shares the subject
        return _build(text, tokens, opening, named[0], named[1], "continuation", tokens[index].start, 0.45,
                      "reporting verb continuing its sentence's subject")
    last_speaker = trail.previous(index)
    return _build(text, tokens, opening, last_speaker, None, "continuation", tokens[index].start,
                  0.5 if last_speaker else 0.3, "reporting verb without a named subject: the previous speaker")


def _attributed(text: str, tokens: list[Token], opening: _Opening, book: PeopleBook, mention: PersonMention,
                verb: Token, confidence: float, reason: str, names: EarlierNames, verb_index: int) -> QuoteMatch | None:
    resolved = book.resolve(mention) if mention.kind != "name" else None
    if mention.kind == "title" and resolved is None:
        mention = title_with_family_name(mention, book, names, verb_index)
        resolved = book.resolve(mention) if mention.kind != "name" else None
    if mention.kind == "title" and resolved is None and mention.title:
        holder = names.holder(mention.title, verb_index)
        if holder is not None:  # "وقال الوزير ..." after "وزير الثقافة فلان": that person
            mention = PersonMention("name", holder.name, mention.honorific or holder.honorific, holder.title,
                                    mention.organisation or holder.organisation, mention.start, mention.end)
    if mention.kind == "surname" and resolved is None:
        return None  # "وكشفت الدراسة أن ...": a lone definite word names a person only if met before
    if mention.kind in ("pronoun", "title") and resolved is None:
        confidence -= 0.2
    speaker = book.add(mention)
    return _build(text, tokens, opening, speaker, mention, "explicit", verb.start, confidence, reason)


def _build(text: str, tokens: list[Token], opening: _Opening, speaker: KnownPerson | None,
           mention: PersonMention | None, attribution: str, attribution_start: int, confidence: float,
           reason: str) -> QuoteMatch | None:
    start, end, closed = quote_words(text, opening.content_start)
    if len(text[start:end].split()) < MIN_QUOTE_WORDS:
        return None
    if not closed:
        confidence -= 0.15  # its closing mark is missing: the end is a guess
    title = _printed_title(mention, speaker)
    organisation = (mention.organisation if mention else None) or (speaker.organisation if speaker else None)
    return QuoteMatch(text[start:end], start, end, opening.kind, speaker, title, organisation, attribution,
                      attribution_start, attribution_start, round(confidence, 2), reason)


def _printed_title(mention: PersonMention | None, speaker: KnownPerson | None) -> str | None:
    """The title as printed with the mention, or the speaker's fuller one when the mention only shortens it
    ("وبينت الوزيرة غنيمات" after "وزيرة الدولة لشؤون الإعلام ... جمانة غنيمات")."""
    known = speaker.title if speaker else None
    said = mention.title if mention else None
    if said and known and (len(said.split()) == 1 or shorter_title_of(said, known)) and len(known) > len(said):
        return known
    return said or known


def _opening_at(text: str, tokens: list[Token], position: int) -> _Opening | None:
    """Where a quote opens at ``tokens[position]``: a colon, أن/إنّ, "إلى أن", or a quotation mark."""
    if position >= len(tokens):
        return None
    token = tokens[position]
    following = tokens[position + 1] if position + 1 < len(tokens) else None
    if token.text in ":：" and following is not None:
        if strip_prefix(following.key, "") in lx.COMPLEMENTIZERS:
            kind = "direct" if following.text.startswith("إ") else "indirect"
            return _content_after(tokens, position + 1, kind)
        return _Opening(following.start, "direct", position + 1)
    if token.is_word and (token.key in lx.COMPLEMENTIZERS or token.key in lx.PRONOUN_COMPLEMENTIZERS) \
            and _after_topic_noun(tokens, position):
        return None  # "لافتا إلى أهمية أن يكون ...", "معربا عن أمله في أن": a topic, not what was said
    if token.is_word and token.key in lx.COMPLEMENTIZERS:
        return _content_after(tokens, position, "indirect")
    if token.is_word and token.key in lx.PRONOUN_COMPLEMENTIZERS:
        return _Opening(token.start, "indirect", position)
    if token.key in lx.VERB_PARTICLES and following is not None \
            and following.key in lx.COMPLEMENTIZERS | lx.PRONOUN_COMPLEMENTIZERS:
        return _opening_at(text, tokens, position + 1)
    if token.text in QUOTE_OPENERS and position > 0 and tokens[position - 1].is_word and token.text in "«“":
        return _Opening(token.start, "direct", position)
    if token.text in OPENING_MARKS and position > 0 and _introduces_speech(tokens[position - 1]):
        return _Opening(token.start, "direct", position)  # 'وقال” ...“', 'مضيفا "..."', 'بالقول «...»'
    return None


def _after_topic_noun(tokens: list[Token], position: int) -> bool:
    """أن after a noun that takes it as its complement ("أهمية أن", "ضرورة أن", "أمله في أن")."""
    before = position - 1
    if before > 0 and tokens[before].key in _IN:
        before -= 1
    return before >= 0 and tokens[before].is_word and strip_prefix(tokens[before].key) in lx.TOPIC_NOUNS


def _introduces_speech(token: Token) -> bool:
    if not token.is_word:
        return token.text in ":؛"
    bare = strip_prefix(token.key)
    return bare in lx.REPORTING_VERBS or bare in lx.PARTICIPLES or token.key in lx.PARTICIPLES \
        or token.key in lx.SPEECH_NOUNS


def _content_after(tokens: list[Token], position: int, kind: str) -> _Opening | None:
    if position + 1 >= len(tokens):
        return None
    return _Opening(tokens[position + 1].start, kind, position + 1)


def _subject_before(text: str, tokens: list[Token], verb_index: int, book: PeopleBook) -> PersonMention | None:
    """A person named before the verb in the same sentence ("أما عزة ...، رئيسة ... أوضحت أن")."""
    start = _sentence_start(tokens, verb_index)
    position = start
    while position < verb_index and (tokens[position].key in _SUBJECT_OPENERS or not tokens[position].is_word):
        position += 1
    if verb_index - position > 35 or position >= verb_index:
        return None
    mention, after = parse_person(text, tokens, position, verb_index)
    if mention is None:  # "وكانت هيئة الكتاب - الجهة المنظمة - قد أعلنت أن": a body
        mention, after = organisation_speaker(text, tokens, position, verb_index)
        return mention
    if mention.kind == "name" and tokens[position].key[:1] in "وف" and len(tokens[position].key) > 3 \
            and position + 1 < verb_index and book.resolve(mention) is None:
        # "وتحدث الحارثي عن التدريب فقال": a sentence opening with "و" opens with its verb, and the subject
        # after it is a person met before; "وتحدث" is no given name.
        mention, after = parse_person(text, tokens, position + 1, verb_index)
        return mention if mention is not None and book.resolve(mention) is not None else None
    linked = any(lx.key(word) in lx.NAME_LINKS for word in (mention.name or "").split())
    apposed = after < verb_index and tokens[after].text in "،,"  # "أما عزة اليعربية، رئيسة ... أوضحت": her title
    if not (mention.honorific or mention.title or linked or apposed) and verb_index - after > 3:
        # "بداية النشيد ... وكلمة لرئيس النادي أحمد عطوي قال فيها:": the name right before the verb is its
        # subject, not a bare noun phrase opening the sentence far from it.
        adjacent = _name_right_before(text, tokens, position, verb_index)
        if adjacent is not None:
            return adjacent
    if not credible_name(mention):
        return None
    return with_title(text, mention, _title_tokens(tokens[after:verb_index]))


def _name_right_before(text: str, tokens: list[Token], first: int, verb_index: int) -> PersonMention | None:
    """A name of two words or more ending right before the verb at ``verb_index``, or None."""
    for start in range(max(first + 1, verb_index - 4), verb_index - 1):
        mention, after = parse_person(text, tokens, start, verb_index + 1)  # the verb shows where the name ends
        if mention is not None and mention.kind == "name" and after == verb_index \
                and len((mention.name or "").split()) >= 2:
            return mention
    return None


def _title_tokens(tokens: list[Token]) -> list[Token]:
    """The title part of what stands between a name and the quote: up to a circumstance ("معلقا على ...")."""
    kept: list[Token] = []
    for token in tokens:
        if token.is_word and (strip_prefix(token.key) in lx.CIRCUMSTANCE_WORDS or token.key in lx.CIRCUMSTANCE_WORDS
                              or token.key in _TIME_WORDS):
            break  # "المتحدث باسم الحكومة، اليوم الخميس، خلال ...": when, not who
        if token.text in QUOTE_OPENERS and kept:
            break
        kept.append(token)
    return kept


def _starts_title(token: Token) -> bool:
    return token.is_word and (strip_prefix(token.key) in lx.TITLE_WORDS or token.key in lx.TITLE_WORDS)


def _ends_attribution(tokens: list[Token], position: int) -> bool:
    token = tokens[position]
    return ends_sentence(tokens, position) or (token.is_word and strip_prefix(token.key) in lx.REPORTING_VERBS)


def _participle_after_comma(tokens: list[Token], position: int) -> bool:
    token = tokens[position]
    bare = token.key if token.key in lx.PARTICIPLES else strip_prefix(token.key)
    return bare in lx.PARTICIPLES and position > 0 and tokens[position - 1].text in "،,"


def _sentence_start(tokens: list[Token], index: int) -> int:
    if tokens[index].newline_before:
        return index  # the line opens with the verb: a subheading above it ("توطين الإنفاق:") is no subject
    for position in range(index - 1, max(-1, index - 60), -1):
        if ends_sentence(tokens, position):
            return position + 1
        if tokens[position].newline_before:
            return position
    return max(0, index - 60)


