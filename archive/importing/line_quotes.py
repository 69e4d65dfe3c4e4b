"""Quotes that the shape of a line gives away, before any verb-first rule.

Owns three forms of real press: a quotation standing before its attribution ("«...»، قال فلان",
"«...»، بحسب فلان", '"..."، هذا ما أكده فلان'); a headline that opens with a person and a colon
('الزعابي: “...”', and without marks on the article's first line: 'وزير الإعلام: ...', given by
``headline_speakers`` to the person the article then names in full with that title or name, with less
confidence); a headline whose speaker is printed after its words ('“...”.. السفير فلان عن ...'، '... (رئيس
الأرجنتين)'); and an interview's answers ("ج: ..." / "ج1: ..."), said by the person interviewed and running to
the next question.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from archive.importing import lexicon as lx
from archive.importing.earlier_names import EarlierNames
from archive.importing.people import PersonMention, organisation_speaker, parse_person
from archive.importing.person_words import LOCATION_WORDS
from archive.importing.quote_match import (
    MIN_QUOTE_WORDS,
    QuoteMatch,
    credible_name,
    first_token_after,
    is_reporting_verb,
    min_words_at,
    sentence_limit,
    short_name,
)
from archive.importing.quote_spans import OPENING_MARKS, marked_span, quote_words
from archive.importing.speaker_trail import SpeakerTrail
from archive.importing.speakers import KnownPerson, PeopleBook, shorter_title_of
from archive.importing.tokens import QUOTE_CLOSERS, QUOTE_OPENERS, Token, strip_prefix, trim_span
from archive.text.names import name_tokens

# "«...»، بحسب فلان" / "وفقا لـ فلان": the quote's attribution without a verb.
_ACCORDING_TO = {lx.key(word) for word in ("بحسب", "حسب", "وفق", "وفقا", "وفقًا", "طبقا")}
_TO = {lx.key(word) for word in ("ل", "لـ")}
# Words between a quotation and its verb ('"..."، هذا ما أكده فلان'); any other word is the verb's subject.
_BEFORE_VERB = {lx.key(word) for word in ("هذا", "هذه", "ما", "هكذا", "بهذا", "بهذه", "كما")}
_INTERVIEW_TURN = re.compile(r"\n\s*(?:س|ج|سؤال|جواب)\s*\d*\s*[:：]")
_ANSWER_MARKS = {lx.key(word) for word in ("ج", "جواب", "الجواب")}


def quote_first_at(text: str, tokens: list[Token], index: int, book: PeopleBook,
                   trail: SpeakerTrail | None = None) -> QuoteMatch | None:
    """ "«...»، قال فلان" or "\"...\"، هذا ما أكده فلان": the quote stands before its attribution; before a verb
    with no subject of its own ("«...»، قالت في مؤتمر صحفي"، "«...»، كما أشار.") it is the last speaker's."""
    token = tokens[index]
    if token.text not in QUOTE_OPENERS or not (index == 0 or token.newline_before or tokens[index - 1].text in ".!؟"):
        return None
    if token.newline_before and below_reader_pointer(text, token.start):
        return None  # "اقرأ أيضا:⏎«...»": the title of another article
    line_end = text.find("\n", token.end)
    closer = text.find(QUOTE_CLOSERS[token.text], token.end, len(text) if line_end < 0 else line_end)
    if closer < 0:
        return None
    after = first_token_after(tokens, index, closer + 1)
    for position in range(after, min(len(tokens), after + 6)):
        candidate = tokens[position]
        if not candidate.is_word:
            continue
        if position > after and tokens[position - 1].is_word and tokens[position - 1].key not in _BEFORE_VERB:
            return None  # '“معالي الزميل” ضياء رشوان وزير الإعلام يكشف ...': the marks name the verb's subject
        according = candidate.key in _ACCORDING_TO
        if according or is_reporting_verb(candidate) or _verb_with_object_pronoun(candidate):
            limit = sentence_limit(tokens, position)
            name_at = position + 1
            if according and name_at < limit and tokens[name_at].key in _TO:  # "وفقا لـ فلان"
                name_at += 1
            mention, after_name = parse_person(text, tokens, name_at, limit)
            if mention is None and not according and trail is not None and _verb_alone(tokens, position, limit):
                return _said_by_previous(text, tokens, token, closer, position, trail)
            if mention is None or (mention.kind == "surname" and book.resolve(mention) is None):
                return None
            speaker = book.add(mention)
            start, end = trim_span(text, token.end, closer)
            return QuoteMatch(text[start:end], start, end, "direct", speaker, mention.title or speaker.title,
                              mention.organisation or speaker.organisation, "explicit", candidate.start,
                              tokens[after_name - 1].end, 0.8, "quotation before its attribution")
    return None


