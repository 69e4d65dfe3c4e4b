"""Where a quote ends, as Arabic press punctuates it.

Owns the boundaries of a quote once the place where its words begin is known:
- a quote opened with a quotation mark runs to its matching closing mark, over sentence ends, "..",
  "…" and names in quotation marks inside it (nested marks are counted); reversed marks ("”...“",
  "»...«") and an ASCII '"' close as they open. A statement whose mark opens a paragraph and closes at
  the end of a later one, no mark opening on the way, runs over those paragraphs. Any other quote whose
  mark is not closed before the end of its paragraph runs to the paragraph's end and is ``closed=False``
  (the caller lowers confidence);
- reported speech (no mark) runs to the end of its sentence, across commas, parentheses and
  subordinate clauses: a full stop, "!", "?", a line break, or a new attribution ("وأضاف"،
  "مشيرا إلى") ends it, and so does the reporter's circumstance after a comma ("، وذلك خلال افتتاح
  المنتدى"، "، وذلك على هامش ...") or his frame for them ("، جاء ذلك في كلمته ..."): when or where the words
  were said is not what was said.
"""

from __future__ import annotations

import re

from archive.importing import lexicon as lx
from archive.importing.tokens import LETTERS, QUOTE_OPENERS, WORD, trim_span

# Closing mark for each opening mark, reversed typing included.
_CLOSERS = {"«": "»", "»": "«", "“": "”", "”": "“", '"': '"', "„": "“", "‘": "’"}
OPENING_MARKS = frozenset(_CLOSERS)
_TYPED_ONE_WAY = frozenset("”»")  # a closing mark that also opens, when no reversed mark closes it
_STRIP = " \t\r\n،,؛;:-ـ–—•▪●"  # a list's bullet is no word of the quote
# A sentence end: . ! ? (not in a number, not in ".." or "…"), or a line break.
# A dot between tatweels ("إلـ.ـى": a page's guard against copying) is inside a word.
_SENTENCE_END = re.compile(r"(?<![0-9\u0660-\u0669.ـ])[.](?![0-9\u0660-\u0669.ـ])|[!؟?]|\n")
_WORD = WORD  # a word as every reader of words matches it (Persian and Urdu letters, presentation forms)
# "، وذلك خلال/أثناء/على هامش/لدى/في ...": the reporter's when and where. "وذلك في إطار/ظل/سبيل ..."
# and "وذلك لـ/بهدف ..." are left alone: a speaker gives his own context and reasons that way.
_REPORTER_CIRCUMSTANCE = re.compile(
    r"[،,][^\S\n]*وذلك[^\S\n]+(?:خلال|أثناء|اثناء|على[^\S\n]+هامش|لدى|عند|بمناسبة|في(?![^\S\n]+(?:إطار|اطار|ظل|سبيل)))"
    rf"(?![{LETTERS}])")
# "، حسبما أفادت وكالة ..."، "كما أوردت قناة ..."، "، على حد تعبيره": the reporter's source of the words, not
# the words. Bare "بحسب"/"وفقا لـ" are left alone: a speaker says "بحسب الخطة" in his own words.
_REPORTER_SOURCE = re.compile(
    r"(?:[،,][^\S\n]*)?(?:(?:حسبما|حسب[^\S\n]+ما|بحسب[^\S\n]+ما|وفق[^\S\n]+ما|وفقاً?[^\S\n]+لما)[^\S\n]+"
    r"(?:[أا]فاد|ذكر|[أا]ورد|نقل|نشر|[أا]عل[نم]|قال|صرح|[أا]وضح|[أا]كد)"
    r"|كما[^\S\n]+(?:[أا]ورد|نقل|نشر)"
    r"|[،,][^\S\n]*على[^\S\n]+حد[^\S\n]+(?:تعبير|قول|وصف))"
    rf"(?:ت|ته|تها|ه|ها|هم)?(?![{LETTERS}])")

# "، جاء ذلك في كلمته ..."، "، وجاء ذلك خلال ...": the reporter's frame for the words just given, not more of them.
_REPORTER_FRAME = re.compile(rf"[،,][^\S\n]*و?جاء[^\S\n]+ذلك(?![{LETTERS}])")
_REPORTER_WORDS = (_REPORTER_CIRCUMSTANCE, _REPORTER_SOURCE, _REPORTER_FRAME)


