"""Quotes introduced by something other than a verb of speech with its subject.

Owns the introducers read before the general reporting verb: a participle ("مشيرا إلى أن",
"مؤكدين أن": a group), a colon verb ("وزاد: «...»"), words in a speech ("وجاء في كلمة فلان"), a
relayed quote ("ونقلت الوكالة عن فلان قوله إن"), and six words or more in marks inside the
narrative (agency style's partial quote).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from archive.importing import lexicon as lx
from archive.importing.earlier_names import EarlierNames
from archive.importing.line_quotes import after_page_label
from archive.importing.people import organisation_speaker, parse_person, with_title
from archive.importing.quote_attribution import attributed, continuing, said_by_subject_or_previous
from archive.importing.quote_match import QuoteMatch, credible_name, sentence_limit
from archive.importing.quote_openings import (
    Opening,
    build_quote,
    ends_attribution,
    names_a_title,
    opening_at,
    opens_words,
)
from archive.importing.quote_spans import OPENING_MARKS, quote_words
from archive.importing.quote_subjects import title_tokens
from archive.importing.speaker_trail import SpeakerTrail
from archive.importing.speakers import PeopleBook
from archive.importing.tokens import Token

_PLURAL_REASON = "plural participle: a group speaks, no person"
# First words of a document's or programme's name in marks ("دليل الوحدات الحكومية في ..."): a title, not speech.
_TITLE_HEADS = frozenset(lx.key(word) for word in (
    "دليل", "كتاب", "تقرير", "استراتيجية", "إستراتيجية", "خطة", "وثيقة", "إعلان", "ميثاق", "برنامج", "مشروع",
    "مبادرة", "جائزة", "حملة", "رؤية", "منصة", "مؤشر", "قانون", "نظام", "لائحة", "موسوعة", "معجم", "سلسلة", "مسابقة"))
_PARTIAL_QUOTE_WORDS = 6


def partial_quote(text: str, tokens: list[Token], index: int, book: PeopleBook,
                  trail: SpeakerTrail) -> QuoteMatch | None:
    """ 'وتحدث عن «...»', 'التزام الدولة بـ"..."', 'ونقل الوزير تحيات الرئيس “...”': six words or more in
    marks inside the narrative are the words of the sentence's speaker (the partial quote of agency style),
    proposed with low confidence; not after "بعنوان"/"شعار" (a title), and not without a speaker."""
    token = tokens[index]
    if token.text not in OPENING_MARKS or index == 0 or token.newline_before or not opens_words(text, token.start):
        return None
    if names_a_title(tokens, index):
        return None
    opening = Opening(token.start, "direct", index)
    start, end, closed = quote_words(text, token.start)
    words = text[start:end].split()
    if not closed or len(words) < _PARTIAL_QUOTE_WORDS or lx.key(words[0]) in _TITLE_HEADS \
            or lx.key(words[0]) in lx.EVENT_NOUNS:  # "لقاء مع الإعلام الأجنبي": an event's name
        return None
    if _names_a_person(tokens, index, words) or after_page_label(text, token.start):
        return None  # "ذات صلة: «...»"، "اقرأ أيضا: «...»": another article's title
    found = said_by_subject_or_previous(text, tokens, index, opening, book, trail, 0.4)
    if found is None or found.speaker is None:
        return None
    return replace(found, confidence=0.4, reason="words in marks inside the narrative: its speaker's (partial quote)")


def _names_a_person(tokens: list[Token], mark_index: int, words: list[str]) -> bool:
    """ 'الشيخ “خالد بن أحمد بن محمد آل خليفة”': words in marks after an honorific, or a chain of names linked
    by بن/بنت, are a person's name (some outlets mark every name), not what anyone said."""
    before = tokens[mark_index - 1]
    if before.is_word and lx.key(before.text) in lx.HONORIFICS:
        return True
    return len(words) > 2 and lx.key(words[1]) in lx.NAME_LINKS


def speech_noun_quote(text: str, tokens: list[Token], index: int, book: PeopleBook,
                      trail: SpeakerTrail) -> QuoteMatch | None:
    """ "واستهل الأمير حفل الافتتاح بقوله: ..."، "وختم كلمته بالقول: «...»": a speech noun before a colon or a
    mark opens the words of its sentence's subject, whatever verb comes before it (استهل، ختم، توجه ...)."""
    if index == 0 or index + 1 >= len(tokens) or not tokens[index - 1].is_word:
        return None
    opening = opening_at(text, tokens, index + 1)
    if opening is None or opening.kind != "direct":
        return None
    return said_by_subject_or_previous(text, tokens, index, opening, book, trail, 0.75)


