"""Quotes after a reporting verb: "وقال/وأكد/وأوضح <speaker> <title>: ..." or "... أن ...".

Owns the reading that starts at a verb of speech: its speaker after it (a name, a title, a body,
a pronoun, a group, "the statement", an event), or before it, or none (a continuation); the
opening after the speaker, a few words late ("وقال خلال كلمته إن"), or with neither colon nor
أن ("قال فلان الوزير <quote>").
"""

from __future__ import annotations

from dataclasses import replace

from archive.importing import lexicon as lx
from archive.importing.earlier_names import EarlierNames
from archive.importing.people import (
    PersonMention,
    organisation_speaker,
    parse_person,
    statement_speaker,
    title_phrase_end,
    with_title,
)
from archive.importing.quote_attribution import attributed, said_by_subject_or_previous
from archive.importing.quote_match import MIN_QUOTE_WORDS, QuoteMatch, credible_name, sentence_limit, short_name
from archive.importing.quote_openings import (
    Opening,
    build_quote,
    ends_attribution,
    first_person_opening,
    name_end,
    names_a_title,
    names_first_word,
    opening_at,
    opens_words,
    participle_after_comma,
)
from archive.importing.quote_spans import OPENING_MARKS, quote_words
from archive.importing.quote_subjects import (
    earlier_body,
    event_speaking,
    full_name_for,
    quoted_name,
    starts_title,
    the_same,
    title_tokens,
)
from archive.importing.speaker_trail import SpeakerTrail
from archive.importing.speakers import PeopleBook
from archive.importing.subjects import ends_sentence
from archive.importing.tokens import Token, strip_prefix

_SAY_VERBS = {lx.key(word) for word in ("قال", "قالت", "يقول", "تقول", "أضاف", "أضافت")}
_THE_STATEMENT = frozenset(lx.key(word) for word in ("البيان", "البلاغ", "التعميم"))
_RELATIVES = frozenset(lx.key(word) for word in ("الذي", "التي"))
_PLACE_WORDS = frozenset(lx.key(word) for word in ("في", "من", "أمام", "عبر", "على"))