def marked_span(text: str, mark_at: int) -> tuple[int, int, bool]:
    """The words of a quote opened by the mark at ``mark_at``: (start, end, closed)."""
    opener = text[mark_at]
    closer = _CLOSERS.get(opener, opener)
    line_end = _line_end(text, mark_at, opener, closer)
    closing = _closing_mark(text, mark_at, line_end, opener, closer, nest_same=closer == opener)
    if closing is None and closer == opener:  # a name's marks did not pair up: the first mark closes
        closing = _closing_mark(text, mark_at, line_end, opener, closer, nest_same=False)
    if closing is None and opener in _TYPED_ONE_WAY and not text[mark_at + 1:mark_at + 2].isspace():
        # 'و”مستمرون ...”': the page typed one mark both ways, against the words it opens
        closing = _closing_mark(text, mark_at, line_end, opener, opener, nest_same=False)
    if closing is None and _opens_line(text, mark_at):
        closing = statement_close(text, mark_at, line_end, closer)
    if closing is not None:
        start, end = trim_span(text, mark_at + 1, closing)
        return start, end, True
    # a mark left open: the words end where a new attribution opens ("، معتبرا أن “..."), else with the line
    end_at = _new_attribution_at(text, mark_at + 1, line_end)
    start, end = trim_span(text, mark_at + 1, end_at, strip=_STRIP + "".join(_CLOSERS) + ".")
    return start, end, False


_STATEMENT_REACH = 3000  # characters a statement of several paragraphs may run on after its first one
_AFTER_CLOSE = " \t.!؟?،,:؛"  # what may follow a closing mark at the end of its paragraph


def _opens_line(text: str, mark_at: int) -> bool:
    return not text[text.rfind("\n", 0, mark_at) + 1:mark_at].strip()


def statement_close(text: str, mark_at: int, line_end: int, closer: str) -> int | None:
    """Where a statement in marks over several paragraphs closes: a mark opening a paragraph and not closed on
    it runs to the first closing mark after it that ends a later paragraph, when no other mark opens on the
    way ('"يأسف المكتب ...⏎⏎ويؤكد ... بهم".'); else None. The search is bounded: extraction stays linear."""
    closing = text.find(closer, line_end, line_end + _STATEMENT_REACH)
    if closing < 0 or any(mark in text[line_end:closing] for mark in OPENING_MARKS if mark != closer):
        return None
    paragraph_end = text.find("\n", closing)
    rest = text[closing + 1:len(text) if paragraph_end < 0 else paragraph_end]
    return closing if text[closing - 1:closing].strip() and not rest.strip(_AFTER_CLOSE + "".join(_CLOSERS)) \
        else None


def _closing_mark(text: str, mark_at: int, line_end: int, opener: str, closer: str, nest_same: bool) -> int | None:
    """Where the quote opened at ``mark_at`` closes before ``line_end``, counting nested marks. With
    ``nest_same`` a two-way mark (") standing against the word after it opens a name inside the quote
    ('"يناقش المجلس مكب "زهرة الفنجان" بجنين"'), even at the first level."""
    depth = 0
    for position in range(mark_at + 1, line_end):
        char = text[position]
        if char == closer and closer == opener:
            if nest_same and _opens_same_mark(text, position) and not _closes_same_mark(text, position):
                depth += 1
            elif depth == 0:
                return position
            elif _closes_same_mark(text, position):
                depth -= 1
        elif char == closer:
            if depth == 0:
                return position
            depth -= 1
        elif char == opener:
            depth += 1
    return None