# Verbal nouns of speech with بـ that introduce an أن clause: "بالإشارة إلى أنه ..."، "بالتأكيد على أنها ...".
THAT_NOUNS = frozenset(lx.key(word) for word in ("بالإشارة", "بالتأكيد", "بالتشديد", "بالتنويه"))


def speech_noun_that_quote(text: str, tokens: list[Token], index: int, book: PeopleBook,
                           trail: SpeakerTrail) -> QuoteMatch | None:
    """ "استهل فلان المؤتمر الصحفي، بالإشارة إلى أنه ...": a verbal noun of speech with بـ opens the أن clause
    after it as the words of its sentence's subject, whatever verb comes before it; "بالتأكيد على أهمية ..." (a
    topic) opens none."""
    if index == 0:
        return None
    opening = opening_at(text, tokens, index + 1)
    if opening is None or opening.kind != "indirect":
        return None
    return said_by_subject_or_previous(text, tokens, index, opening, book, trail, 0.7)


def relayed(text: str, tokens: list[Token], index: int, book: PeopleBook, names: EarlierNames) -> QuoteMatch | None:
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
            titled = with_title(text, mention, title_tokens(tokens[after:position]))
            for at, opening in _relayed_openings(text, tokens, position + 1, limit):
                if at > position + 1 and not credible_name(mention) and book.resolve(mention) is None \
                        and names.full_name(lx.key((mention.name or "-").split()[-1]), index) is None:
                    return None  # words opening far from "قوله" need a speaker the article names in full
                found = attributed(text, tokens, opening, book, titled, tokens[index], 0.8,
                                   "relayed: 'نقل عن فلان قوله'", names, index)
                if found is not None or text[opening.content_start] not in OPENING_MARKS:
                    return found  # else a name in marks where it was said ("لصحيفة «...»"): keep looking
            return None
    return None


def _relayed_openings(text: str, tokens: list[Token], start: int, limit: int) -> Iterator[tuple[int, Opening]]:
    """Where the words relayed after "قوله" open: right after it, or past where and when they were said ("قوله
    أمس خلال مراسم ... إن"، "قوله -خلال اجتماعه ...- \"..."): أن/إن, a colon, or a quotation mark (after قوله
    a mark opens words even with a space after it: 'قوله " إن ...'), each with the token it was found at."""
    for position in range(start, min(limit, start + _RELAYED_REACH)):
        if position > start and ends_attribution(tokens, position):
            return
        token = tokens[position]
        opening = opening_at(text, tokens, position)
        if opening is None and token.text in OPENING_MARKS and not names_a_title(tokens, position):
            opening = Opening(token.start, "direct", position)
        if opening is not None:
            yield position, opening
            if position == start and opening.kind != "direct":
                return


_RELAYED_REACH = 30  # tokens between "قوله" and the words: where and when they were said


def said_in(text: str, tokens: list[Token], index: int, book: PeopleBook, trail: SpeakerTrail) -> QuoteMatch | None:
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
        opening = opening_at(text, tokens, position)
        if opening is None:
            continue
        if mention is not None and mention.kind != "surname":
            return build_quote(text, tokens, opening, book.add(mention), mention, "explicit", tokens[index].start, 0.75,
                               "words that appear in a person's or body's speech (وجاء في كلمة ...)")
        if document.key.endswith(("ه", "ها")) and document.key not in {lx.key("كلمة"), lx.key("رسالة")}:
            speaker = trail.previous(index)  # "وجاء في كلمته": his
            return build_quote(text, tokens, opening, speaker, None, "continuation", tokens[index].start, 0.45,
                               "words that appear in the last speaker's speech (وجاء في كلمته)")
        return None
    return None