def after_verb(text: str, tokens: list[Token], index: int, book: PeopleBook,
               trail: SpeakerTrail, names: EarlierNames, subject_end: int | None = None) -> QuoteMatch | None:
    """The quote after the verb of speech at ``tokens[index]``; ``subject_end``: where its subject must end at
    the latest (the verbal noun after "وجدد فلان التأكيد على أن" is no word of his title)."""
    verb = tokens[index]
    limit = sentence_limit(tokens, index)
    subject_limit = limit if subject_end is None else min(limit, subject_end)
    mention, after_name = quoted_name(text, tokens, index + 1, subject_limit)
    quoted = mention is not None  # a name in quotation marks is a person's, even met nowhere else
    opening = opening_at(text, tokens, index + 1) if mention is None else None
    if opening is not None and verb.key in lx.IMPERSONAL_VERBS:
        return None
    if opening is None and mention is None and index + 2 < limit and tokens[index + 1].text in "،," \
            and strip_prefix(verb.key) in _SAY_VERBS | lx.CONTINUATION_VERBS and tokens[index + 2].is_word:
        # "وأضاف، ستكون هناك تغطية ..."; "وأضاف، أن الحكومة ..." is reported speech, from after أن
        opening = opening_at(text, tokens, index + 2) or Opening(tokens[index + 2].start, "direct", index + 2)
    if opening is not None:
        return said_by_subject_or_previous(text, tokens, index, opening, book, trail, 0.85)
    if index + 1 < limit and strip_prefix(tokens[index + 1].key) in lx.GROUP_SUBJECTS:
        return _said_by_group(text, tokens, index, limit)
    if mention is not None and mention.kind == "surname" and book.resolve(mention) is None \
            and names.full_name(lx.key(mention.name or ""), index) is None:
        mention = replace(mention, kind="name")  # «الفارسي»: a name in guillemets is a person, met or not
    if mention is None:
        mention, after_name = statement_speaker(text, tokens, index + 1, subject_limit)
    if mention is None and index + 1 < limit and tokens[index + 1].key.startswith("ال") \
            and tokens[index + 1].key in lx.EVENT_NOUNS:
        mention, after_name = event_speaking(tokens, index, names)  # "وأكد المؤتمر في ختام أعماله أن"
    if mention is None and index + 1 < limit and tokens[index + 1].key in _THE_STATEMENT:
        return _said_by_the_statement(text, tokens, index, limit, book)  # "وأشار البيان إلى أن"
    if mention is None:
        mention, after_name = parse_person(text, tokens, index + 1, subject_limit)
    if mention is None:
        mention, after_name = organisation_speaker(text, tokens, index + 1, subject_limit)
    if mention is not None and mention.kind == "title" and after_name < limit \
            and tokens[after_name].key in lx.SAME_WORDS:  # "وسجل المسؤول ذاته أن"
        mention, after_name = the_same(mention, book, trail, index), after_name + 1
    if mention is not None and mention.organisation and mention.organisation == mention.name:
        mention = earlier_body(mention, book, names, index)  # "وذكرت الوزارة" after "أكدت وزارة الإعلام"
    elif mention is not None and mention.kind in ("surname", "name") and short_name(mention.name or "") \
            and book.resolve(mention) is None:
        mention = full_name_for(mention, tokens, index, names)
    if mention is not None and mention.kind == "pronoun":  # "وقال سموه": the speaker it fits, the last one first
        person = trail.pronoun(mention)
        if person is not None and person.name:
            mention = PersonMention("name", person.name, person.honorific, person.title, person.organisation,
                                    mention.start, mention.end)
    if subject_end is not None and mention is not None and after_name == subject_end:
        after_name = subject_end + 1  # "وجدد فلان التأكيد على أن": the verbal noun is what he did, not his title
    body = mention is not None and bool(mention.name) and mention.name == mention.organisation
    if mention is None or (mention.kind == "name" and not quoted and not credible_name(mention) and not body
                           and book.resolve(mention) is None):
        return _late_opening(text, tokens, index, limit, book, trail, mention, after_name if mention else index + 1)
    for position in range(after_name, min(limit, after_name + 50)):
        if ends_attribution(tokens, position) or participle_after_comma(tokens, position):
            break  # "في بادرة تؤكد متانة العلاقات، موضحا أن": the participle opens its own attribution
        if mention.kind == "title" and names_first_word(tokens, position):
            mention = _name_after_post(text, tokens, mention, position, limit)
        opening = opening_at(text, tokens, position)
        if opening is not None and names_a_title(tokens, position):
            continue  # "في كلمتها بافتتاح الدورة بعنوان «...»، أن ...": a title where it was said, not the words
        if opening is not None:
            titled = mention if mention.kind == "name" and mention.end > tokens[after_name].start \
                else with_title(text, mention, title_tokens(tokens[after_name:position]))
            found = attributed(text, tokens, opening, book, titled, verb, 0.9,
                               "reporting verb, speaker, then the quote", names, index)
            if found is not None:
                return found  # else a quoted name such as لـ«الرؤية»: keep looking
    own = _first_person_later(tokens, after_name, limit) if strip_prefix(verb.key) in _SAY_VERBS \
        and after_name < limit else None
    if own is not None:  # "وقال فلان في كلمة له خلال المؤتمر سنحرر ...": where he said it, then his words
        return attributed(text, tokens, own, book, mention, verb, 0.6,
                          "said without colon: first-person words after where it was said", names, index)
    if strip_prefix(verb.key) in _SAY_VERBS and mention.kind in ("name", "title") and after_name < limit:
        title_end = title_phrase_end(tokens, after_name, limit) if starts_title(tokens[after_name]) else after_name
        opens_with_that = title_end < limit and tokens[title_end].key in lx.COMPLEMENTIZERS | lx.PRONOUN_COMPLEMENTIZERS
        if limit - title_end >= MIN_QUOTE_WORDS and not opens_with_that:  # "إن المعرض ناجح": too short, not direct
            mention = with_title(text, mention, tokens[after_name:title_end])
            marked = _mark_later_in_sentence(text, tokens, title_end, limit)
            if marked is not None:  # "وقال فلان، في ندوة صحفية ... \"أستشعر ...\"": where he said it, then the words
                return attributed(text, tokens, marked, book, mention, verb, 0.75,
                                  "said without colon: the words in marks after where it was said", names, index)
            opening = Opening(tokens[title_end].start, "direct", title_end)
            return attributed(text, tokens, opening, book, mention, verb, 0.65,
                              "said without colon: quote after the title", names, index)
    return None