# Words that may follow a verb of speech with no subject: where or when it was said ("قالت في مؤتمر صحفي").
_AFTER_BARE_VERB = frozenset(lx.key(word) for word in ("في", "خلال", "أمام", "عبر", "لدى", "عقب", "أثناء"))


def _verb_alone(tokens: list[Token], position: int, limit: int) -> bool:
    """The verb at ``position`` has no subject after it: the sentence ends, or where or when it was said follows."""
    following = position + 1
    return following >= limit or not tokens[following].is_word or tokens[following].key in _AFTER_BARE_VERB


def _said_by_previous(text: str, tokens: list[Token], mark: Token, closer: int, verb_at: int,
                      trail: SpeakerTrail) -> QuoteMatch | None:
    """ '"..."، قالت في مؤتمر صحفي': the words of the speaker the verb continues (its form's gender counted)."""
    speaker = trail.previous(verb_at)
    start, end = trim_span(text, mark.end, closer)
    if speaker is None or len(text[start:end].split()) < MIN_QUOTE_WORDS:
        return None
    return QuoteMatch(text[start:end], start, end, "direct", speaker, speaker.title, speaker.organisation,
                      "continuation", tokens[verb_at].start, tokens[verb_at].end, 0.5,
                      "quotation before a verb with no subject: the previous speaker")


def _page_label(words: str) -> bool:
    """ 'آخر تحديث'، 'تاريخ النشر'، 'المصدر': the label of a web page copied whole, before its colon; also its
    pointer to another article ('اقرأ أيضا'، 'اقرأ المزيد'، 'ذات صلة'، 'مواضيع ذات صلة')."""
    keys = [lx.key(word) for word in words.split()]
    return any(word in lx.PAGE_LABEL_WORDS for word in keys) or (len(keys) == 1 and keys[0] in lx.PAGE_LABELS) \
        or _reader_pointer(keys)


_RELATED = (lx.key("ذات"), lx.key("صلة"))