def _line_end(text: str, mark_at: int, opener: str, closer: str) -> int:
    """Where the search for the closing mark stops: the end of the line, or of the next one when the
    text is wrapped by hand mid-sentence ("... اعتبره فرصة\nللالتقاء ...»") and that line closes the quote."""
    line_end = text.find("\n", mark_at)
    if line_end < 0:
        return len(text)
    if closer == opener or closer in text[mark_at + 1:line_end] or opener in text[mark_at + 1:line_end]:
        return line_end  # closed on its line, or a mark of its own kind there (a quote closed the wrong way round)
    next_end = text.find("\n", line_end + 1)
    next_line = text[line_end + 1:len(text) if next_end < 0 else next_end]
    closes_at = next_line.find(closer)
    # a line ending a sentence goes on into the next when that one closes the quote and opens none, and is no
    # attribution of its own ('وزاد: “... القطاعات.⏎تجمعنا معها ... المغرب”.')
    first_word = _WORD.match(next_line)
    new_sentence = text[line_end - 1:line_end] in ".!؟?:"
    if next_line[:1].strip() and closes_at > 0 and opener not in next_line[:closes_at] and not (
            new_sentence and first_word is not None and _opens_reporter_sentence(lx.key(first_word.group()))):
        return len(text) if next_end < 0 else next_end
    return line_end


def _opens_same_mark(text: str, position: int) -> bool:
    # '"' that opens a name inside a '"' quote: a space before it and a letter after it.
    return position > 0 and text[position - 1] in " (" and position + 1 < len(text) and text[position + 1].isalpha()


def _closes_same_mark(text: str, position: int) -> bool:
    return position > 0 and text[position - 1].isalpha()


def reported_span(text: str, start: int) -> tuple[int, int]:
    """Reported speech from ``start`` to the end of its sentence or the next attribution."""
    match = _SENTENCE_END.search(text, start)
    end = match.start() if match else len(text)
    for reporter in _REPORTER_WORDS:
        found = reporter.search(text, start, end)
        if found is not None:
            end = found.start()
    start, end = trim_span(text, start, _new_attribution_at(text, start, end), strip=_STRIP)
    return start, end


def _new_attribution_at(text: str, start: int, end: int) -> int:
    """Where a new attribution starts between ``start`` and ``end`` ("، مشيرا إلى"، "وأضاف أن"، "، فيما أشار
    إلى أن"), else ``end``."""
    previous: re.Match[str] | None = None
    for word in _WORD.finditer(text, start, end):
        before, previous = previous, word
        if word.start() - start < 12:
            continue
        word_key = lx.key(word.group())
        if before is not None and lx.key(before.group()) in _JOINING_WORDS and _joins_speech(
                text, before.start(), word_key, word.end(), end):
            return before.start()  # "...، فيما أشار إلى أن ..."، "، فيما طالب ...": the reporter's next clause
        bare = word_key[1:] if word_key[:1] in "وف" and len(word_key) > 3 else word_key
        participle = bare in lx.PARTICIPLES or word_key in lx.PARTICIPLES  # "واصفا" starts with its own و
        if participle and (word_key.startswith(_DESCRIBING) or _participle_opens_words(text, word.end(), end)):
            return word.start()
        if bare in lx.COLON_VERBS and _after_comma(text, word.start()) and _opening_soon(text, word.end(), end):
            return word.start()  # "..., معلقة الوزيرة أن ...": a comment of the speaker's, after a comma
        if word_key != bare and bare in lx.REPORTING_VERBS and not _present_tense(bare) \
                and _is_new_attribution(text, word.end(), end):  # "وتشير إلى ..." inside the words goes on
            return word.start()
        if word_key != bare and _after_comma(text, word.start()) and _reporter_clause(text, bare, word.end(), end):
            return word.start()  # "...، وبشّر الليبيين بأن ..."، "، وقال خلال زيارته ...": the reporter's next clause
    return end


def _joins_speech(text: str, joining_at: int, verb_key: str, position: int, limit: int) -> bool:
    """ "، فيما تحدث عن ..."، "، كما حذر الوزير من ...": after a comma, a joining word and a past verb of
    speaking open a clause of the reporter's; without the comma the verb must open words of its own
    ("فيما أشار إلى أن"). A verb that is no speech ("، فيما ارتفعت ...", "، كما نأمل") leaves the quote going."""
    if _present_tense(verb_key) or not (verb_key in lx.REPORTING_VERBS or verb_key in lx.SPEECH_ACT_VERBS):
        return False
    return _after_comma(text, joining_at) or (verb_key in lx.REPORTING_VERBS
                                              and _is_new_attribution(text, position, limit))