def _name_after_post(text: str, tokens: list[Token], post: PersonMention, position: int,
                     limit: int) -> PersonMention:
    """ "الأمين العام للأمم المتحدة (بان كي مون)، في الكلمة ... إن": the name whose first word reads as "بأن",
    printed after the post, is the speaker's, with the post as his title."""
    end = name_end(tokens, position, limit)
    return PersonMention("name", text[tokens[position].start:tokens[end - 1].end], post.honorific,
                         post.title or post.name, post.organisation, post.start, tokens[end - 1].end)


def _late_opening(text: str, tokens: list[Token], index: int, limit: int, book: PeopleBook,
                  trail: SpeakerTrail, mention: PersonMention | None, after: int) -> QuoteMatch | None:
    """ "وقال خلال كلمته في الافتتاح إن ...": the quote opens a few words after the verb, no new name."""
    verb = tokens[index]
    if verb.key in lx.IMPERSONAL_VERBS:
        return None
    # "وأضاف خلال مداخلة مع برنامج «...» الذي يقدمه فلان، أن": a relative clause inside where it was said
    # does not stop the search; after the verb itself ("وأوضح الدور الذي ...") it does.
    if after + 1 < limit and tokens[after].text in "،,":
        after += 1  # "وذكر فلان، خلال حلوله ضيفا على برنامج ... الذي تبثه القناة، أن": the comma before where
    circumstance = after < limit and (strip_prefix(tokens[after].key) in lx.CIRCUMSTANCE_WORDS
                                      or tokens[after].key in _PLACE_WORDS)
    for position in range(after, min(limit, after + 40)):
        word = tokens[position].key
        if ends_attribution(tokens, position) or (word in lx.LATE_OPENING_STOPS
                                                   and not (circumstance and word in _RELATIVES)):
            return None
        opening = opening_at(text, tokens, position) or _mark_opening(text, tokens, position) \
            or (first_person_opening(tokens, position) if circumstance else None)
        if opening is None or names_a_title(tokens, position):
            continue
        if mention is not None and mention.kind == "name" and len((mention.name or "").split()) == 1 \
                and not (mention.name or "").startswith("ال"):
            titled = with_title(text, mention, title_tokens(tokens[after:position]))
            found = build_quote(text, tokens, opening, book.add(titled), titled, "explicit", verb.start, 0.6,
                                "reporting verb and a single name, then the quote")
        else:
            found = said_by_subject_or_previous(text, tokens, index, opening, book, trail, 0.75)
        if found is not None or opening.kind != "direct" or text[opening.content_start] not in OPENING_MARKS:
            return found  # else a quoted name ("في تصريح لـ«الشبيبة» أن"): keep looking
    return None


def _first_person_later(tokens: list[Token], position: int, limit: int) -> Opening | None:
    """The first word of the speaker's own words ("سنحرر"، "نحن") after where they were said (the words after
    the speaker start with في، خلال، a comma ...), else None."""
    first = tokens[position]
    if not (first.text in "،," or strip_prefix(first.key) in lx.CIRCUMSTANCE_WORDS or first.key in _PLACE_WORDS):
        return None
    for later in range(position + 1, min(limit, position + 30)):
        if ends_attribution(tokens, later):
            return None
        opening = first_person_opening(tokens, later)
        if opening is not None:
            return opening
    return None


def _mark_later_in_sentence(text: str, tokens: list[Token], position: int, limit: int) -> Opening | None:
    """The first mark that opens words of a quote after ``position`` in the sentence, when the words before it
    start with where or when it was said (a comma, في، خلال، على هامش ...), else None."""
    first = tokens[position]
    if not (first.text in "،," or strip_prefix(first.key) in lx.CIRCUMSTANCE_WORDS or first.key in _PLACE_WORDS):
        return None
    for mark in range(position + 1, min(limit, position + 40)):
        if tokens[mark].text in OPENING_MARKS and opens_words(text, tokens[mark].start):
            start, end, closed = quote_words(text, tokens[mark].start)
            if closed and len(text[start:end].split()) >= MIN_QUOTE_WORDS:
                return Opening(tokens[mark].start, "direct", mark)
            return None
    return None