def after_page_label(text: str, start: int) -> bool:
    """The words on the line before ``start`` are a page's label and its colon ("ذات صلة: «...»"، "اقرأ أيضا:
    «...»"، "آخر تحديث: «...»"): what follows is a link's title or the page's furniture, no one's words."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start].rstrip()
    return before.endswith((":", "：")) and len(before.split()) <= _LABEL_WORDS and _page_label(before[:-1])


_LABEL_WORDS = 4  # "مواضيع ذات صلة :": a label is a line's few first words, never a sentence


def below_reader_pointer(text: str, line_start: int) -> bool:
    """The line starting at ``line_start`` stands right below a line that is only a pointer to other articles
    ("اقرأ أيضا:"، "ذات صلة"): a link's title, no one's words."""
    above_end = text.rfind("\n", 0, line_start)
    if above_end < 0:
        return False
    above = text[text.rfind("\n", 0, above_end) + 1:above_end].strip().rstrip(":：").split()
    return 0 < len(above) <= _LABEL_WORDS and _reader_pointer([lx.key(word) for word in above])


def _reader_pointer(keys: list[str]) -> bool:
    """ 'اقرأ أيضا'، 'شاهد المزيد' (the page's imperative to its reader, alone or with one word after it) and a label
    ending 'ذات صلة' (related) point to another article: no one's words follow."""
    if keys and keys[0] in lx.READER_IMPERATIVES and (len(keys) == 1 or (len(keys) == 2
                                                                          and keys[1] in lx.READER_POINTER_WORDS)):
        return True
    return tuple(keys[-2:]) == _RELATED


def headline_quote(text: str, tokens: list[Token], index: int, book: PeopleBook,
                    names: EarlierNames) -> QuoteMatch | None:
    """ 'وزير الإعلام: «الملتقى ...»' or 'بايتاس: "..."': a line that opens with a person, a colon and a
    quotation mark; without the mark only the article's first line (a headline), to its end. Also the part of a
    headline after its first words in marks ('"...".. وزير الخارجية: ...')."""
    line_start = index if index == 0 or tokens[index].newline_before else \
        _after_marked_words(text, tokens, index) if tokens[index - 1].text in _SEPARATORS else None
    if line_start is None:
        return None
    line_end = text.find("\n", tokens[index].start)
    line_end = len(text) if line_end < 0 else line_end
    mention, after = _headline_speaker(text, tokens, index, line_end)
    if mention is None:
        return None
    if mention.kind in ("name", "surname") and lx.key(mention.name or "") in lx.PLACES:
        return None  # "البحرين: أكثر من 18 ألف إصابة": a place's news, not its words
    if _page_label(text[tokens[line_start].start:mention.end]):
        return None  # "آخر تحديث: ...", "تاريخ النشر: ...": a web page's label, not a speaker
    if after + 1 >= len(tokens) or tokens[after + 1].start > line_end:
        return None
    marked = tokens[after + 1].text in OPENING_MARKS
    if not marked and not _headline_line(text, tokens, line_start, line_end):
        return None
    # a title alone above the article ("وزير الإعلام: ...") is left to ``headline_speakers``: the lede names him
    known = None if mention.kind == "title" and not marked else \
        book.resolve(replace(mention, kind="surname") if short_name(mention.name or "-") else mention)
    if known is None and mention.kind in ("name", "surname") and short_name(mention.name or "-"):
        # "بايتاس: “...”" above "أكد مصطفى بايتاس ...": the headline names him before the article does
        full = _full_name_below(mention, tokens, names)
        mention = mention if full is None else replace(full, start=mention.start, end=mention.end)
    body = bool(mention.name) and mention.name == mention.organisation
    if known is None and not (mention.kind == "title" or body or (mention.kind == "name" and credible_name(mention))
                              or _speaks_below(tokens, mention, after, marked)):
        return None  # "كتب - محمد عاطف:" or a lone word before a colon: a byline or a label, not a speaker
    if marked:
        start, end, _ = quote_words(text, tokens[after + 1].start)
    else:
        start, end = trim_span(text, tokens[after].end, _headline_words_end(text, tokens[after].end, line_end))
    if len(text[start:end].split()) < min_words_at(text, tokens[after + 1].start):
        return None
    speaker = known if known is not None else book.add(mention)
    return QuoteMatch(text[start:end], start, end, "direct", speaker, mention.title or speaker.title,
                      mention.organisation or speaker.organisation, "explicit", tokens[index].start,
                      tokens[after].end, 0.6 if marked else 0.45,
                      _HEADLINE_TITLE_REASON if mention.kind == "title" else _HEADLINE_BODY_REASON if body
                      else HEADLINE_REASON)


# What stands between a headline's words in marks and the person after them: '"...".. وزير الخارجية: ...'.
_AFTER_WORDS = re.compile(r"\s*(?:\.\.+|…|،|,|-|–|—|\|)\s*")
_SEPARATORS = frozenset(("..", "...", "…", "،", ",", "-", "–", "—", "|", "."))


def _after_marked_words(text: str, tokens: list[Token], index: int) -> int | None:
    """The index of the line's first token when the line opens with words in marks closed before ``tokens[index]``
    and only a separator (".."، "…"، "،"، "-") stands between them and it, else None."""
    line_start = text.rfind("\n", 0, tokens[index].start) + 1
    first = bisect.bisect_left(tokens, line_start, key=lambda token: token.start)
    if first >= index or tokens[first].text not in OPENING_MARKS:
        return None
    _, inner_end, closed = marked_span(text, tokens[first].start)
    if not closed or not _AFTER_WORDS.fullmatch(text, inner_end + 1, tokens[index].start):
        return None
    return first


def headline_words_first(text: str, tokens: list[Token], index: int, book: PeopleBook,
                         names: EarlierNames) -> QuoteMatch | None:
    """A headline whose speaker is printed after the words: '“...”.. السفير فلان عن ...'، '"...".. وزير الخارجية:
    ...' (marked words, a separator, then a person: a title, or a name of two words or more), or '... (رئيس
    الأرجنتين)' (the person in parentheses closing the line). A title is given by ``headline_speakers`` to the
    person the article names with it."""
    if not (index == 0 or tokens[index].newline_before):
        return None
    line_end = text.find("\n", tokens[index].start)
    line_end = len(text) if line_end < 0 else line_end
    if not (tokens[index].text in OPENING_MARKS or text[tokens[index].start:line_end].rstrip().endswith(")")) \
            or not _headline_line(text, tokens, index, line_end):
        return None
    if tokens[index].text in OPENING_MARKS:
        start, end, closed = marked_span(text, tokens[index].start)
        separator = _AFTER_WORDS.match(text, end + 1, line_end)
        if not closed or separator is None or separator.end() == end + 1:
            return None
        person_at = bisect.bisect_left(tokens, separator.end(), key=lambda token: token.start)
        mention = _person_named_after(text, tokens, person_at, line_end, names)
    else:
        start, end = _words_before_parentheses(text, tokens, index, line_end)
        if start == end:
            return None
        opening = bisect.bisect_left(tokens, end, key=lambda token: token.start)
        mention = _person_named_after(text, tokens, opening + 1, line_end, names)
        if mention is not None and (mention.kind != "title" or text[mention.end:line_end].strip() != ")"):
            mention = None  # "(فيديو)"، "(بتوقيت مكة المكرمة)": a tag or a time, not who speaks: a post alone
    if mention is None or len(text[start:end].split()) < MIN_QUOTE_WORDS:
        return None
    speaker = book.resolve(mention) or book.add(mention)
    return QuoteMatch(text[start:end], start, end, "direct", speaker, mention.title or speaker.title,
                      mention.organisation or speaker.organisation, "explicit", tokens[index].start, end, 0.5,
                      _HEADLINE_TITLE_REASON if mention.kind == "title" else HEADLINE_REASON)


def _words_before_parentheses(text: str, tokens: list[Token], index: int, line_end: int) -> tuple[int, int]:
    """The words of a line before the parenthesis that closes it ("... (رئيس الأرجنتين)"), or an empty span."""
    line = text[tokens[index].start:line_end].rstrip()
    if not line.endswith(")") or "(" not in line:
        return tokens[index].start, tokens[index].start
    opening = tokens[index].start + line.rindex("(")
    start, end = trim_span(text, tokens[index].start, opening)
    return start, end


def _person_named_after(text: str, tokens: list[Token], position: int, line_end: int,
                        names: EarlierNames) -> PersonMention | None:
    """The person at ``tokens[position]``: a title, a name of two words or more, or one word of a name the article
    prints in full below; else None."""
    if position >= len(tokens) or tokens[position].start >= line_end or not tokens[position].is_word:
        return None
    mention, _ = parse_person(text, tokens, position, min(len(tokens), position + 12))
    if mention is None or mention.end > line_end:
        return None
    if mention.kind == "title" or (mention.kind == "name" and credible_name(mention)):
        return mention
    full = _full_name_below(mention, tokens, names) if mention.kind in ("name", "surname") else None
    return None if full is None else replace(full, start=mention.start, end=mention.end)


_BULLETS = frozenset("•-–*▪")
_LIST_INTRO_WORDS = 12  # "رئيس الحكومة خلال اللقاء:"، "وجاءت تصريحات رئيس الوزراء كالآتي:"
_MAX_LIST_ITEMS = 20  # items of one list read back to its line (a longer run is no list of one speaker's words)
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
_ADDRESSEE_WORDS = 6  # "لـ«المغرب»"، "لمراسلي «كونا»"، "خلال اللقاء" between a headline's speaker and its colon


def _headline_speaker(text: str, tokens: list[Token], index: int, line_end: int) -> tuple[PersonMention | None, int]:
    """The person a line opens with and the index of the colon after them: "وزير الإعلام: ..."، "• وزير الإعلام:
    ..." (a deck's bullet), "«عمرو موسى»: ..." (the name in marks), "فلان لـ«الصحيفة»: ..." and "رئيس الحكومة خلال
    اللقاء: ..." (to whom or where it was said, between the speaker and the colon), "فلان عن ارتفاع الأسعار: ..."
    (what he speaks about)."""
    if tokens[index].text in _BULLETS and index + 1 < len(tokens):
        index += 1
    marked_name = tokens[index].text in "«“\"" and index + 1 < len(tokens)
    start = index + 1 if marked_name else index
    if not tokens[start].is_word:
        return None, start
    mention, after = parse_person(text, tokens, start, min(len(tokens), start + 12))
    if mention is not None and mention.kind == "surname":
        body, body_after = _headline_body(text, tokens, start, marked_name)
        if body is not None:
            return body, body_after
    if mention is None:
        # "الحكومة الأردنية: ..."، '"الخارجية": ...': a body before the headline's colon speaks as itself
        mention, after = organisation_speaker(text, tokens, start, min(len(tokens), start + 12))
        if mention is not None and marked_name and after < len(tokens) and tokens[after].text in "»”\"":
            after += 1
        if mention is not None and after + 1 < len(tokens) and tokens[after + 1].text in ":：" \
                and _body_adjective(tokens[after]):
            # "الخارجية الأميركية: ...": the body's adjective of origin ends its name at the colon
            name = text[mention.start:tokens[after].end]
            mention, after = replace(mention, name=name, organisation=name, end=tokens[after].end), after + 1
        if mention is None or after >= len(tokens) or tokens[after].text not in ":：" \
                or not _headline_line(text, tokens, index, line_end):
            return None, after
        return mention, after
    if marked_name and after < len(tokens) and tokens[after].text in "»”\"":
        after += 1
    if after < len(tokens) and tokens[after].is_word and tokens[after].start < line_end \
            and (tokens[after].key.startswith("ل") or strip_prefix(tokens[after].key) in lx.CIRCUMSTANCE_WORDS
                 or tokens[after].key == _ABOUT):
        colon = next((position for position in range(after + 1, min(len(tokens), after + _ADDRESSEE_WORDS))
                      if tokens[position].text in ":：" and tokens[position].start < line_end), None)
        after = colon if colon is not None else after
    if after < len(tokens) and tokens[after].text not in ":：" and _says_before_colon(tokens, mention, line_end) \
            and _headline_line(text, tokens, index, line_end):
        colon = next((position for position in range(after + 1, min(len(tokens), after + _SPEAKER_PHRASE_WORDS))
                      if tokens[position].text in ":：" and tokens[position].start < line_end
                      and not text[tokens[position].start - 1:tokens[position].start].isdigit()), None)
        after = colon if colon is not None else after
    if after >= len(tokens) or tokens[after].text not in ":：" or tokens[after].start > line_end:
        return None, after
    printed = text[mention.start:mention.end]
    if not _ARABIC_LETTER.search(printed) or lx.key(printed.split()[0]) in lx.BYLINE_LABELS:
        return None, after  # "Published On: 13 ديسمبر 2021"، "الكاتب: حاوره فلان": a page's labels, no speaker
    return mention, after


def _headline_body(text: str, tokens: list[Token], start: int, marked_name: bool) -> tuple[PersonMention | None, int]:
    """ "التجارة: ..."، "البيت الأبيض: ..."، '"التعاون الخليجي": ...': a ministry's short name, or two definite words
    or more, alone before the headline's colon, are a body's name, not a family name: the body speaks, through the
    person who speaks for it below (``headline_speakers``)."""
    mention, after = organisation_speaker(text, tokens, start, min(len(tokens), start + 12))
    if mention is None:
        after = start
        while after < len(tokens) and tokens[after].is_word and tokens[after].key.startswith("ال"):
            after += 1
        if after - start < 2:
            return None, start
        name = text[tokens[start].start:tokens[after - 1].end]
        mention = PersonMention("name", name, None, None, name, tokens[start].start, tokens[after - 1].end)
    if marked_name and after < len(tokens) and tokens[after].text in "»”\"":
        after += 1
    if after >= len(tokens) or tokens[after].text not in ":：":
        return None, start
    return mention, after


def _body_adjective(token: Token) -> bool:
    """An adjective of origin agreeing with a body's feminine name: "الأميركية"، "السعودية" (the article, ية)."""
    return token.is_word and token.key.startswith("ال") and token.text.endswith(("ية", "يه")) and len(token.key) > 5


_SPEAKER_PHRASE_WORDS = 14  # "رئيس الوزراء القطري في كلمة امام القمة العربية الاسلامية :"


def _says_before_colon(tokens: list[Token], mention: PersonMention, line_end: int) -> bool:
    """A headline's speaker goes on to its colon through what he does or where he speaks ("قيس سعيد يصدم أنصاره:"،
    "رئيس الوزراء القطري في كلمة أمام القمة:"، "وزير الاتصال بخصوص ...:"): a title, or a name of two words or more
    whose last word the article prints again below (words read as a name that name nobody, "دنقلا ترفع راية
    ...:", are not met again)."""
    if mention.kind == "title":
        return True
    if mention.kind != "name" or not credible_name(mention):
        return False
    last = lx.key((mention.name or "-").split()[-1])
    return any(token.key == last for token in tokens if token.start > line_end)


_ABOUT = lx.key("عن")


def _full_name_below(mention: PersonMention, tokens: list[Token], names: EarlierNames) -> PersonMention | None:
    """The name of two words or more the article prints with the headline's one word as its last ("بايتاس" ->
    "مصطفى بايتاس") or, failing that, its first ("مهاتير" -> "مهاتير محمد"; "البيت الأبيض:" is no given name)."""
    words = (mention.name or "").split()
    if not words:
        return None
    full = names.full_name(lx.key(words[-1]), len(tokens))
    if full is None and len(words) == 1 and not lx.key(words[0]).startswith("ال"):
        full = names.full_name_from_given(lx.key(words[0]), len(tokens))  # a given name has no article
    if full is not None and lx.key((full.name or "-").split()[0]) in LOCATION_WORDS:
        return None  # "أوزبكستان:" above "رئيس جمهورية أوزبكستان": a state, not a person's name
    return full


def _speaks_below(tokens: list[Token], mention: PersonMention, after: int, marked: bool) -> bool:
    """ "بنسعيد: أتوقع ..." above "وذكر بنسعيد أن ...": a lone word before the headline's colon is a speaker
    when the article makes it the subject of a verb of speech; a place or a label ("الإمارات: ...") is not."""
    words = (mention.name or "").split()
    if marked or mention.kind not in ("name", "surname") or len(words) != 1:
        return False
    word_key = lx.key(words[0])
    return any(token.is_word and token.key == word_key and position > 0 and is_reporting_verb(tokens[position - 1])
               for position, token in enumerate(tokens[after:], start=after))


def headline_speakers(quotes: list[QuoteMatch]) -> list[QuoteMatch]:
    """A headline's speaker printed by title or part of the name ("وزير الإعلام: ..."، "بايتاس: ...") is the
    person of the first quote below whose name or title fits it ("وزير الإعلام فلان الفلاني"): the lede names
    in full who the headline quotes. Every quote given to the headline's provisional person follows."""
    found: dict[int, tuple[KnownPerson, QuoteMatch]] = {}
    for position, match in enumerate(quotes):
        if match.reason not in (HEADLINE_REASON, _HEADLINE_TITLE_REASON, _HEADLINE_BODY_REASON) \
                or match.speaker is None or id(match.speaker) in found:
            continue
        below = [later for later in quotes[position + 1:] if later.speaker is not None
                 and later.speaker is not match.speaker]
        if match.reason == _HEADLINE_BODY_REASON:
            if any(later.speaker is match.speaker and later.attribution == "explicit"
                   for later in quotes[position + 1:]):
                continue  # "البيت الأبيض: ..." above "أكد البيت الأبيض أن ...": the body speaks below itself
            # "الحكومة السورية: منفتحون ..." above "قال وزير الإعلام فلان ...": who speaks for the body, named below
            spokesman = next((later for later in below if later.speaker is not None and later.speaker.name
                              and len(later.speaker.name.split()) >= 2
                              and later.speaker.name != later.speaker.organisation), None)
            if spokesman is not None and spokesman.speaker is not None:
                found[id(match.speaker)] = (spokesman.speaker, spokesman)
            continue
        body = next((later for later in below if _fits_headline(match, later, strict=True)), None)
        if body is None and not (match.reason == _HEADLINE_TITLE_REASON and match.speaker.name):
            # only a title's head word in common: not when the body named the headline's holder already
            # ("وقال وزير الإعلام الدكتور فلان" made the headline's person that one)
            body = next((later for later in below if _fits_headline(match, later, strict=False)), None)
        if body is not None and body.speaker is not None:
            found[id(match.speaker)] = (body.speaker, body)
    if not found:
        return quotes
    return [replace(match, speaker=found[id(match.speaker)][0],
                    speaker_title=found[id(match.speaker)][1].speaker_title or match.speaker_title,
                    organisation=found[id(match.speaker)][1].organisation or match.organisation)
            if match.speaker is not None and id(match.speaker) in found else match for match in quotes]


def _fits_headline(headline: QuoteMatch, later: QuoteMatch, strict: bool) -> bool:
    """Whether the speaker of ``later`` is who the headline names: a fuller name holding the headline's name
    ("هيثم الحاج" in "هيثم الحاج علي"), or, for a title alone, the same post (``strict``: its head word and
    every word, "وزير الإعلام" in "وزير الإعلام العماني", not "وزير الداخلية") or else a title with its head
    word ("مستشار سعيد" for "مستشار رئيس الجمهورية")."""
    person, speaker = headline.speaker, later.speaker
    if person is None or speaker is None or not speaker.name or len(speaker.name.split()) < 2:
        return False
    if person.name and headline.reason != _HEADLINE_TITLE_REASON:
        printed, fuller = name_tokens(person.name), name_tokens(speaker.name)
        return len(fuller) > len(printed) and all(word in fuller for word in printed)
    title = headline.speaker_title or person.title
    later_title = later.speaker_title or speaker.title
    if not title or not later_title:
        return False
    if strict:
        return shorter_title_of(title, later_title) or shorter_title_of(title, later_title, True)
    return _bare(title.split()[0]) == _bare(later_title.split()[0])


def _bare(word: str) -> str:
    key = lx.key(word)
    return key[2:] if key.startswith("ال") and len(key) > 4 else key


HEADLINE_REASON = "a line opening with a person and a colon (a headline)"
_HEADLINE_TITLE_REASON = "a line opening with a title and a colon (a headline): the person the article names with it"
_HEADLINE_BODY_REASON = "a line opening with a body and a colon (a headline): the person who speaks for it below"
_HEADLINE_WORDS = 25
_TOP_LINES = 3
_MEDIA_TAG = re.compile(r"[\s.|(\[–—-]*(?:فيديو|بالفيديو|صور|بالصور|شاهد|video)[)\]]*[\s.!]*$")


def _headline_line(text: str, tokens: list[Token], index: int, line_end: int) -> bool:
    """The line at ``tokens[index]`` is a headline: short, not a sentence of the body (no full stop at its
    end), among the article's top lines (a kicker, the headline, a deck: every line above it short and no
    sentence either, and at most ``_TOP_LINES`` of them)."""
    line = text[tokens[index].start:line_end].rstrip()
    above = [row for row in text[:tokens[index].start].split("\n") if row.strip()]
    if len(line.split()) > _HEADLINE_WORDS or line.endswith(".") or len(above) > _TOP_LINES \
            or any(len(row.split()) > _HEADLINE_WORDS or row.rstrip().endswith(".") for row in above):
        return False
    # under a kicker, a deck line is set apart: by its bullet, or by the blank line closing the top lines
    # ("افتتح المعرض ...⏎وزير السياحة: ...⏎وحضر الافتتاح ..." runs on as the article's lines)
    next_line = text[line_end + 1:text.find("\n", line_end + 1) if text.find("\n", line_end + 1) >= 0 else len(text)]
    return not above or tokens[index].text in _BULLETS or not next_line.strip() \
        or any(_letters(row) == _letters(line) for row in above)  # the page's title printed again as its headline


def _letters(line: str) -> str:
    """A line's words without their marks: 'منتدى "أستانا"' and "منتدى 'أستانا'" are one headline."""
    return " ".join(re.sub(r"[^\w\s]", "", line).split())


def _headline_words_end(text: str, start: int, line_end: int) -> int:
    """Where a headline's words end: the line's end, before a media tag ("(فيديو)"، "| صور")."""
    tag = _MEDIA_TAG.search(text, start, line_end)
    return tag.start() if tag else line_end


def list_item_quote(text: str, tokens: list[Token], index: int, book: PeopleBook) -> QuoteMatch | None:
    """ "رئيس الحكومة خلال اللقاء:⏎• ...⏎• ..."، "وجاءت تصريحات رئيس الوزراء كالآتي:⏎- ...": each item of a list
    under a line that names a speaker and ends with a colon is that speaker's words."""
    if tokens[index].text not in _BULLETS or not (index == 0 or tokens[index].newline_before):
        return None
    intro_end = _list_intro_end(text, tokens[index].start)
    if intro_end is None:
        return None
    intro_start = text.rfind("\n", 0, intro_end) + 1
    if len(text[intro_start:intro_end].split()) > _LIST_INTRO_WORDS:
        return None  # "أصدر المركز تقريرا يبرز ... على النحو الآتي:": a report's points, told by the reporter
    mention = _person_in_line(text, tokens, intro_start, intro_end)
    if mention is None:
        return None
    line_end = text.find("\n", tokens[index].end)
    start, end = trim_span(text, tokens[index].end, len(text) if line_end < 0 else line_end)
    item = range(index + 1, first_token_after(tokens, index, end))
    if len(text[start:end].split()) < MIN_QUOTE_WORDS or any(is_reporting_verb(tokens[at]) for at in item):
        return None  # an item with its own attribution ("- في مؤتمر صحفي، أكد فلان أن ...") is read by it
    speaker = book.resolve(mention) or book.add(mention)
    return QuoteMatch(text[start:end], start, end, "indirect", speaker, mention.title or speaker.title,
                      mention.organisation or speaker.organisation, "explicit", tokens[index].start,
                      tokens[index].end, 0.6, "an item of a list under a line naming its speaker")


def _list_intro_end(text: str, item_at: int) -> int | None:
    """Where the line introducing the list of the item at ``item_at`` ends (at its colon), past the items and
    blank lines above."""
    line_start = text.rfind("\n", 0, item_at) + 1
    for _ in range(_MAX_LIST_ITEMS):
        if line_start == 0:
            return None
        above_start = text.rfind("\n", 0, line_start - 1) + 1
        above = text[above_start:line_start - 1].strip()
        if not above and above_start > 0:
            line_start = above_start  # a blank line the page leaves between the line and its list
            continue
        if above[:1] not in _BULLETS:
            return line_start - 1 if above.endswith((":", "：")) else None
        line_start = above_start
    return None


def _person_in_line(text: str, tokens: list[Token], start: int, end: int) -> PersonMention | None:
    """The person (a name or a title) the line from ``start`` to ``end`` names: the subject after its verb of
    saying when it has one ("أخبار البلد - قال وزير الخارجية فلان:": not the outlet's dateline before it),
    else the first."""
    first = bisect.bisect_left(tokens, start, key=lambda token: token.start)
    position = first
    while position < len(tokens) and tokens[position].start < end:
        if is_reporting_verb(tokens[position]):
            mention = _person_from(text, tokens, position + 1, end)
            if mention is not None:
                return mention
            break
        position += 1
    return _person_from(text, tokens, first, end)


def _person_from(text: str, tokens: list[Token], first: int, end: int) -> PersonMention | None:
    for position in range(first, len(tokens)):
        token = tokens[position]
        if token.start >= end:
            return None
        if not token.is_word:
            continue
        mention, _ = parse_person(text, tokens, position, min(len(tokens), position + 12))
        if mention is not None and mention.end <= end and (mention.kind == "title" or (
                mention.kind == "name" and credible_name(mention))):
            return mention
    return None


def interview_answer(text: str, tokens: list[Token], index: int, book: PeopleBook) -> QuoteMatch | None:
    """ "ج: ..." or "ج1: ..." at the start of a line: an interview's answer, said by the person interviewed
    (the first person printed with a title or honorific, at the top of the interview)."""
    token = tokens[index]
    if not (index == 0 or token.newline_before) or token.key not in _ANSWER_MARKS:
        return None
    colon = index + 1
    while colon < len(tokens) and tokens[colon].is_number and colon < index + 3:
        colon += 1
    if colon + 1 >= len(tokens) or tokens[colon].text not in ":：" or tokens[colon + 1].newline_before:
        return None
    next_turn = _INTERVIEW_TURN.search(text, tokens[colon].end)  # the answer runs to the next question
    start, end = trim_span(text, tokens[colon].end, next_turn.start() if next_turn else len(text),
                           strip=" \t\r\n،,؛;:-ـ–—.")
    if len(text[start:end].split()) < MIN_QUOTE_WORDS:
        return None
    speaker = next((person for person in book.people if person.name and (person.title or person.honorific)
                    and len(person.name.split()) >= 2 and person.mentions and person.mentions[0][0] < token.start),
                   None)  # the person the interview is with is named with a title at its top
    return QuoteMatch(text[start:end], start, end, "direct", speaker, speaker.title if speaker else None,
                      speaker.organisation if speaker else None, "continuation", token.start, tokens[colon].end,
                      0.5 if speaker else 0.3, "an interview's answer (ج:), said by the person interviewed")


def _verb_with_object_pronoun(token: Token) -> bool:
    # "هذا ما أكده ..." / "وفق ما قالته ...": the verb carries the pronoun of the quoted words.
    for suffix in ("ته", "ه", "ها"):
        if token.key.endswith(suffix) and strip_prefix(token.key[: -len(suffix)]) in lx.REPORTING_VERBS:
            return True
    return False