def participle_quote(text: str, tokens: list[Token], index: int, bare: str, trail: SpeakerTrail) -> QuoteMatch | None:
    """ "مشيرا إلى أن", "مشيرة في الوقت نفسه إلى أن", "مضيفا: «": the participle ``bare`` at ``index`` continues
    its sentence's subject or the previous speaker; a plural one ("مؤكدين أن") is a group, no person."""
    if _byline_label(tokens, index):
        return None
    limit = sentence_limit(tokens, index)
    # "معتبرا في تدوينة على صفحته بموقع «فيسبوك» أن ...": where the words were written may come first
    reach = _REACH_AFTER_CIRCUMSTANCE if index + 1 < limit and tokens[index + 1].key in _CIRCUMSTANCE_OPENERS \
        else _PARTICIPLE_REACH
    for position in range(index + 1, min(limit, index + reach)):
        if position > index + 1 and ends_attribution(tokens, position):
            return None
        opening = opening_at(text, tokens, position)
        if opening is not None and bare in lx.PLURAL_PARTICIPLES:
            found = build_quote(text, tokens, opening, None, None, "continuation", tokens[index].start, 0.3,
                                _PLURAL_REASON)
            return replace(found, group=True) if found is not None else None
        if opening is not None:
            found = continuing(text, tokens, index, opening, trail)
            if found is not None or reach == _PARTICIPLE_REACH or text[opening.content_start] not in OPENING_MARKS:
                return found  # else a name in marks where it was written ("«فيسبوك»"): keep looking
    return None


_PARTICIPLE_REACH = 8
_REACH_AFTER_CIRCUMSTANCE = 20
_CIRCUMSTANCE_OPENERS = lx.CIRCUMSTANCE_WORDS | frozenset(lx.key(word) for word in ("في", "عبر"))


def _byline_label(tokens: list[Token], index: int) -> bool:
    """ "متابعة – فلان:" above an article: a participle opening a line, then a dash, labels the byline; it
    continues nobody's sentence."""
    opens_line = index == 0 or tokens[index].newline_before
    return opens_line and index + 1 < len(tokens) and tokens[index + 1].text in "-–—ـ"


# A byline's verb: "كتب: فلان" names the page's writer, its subject, and says nothing.
_BYLINE_VERBS = frozenset(lx.key(word) for word in ("كتب", "كتبت"))
_BYLINE_WORDS = 6  # "كتب: محمد سالم الراشد - الكويت"


def _byline(text: str, tokens: list[Token], index: int) -> bool:
    """ "كتب: محمد سالم الراشد", "كتبت : نورة الحمد" opening a line of a page copied whole: the bare verb (no
    "و" joining it to a sentence), a colon, then a short line with no mark, is the writer's byline."""
    if not (index == 0 or tokens[index].newline_before) or tokens[index].key not in _BYLINE_VERBS:
        return False
    if index + 1 >= len(tokens) or tokens[index + 1].text != ":":
        return False
    line_end = text.find("\n", tokens[index + 1].end)
    rest = text[tokens[index + 1].end:len(text) if line_end < 0 else line_end]
    return not any(mark in rest for mark in OPENING_MARKS) and len(rest.split()) <= _BYLINE_WORDS


def colon_verb_quote(text: str, tokens: list[Token], index: int, book: PeopleBook, trail: SpeakerTrail,
                     names: EarlierNames) -> QuoteMatch | None:
    """ "وزاد: «...»", "وكتب الوزير: «...»": a verb that is speech only before a colon or a mark; after a comma
    it comments like a participle ("..., معلقة الوزيرة أن ..."). A byline ("كتب: فلان") is no quote."""
    if _byline(text, tokens, index):
        return None
    if index > 0 and tokens[index - 1].text in "،,":
        return participle_quote(text, tokens, index, tokens[index].key, trail)
    opening = opening_at(text, tokens, index + 1)
    if opening is not None and opening.kind == "direct":
        return said_by_subject_or_previous(text, tokens, index, opening, book, trail, 0.8)
    mention, after = parse_person(text, tokens, index + 1, sentence_limit(tokens, index))
    opening = opening_at(text, tokens, after) if mention is not None else None
    if mention is None or opening is None or opening.kind != "direct" \
            or text[opening.content_start] not in OPENING_MARKS:
        return None  # "وكتب الشاعر قصيدة: ..." is no quote; "وكتب الوزير: «...»" is
    return attributed(text, tokens, opening, book, mention, tokens[index], 0.75,
                      "a colon verb, speaker, then the quote", names, index)