def _said_by_group(text: str, tokens: list[Token], index: int, limit: int) -> QuoteMatch | None:
    """ "وأكد منظمو الملتقى أن ...": a group speaks; the quote is proposed without a person, with low confidence."""
    for position in range(index + 2, min(limit, index + 25)):
        if ends_attribution(tokens, position):
            return None
        opening = opening_at(text, tokens, position)
        if opening is not None:
            found = build_quote(text, tokens, opening, None, None, "explicit", tokens[index].start, 0.4,
                                "a group speaks (منظمو، المشاركون): no person")
            if found is not None:
                return replace(found, group=True)
    return None


def _said_by_the_statement(text: str, tokens: list[Token], index: int, limit: int,
                           book: PeopleBook) -> QuoteMatch | None:
    """ "وأشار البيان إلى أن ...": the statement named before speaks for the body last met that speaks as a
    body ("أكدت وزارة الداخلية في بيان لها"); with none, the words are proposed without a speaker."""
    body = book.latest_mentioned(tokens[index].start,
                                 test=lambda person: bool(person.name) and person.name == person.organisation)
    for position in range(index + 2, min(limit, index + 25)):
        if ends_attribution(tokens, position):
            return None
        opening = opening_at(text, tokens, position)
        if opening is not None:
            found = build_quote(text, tokens, opening, body, None, "explicit", tokens[index].start,
                                0.75 if body else 0.4, "the statement named before (البيان): its body speaks")
            return found if found is None or body is not None else replace(found, group=True)
    return None


def ambiguous_verb_before_that(tokens: list[Token], index: int) -> bool:
    """ "وبين الشبول أن": "بين" without its shadda is the verb when أن follows within three words, or when it opens
    a sentence and أن follows its speaker and where he spoke ("و بين فلان في ختام كلمته أن")."""
    if tokens[index].key not in lx.AMBIGUOUS_VERBS:
        return False
    if tokens[index].key.endswith("ت") and index + 1 < len(tokens) and tokens[index + 1].is_word:
        return True  # "وبينت الوزيرة ...": the feminine form is only the verb
    if any(token.key in lx.COMPLEMENTIZERS or token.key in lx.PRONOUN_COMPLEMENTIZERS
           for token in tokens[index + 1:index + 4]):
        return True
    return _opens_sentence(tokens, index) and _that_after_subject(tokens, index)


_SUBJECT_REACH = 10  # words between a sentence-opening "وبين" and its أن: the speaker and where he said it


def _opens_sentence(tokens: list[Token], index: int) -> bool:
    """Whether ``tokens[index]`` opens a sentence, alone or after a separate و ("و بين فلان ...")."""
    if index > 0 and tokens[index - 1].key == "و" and not tokens[index].newline_before:
        index -= 1
    return index == 0 or tokens[index].newline_before or ends_sentence(tokens, index - 1)


def _that_after_subject(tokens: list[Token], index: int) -> bool:
    """ "وبين قموه في تصريح صحفي أن ...": "بين" opening a sentence is the verb when its أن follows the speaker and
    where he spoke, before any comma; "وبين البلدين علاقات ..."، "وبين الرياض وأبوظبي، أكد ..." are "between"."""
    for token in tokens[index + 1:min(sentence_limit(tokens, index), index + 1 + _SUBJECT_REACH)]:
        if token.key in lx.COMPLEMENTIZERS or token.key in lx.PRONOUN_COMPLEMENTIZERS:
            return True
        if token.text in "،,:؛":
            return False
    return False


def _mark_opening(text: str, tokens: list[Token], position: int) -> Opening | None:
    """ 'وقال في هذا الصدد "..."': a two-way mark that opens words a few words after the verb opens its quote,
    as « and “ do; not after a word that names what is in marks ("ندوة \"...\"")."""
    token = tokens[position]
    if token.text not in OPENING_MARKS or not opens_words(text, token.start) or names_a_title(tokens, position):
        return None
    return Opening(token.start, "direct", position)