def _reporter_clause(text: str, verb_key: str, position: int, limit: int) -> bool:
    """After "، و": a past verb of speaking with a topic ("وبشّر الليبيين"، "ودعا إلى ...") opens the reporter's
    next clause; a reporting verb does when its own words or its circumstance follow ("وقال خلال زيارته"،
    "وأكد أن"): with a bare noun ("، وأكّد عمق العلاقات") a statement may still be telling its own points."""
    if _present_tense(verb_key):
        return False
    if verb_key in lx.SPEECH_ACT_VERBS:
        return True
    if verb_key not in lx.REPORTING_VERBS:
        return False
    following = _WORD.search(text, position, limit)
    return _opening_soon(text, position, limit) or (
        following is not None and lx.key(following.group()) in lx.CIRCUMSTANCE_WORDS)


ABOUT = lx.key("عن")
# Hope and confidence, with the speaker's pronoun: "أعرب عن أمله/ثقته في أن ..." reports words, no topic.
HOPE_NOUNS = frozenset(lx.key(word) for word in (
    "أمله", "أملها", "أملهم", "أملنا", "ثقته", "ثقتها", "ثقتهم", "ثقتنا", "تطلعه", "تطلعها"))
_DESCRIBING = lx.key("واصف")  # "واصفا ما فعله بـ ..."، "واصفة إياه بالإنجاز": a description is words of its own
_PARTICIPLE_REACH = 6  # words after a participle in which its own words may open ("مشيرا في الوقت نفسه إلى أن")


def _participle_opens_words(text: str, position: int, limit: int) -> bool:
    """ "، مشيرا إلى أن ..."، "مضيفا: «...»": a participle whose own words open (أن/إن, a colon or a mark within
    a few words, before a comma) starts a new attribution, and so does one the reporter sets apart with a
    comma ("، مذكرا، في هذا الصدد، بـ ...") or whose object is praised, recalled or described with بـ ("منوها
    بالحرص على ..."، "واصفا إياه بالإنجاز"): the reporter's summary. One with a topic ("، متوقعا استمرار
    التراجع"، "مشددا على أهمية الحوار") reports no words: the sentence's quote runs on across it."""
    for count, word in enumerate(re.finditer(r"\S+", text[position:limit])):
        token = word.group()
        if count == 0 and (token[:1] in "،," or (token[:1] == "ب" and len(token) > 3)):
            return True
        if count >= _PARTICIPLE_REACH or token[:1] in "،,":
            return False
        if token[:1] in ":" or any(mark in token for mark in QUOTE_OPENERS + "”»"):
            return True
        token_key = lx.key(token.rstrip("،,:"))
        if token_key in HOPE_NOUNS and count > 0 and lx.key(text[position:limit].split()[count - 1]) == ABOUT:
            continue  # "، معربا عن أمله في أن ...": hope expressed, its أن clause is words of its own
        if _strip_topic(token_key) in lx.TOPIC_NOUNS:
            return False
        if token_key in lx.COMPLEMENTIZERS | lx.PRONOUN_COMPLEMENTIZERS or token_key in lx.SPEECH_NOUNS - {"ب"} \
                or token.endswith(":"):
            return True
        if token.endswith(("،", ",")):
            return False
    return False


def _strip_topic(word_key: str) -> str:
    """A topic noun with a preposition stuck to it ("بأهمية" -> "أهمية")."""
    return word_key[1:] if word_key[:1] in "بل" and word_key[1:] in lx.TOPIC_NOUNS else word_key


def _present_tense(verb_key: str) -> bool:
    """ "يشير"، "تشير" (not "تابع"، "تساءل"): a present-tense verb reports inside the words, it starts no new
    attribution."""
    return verb_key.startswith("ي") or (verb_key.startswith("ت") and "ي" + verb_key[1:] in lx.REPORTING_VERBS)


def _after_comma(text: str, position: int) -> bool:
    # "...، مشيرا": a participle right after a comma continues the attribution, not the quote
    return text[max(0, position - 3):position].rstrip().endswith(("،", ","))


_WORDS_BEFORE_COLON = 3
# Words that join a second attribution to a sentence: "فيما أشار إلى أن", "كما أكد أن", "ثم قال: «".
_JOINING_WORDS = frozenset(lx.key(word) for word in ("فيما", "كما", "ثم", "بينما"))


def _is_new_attribution(text: str, position: int, limit: int) -> bool:
    """A "وأضاف"-like verb starts a new attribution when a colon, أن/إن or a mark soon follows."""
    window = text[position:min(limit if limit > position else len(text), position + 60)]
    head = window.lstrip()
    if head[:1] in ":" or head[:1] in QUOTE_OPENERS or head[:1] in "”»":
        return True
    first = _WORD.match(head)
    if first is None:
        return False
    first_key = lx.key(first.group())
    if first_key in lx.COMPLEMENTIZERS | lx.PRONOUN_COMPLEMENTIZERS or first_key in lx.VERB_PARTICLES:
        return True
    if first_key in lx.SPEECH_NOUNS and len(first_key) > 2:
        return True  # "مردفا بالقول إن ...", "وختم بقوله: ...": the verb's own words follow
    # "وختم متوجها إلى الحضور: «...»": a colon and a mark a few words on open the verb's own words
    colon = head.find(":")
    return colon > 0 and len(head[:colon].split()) <= _WORDS_BEFORE_COLON \
        and head[colon + 1:].lstrip()[:1] in QUOTE_OPENERS


def _opening_soon(text: str, position: int, limit: int) -> bool:
    """أن/إن, a colon or a quotation mark within the next three words ("معلقة الوزيرة أن")."""
    for word in re.finditer(r"\S+", text[position:limit]):
        if word.start() > 0 and len(text[position:position + word.start()].split()) >= 3:
            return False
        token = word.group()
        if token[:1] in ":" or token[:1] in QUOTE_OPENERS or token.rstrip(":") != token:
            return True
        if lx.key(token) in lx.COMPLEMENTIZERS | lx.PRONOUN_COMPLEMENTIZERS:
            return True
    return False


def quote_words(text: str, start: int) -> tuple[int, int, bool]:
    """The span of the quote whose words begin at ``start`` (a mark or a word): (start, end, closed)."""
    if start < len(text) and text[start] in OPENING_MARKS:
        inner_start, inner_end, closed = marked_span(text, start)
        first_word = text[inner_start:inner_end].split(" ", 1)
        if len(first_word) == 2 and lx.key(first_word[0]) in lx.COMPLEMENTIZERS:
            inner_start += len(first_word[0]) + 1  # «إن الإعلام ...»: the quote is what follows إن
        return inner_start, inner_end, closed
    start, end = colon_span(text, start) if _after_colon(text, start) else reported_span(text, start)
    return start, end, True


def _opens_reporter_sentence(word_key: str) -> bool:
    """A sentence that opens with a verb of speaking or a participle ("وأضاف"، "وتابع"، "مشيرا") is the reporter's."""
    bare = word_key[1:] if word_key[:1] in "وف" and len(word_key) > 3 else word_key
    return any(key in lx.REPORTING_VERBS or key in lx.SPEECH_ACT_VERBS or key in lx.COLON_VERBS
               or key in lx.PARTICIPLES for key in (word_key, bare))


def _after_colon(text: str, start: int) -> bool:
    before = text[max(0, start - 4):start].rstrip(" \t")
    return before.endswith((":", "："))


def colon_span(text: str, start: int) -> tuple[int, int]:
    """ "قائلا: عندما نأتي إلى مصر ... بيتنا. كما أن مصر ...": speech after a colon without marks is the speaker's
    to the end of its paragraph, over sentence ends, unless a new attribution ("وأضاف"، "مشيرا إلى أن") or the
    reporter's circumstance or source comes first."""
    line_end = text.find("\n", start)
    end = len(text) if line_end < 0 else line_end
    for sentence_end in _SENTENCE_END.finditer(text, start, end):
        following = _WORD.search(text, sentence_end.end(), end)
        if following is not None and _opens_reporter_sentence(lx.key(following.group())):
            end = sentence_end.start()  # "... والإخلاص لها. وأضاف معاليه يقول: ...": the next attribution
            break
    for reporter in _REPORTER_WORDS:
        found = reporter.search(text, start, end)
        if found is not None:
            end = found.start()
    return trim_span(text, start, _new_attribution_at(text, start, end), strip=_STRIP + ".")
