"""Where a person's name starts and ends: given name, "بن/بنت" links, family name.

A name is read after an honorific or rank ("الدكتور فلان بن فلان الفلاني"), right after a title
("رئيس الوزراء مصطفى مدبولي": up to four words, a definite family name ending it), or between commas
after a description ("رئيس الحكومة منتهية الولاية، عماد فهد الزين، إن"). Compound names stay whole
("عبد الله", "محي الدين", "سالم العبد الله"); what the person did after the name ("يتحدث", "بزيارة")
does not belong to it. A name from a language no list knows is read by its position and its stops: it goes
on through a glued hyphen and a particle ("كوون يونغ-سيه", "لولا دا سيلفا") and never takes a preposition
glued to its noun ("تاناكا للصحفيين").
"""

from __future__ import annotations

from archive.importing import lexicon as lx
from archive.importing.person_words import (
    CIRCUMSTANCE_PREPOSITIONS,
    CLAUSE_CONJUNCTIONS,
    DAY_PARTS,
    LOCATION_WORDS,
    NAME_PARTICLES,
    TIME_WORDS,
    bare_key,
    has_article,
    is_body_head,
    is_definite,
    is_place_or_body,
    is_preposition_and_noun,
    is_verb_then_object,
    looks_like_present_verb,
    may_be_name,
    name_word_key,
    printed_without_article,
)
from archive.importing.tokens import Token
from archive.text.normalize import strip_marks

_COMPOUND_NAME_ENDS = {lx.key(word) for word in ("الدين", "الله", "الرحمن")}


_COMPOUND_NAME_STARTS = {lx.key(word) for word in ("عبد", "أبو", "ابو", "آل", "أبا", "بو")}


_AWWAL = lx.key("أول")
_MIN = lx.key("من")


def time_adverb_at(tokens: list[Token], position: int, limit: int) -> bool:
    """ "مساء الثلاثاء", "صباح اليوم", "مساء أول من أمس": a part of the day before the day it names is when
    something happened, never a name, though "صباح" is a given name ("صباح الخالد") and stands where one
    would, after a post or a verb of speech ("حاكم الإقليم مساء الثلاثاء", "صرح صباح اليوم")."""
    if position + 1 >= limit or bare_key(tokens[position]) not in DAY_PARTS or tokens[position + 1].newline_before:
        return False
    day = position + 1
    if bare_key(tokens[day]) == _AWWAL:  # "أول أمس", "أول من أمس": the day before yesterday
        day += 2 if day + 1 < limit and tokens[day + 1].key == _MIN else 1
    return day < limit and bare_key(tokens[day]) in TIME_WORDS


# "غير" (other than) opens a phrase where a name would stand ("بلدان أخرى غير السويد"), never a name.
_OTHER_THAN = lx.key("غير")


def opens_no_name(tokens: list[Token], position: int, limit: int) -> bool:
    """Whether the word at ``position`` cannot be a name's first word though it may be one's later word: a time
    ("صباح اليوم"; "صباح" alone is a given name) or "غير" opening a phrase."""
    return bare_key(tokens[position]) == _OTHER_THAN or time_adverb_at(tokens, position, limit)


def starts_name(tokens: list[Token], position: int, limit: int) -> bool:
    """A name (not more title) starts here: an honorific, or a word followed by "بن/بنت" (or by "ولد" and a
    name: "وزير الثقافة الحسن ولد أحمد")."""
    token = tokens[position]
    if not token.is_word or opens_no_name(tokens, position, limit):
        return False
    if bare_key(token) in lx.HONORIFICS:
        return not family_honorific(tokens, position, limit)
    if printed_without_article(token) and position + 1 < limit and may_be_name(token) \
            and may_be_name(tokens[position + 1]) and not tokens[position + 1].newline_before:
        return True  # "وزير الإعلام إلياس الهاشم": إلياس has no article, the title has ended
    if bare_key(token) in lx.RANKS and position + 1 < limit and may_be_name(tokens[position + 1]) \
            and not preposition_with_noun(tokens[position + 1]):
        return True  # "اللواء سعد معن"; "الوكيل المساعد للسياسات": a preposition's phrase, the post goes on
    if position + 2 < limit and tokens[position + 1].key == _WALAD and may_be_name(token) \
            and may_be_name(tokens[position + 2]):
        return True
    if token.key in _COMPOUND_NAME_STARTS and position + 2 < limit and tokens[position + 2].key in lx.NAME_LINKS:
        return True  # "رئيس هيئة المتاحف عبد الرحمن بن سالم": the name starts at "عبد", not at "الرحمن"
    return position + 1 < limit and tokens[position + 1].key in lx.NAME_LINKS and may_be_name(token)


def family_honorific(tokens: list[Token], position: int, limit: int) -> bool:
    """ "وزير النفط خالد الفاضل اليوم": an honorific with the article right after a given name and before a
    stop is that person's family name ("الفاضل", "الشيخ", "الأمير" are family names too), not the start of
    another name."""
    token = tokens[position]
    if position == 0 or not token.key.startswith("ال") or token.newline_before:
        return False
    given = tokens[position - 1]
    return given.is_word and not is_definite(given.key) and may_be_name(given) \
        and name_stop(tokens, position + 1, limit)


_TAIL_NAME_WORDS = 3  # given name (a title word too: "أمين", "أمير"), father's, family


def name_in_title_tail(tokens: list[Token], index: int, title_end: int, limit: int) -> int:
    """Where the title read as ``tokens[index:title_end]`` really ends when its last words are a name.

    "وزير الاقتصاد أمين سلام إن": a title complete with its definite complement, then a given name that is
    also a title word ("أمين", "أمير", "عميد") and one or two plain words, then a clear stop. A title word
    without the article in the tail would need a complement of its own (a definite word, a body, a place),
    which plain words before a stop are not: the person's name starts there. Returns ``title_end`` when the
    tail reads as a post."""
    if title_end >= limit + 1 or not name_stop(tokens, title_end, limit):
        return title_end
    for start in range(max(index + 2, title_end - _TAIL_NAME_WORDS), title_end - 1):
        given, before = tokens[start], tokens[start - 1]
        if not has_article(before.key) or has_article(given.key) or bare_key(given) not in lx.TITLE_WORDS \
                or given.key != bare_key(given) or given.newline_before:
            continue
        rest = tokens[start + 1:title_end]
        if all(word.is_word and may_be_name(word) and not is_place_or_body(word) and not word.newline_before
               and (not is_definite(word.key) or (word is rest[-1] and _family_with_article(word)))
               for word in rest):
            return start  # "الرئيس التنفيذي أمين الزعبي إن": a family name with the article ends it
    return title_end


def _family_with_article(token: Token) -> bool:
    """ "الزعبي" may be a family name; "المنطقة", "الصندوق", "الحزب" after "أمير"/"أمين" are what he heads."""
    rest = token.key[2:]
    return token.key.startswith("ال") and rest not in LOCATION_WORDS and rest not in lx.ORGANISATION_HEADS \
        and rest not in lx.TITLE_WORDS and rest not in _HEADED_GROUPS


# Groups a title word heads ("أمين الحزب", "رئيس الكتلة") that the lexicon does not list as bodies.
_HEADED_GROUPS = frozenset(lx.key(word) for word in ("حزب", "حركة", "تيار", "جبهة", "كتلة", "تحالف", "جماعة", "سر",
                                                     "صندوق", "عاصمة", "مدينة"))


def descriptor_before_name(tokens: list[Token], index: int, limit: int) -> bool:
    """ "المشاركة شيماء بنت خميس ...": a definite word describing the person who follows."""
    return is_definite(tokens[index].key) and index + 1 < limit and starts_name(tokens, index + 1, limit)


def is_conjoined(token: Token) -> bool:
    """ "والدكتور", "والسفير": a conjunction joining a second person or post."""
    bare = bare_key(token)
    return token.key.startswith(("وال", "فال")) or (
        token.key[:1] in "وف" and bare != token.key and (bare in lx.HONORIFICS or bare in lx.TITLE_WORDS))


def definite_title_before_name(tokens: list[Token], position: int, limit: int) -> bool:
    """ "النائب فادي خليل": a definite title word (not an honorific) then a name of two words or more."""
    token = tokens[position]
    if not token.key.startswith("ال") or bare_key(token) not in lx.TITLE_WORDS or token.key in lx.HONORIFICS:
        return False
    return plain_name_end(tokens, position + 1, limit) - (position + 1) >= 2


# Speech documents a person sends or gives ("رسالة", "تغريدة"); "بيان" and "خطاب" are also names.
_SENT_DOCUMENTS = lx.SPEECH_DOCUMENTS - {lx.key("بيان"), lx.key("خطاب")}


# Ordinals that take "عشر" in a regnal number ("بنديكتوس السادس عشر", "لويس الرابع عشر").
_ORDINALS = frozenset(lx.key(word) for word in (
    "الحادي", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"))
_TEEN = lx.key("عشر")


def _derived_verbal_noun(key: str) -> bool:
    """A verbal noun of the forms افتعال, انفعال, استفعال ("اقتراح", "انسحاب", "استعداد"): after a man's post and
    before another word, what he did, not his given name (women's names take these forms: "ابتسام", "انتصار")."""
    return (len(key) == 6 and key[0] == "ا" and key[4] == "ا" and (key[2] == "ت" or key[1] == "ن")) \
        or (len(key) == 7 and key.startswith("است") and key[5] == "ا")


def verbal_noun_shape(key: str) -> bool:
    """A verbal noun of the forms تفعيل ("تنظيم", "تحقيق"; not "تقنية", "تنمية") or مفاعلة ("مواجهة", "متابعة"), as
    its key spells it."""
    return (len(key) == 5 and key[0] == "ت" and key[3] == "ي" and not key.endswith("ه")) \
        or (len(key) == 6 and key[0] == "م" and key[2] == "ا" and key.endswith("ه"))


def joined_verbal_noun(token: Token) -> bool:
    """ "وتحريك", "ومتابعة": و glued to a verbal noun of the forms تفعيل or مفاعلة, a second thing done, never a
    name's first word ("وائل", "وليد" have neither form)."""
    return token.key.startswith("و") and verbal_noun_shape(token.key[1:])


def _after_feminine_post(tokens: list[Token], position: int) -> bool:
    """ "الوزيرة ابتسام الحسن": a woman's post, whose holder's given name may have a verbal noun's form."""
    return position > 0 and tokens[position - 1].text.endswith("ة")


def with_regnal_teen(tokens: list[Token], end: int, limit: int) -> int:
    """ "البابا ليو الرابع عشر السفراء": a name ending on an ordinal goes on through "عشر", its regnal number."""
    if 0 < end < limit and tokens[end].key == _TEEN and name_word_key(tokens[end - 1]) in _ORDINALS:
        return end + 1
    return end


def plain_name_end(tokens: list[Token], position: int, limit: int) -> int:
    """The end of a name printed right after a title without honorific or بن: up to four words, the
    first not definite, a family name with "ال" ending it; ``position`` when there is none."""
    end = position
    links = 0  # each "بن" (and the father it names) lets the name run two words further
    word_ends: list[int] = []  # where the name would end after each of its words
    while end < limit and end - position < 4 + 2 * links:
        token = tokens[end]
        if end > position and token.key in lx.NAME_LINKS and _son_of_at(tokens, end, limit) \
                and may_be_name(tokens[end + 1]):
            links += 1
            end += 1  # "رئيس هيئة الوكالة عبد الله بن فهد الحسين": the name goes on through "بن"
            end += compound_length(tokens, end, limit)
            continue
        if end > position and latin_initial_dot(tokens, end, limit):
            end += 1  # "إس. جايشانكار": the dot closes an initial, the name goes on
            continue
        if not token.is_word or (token.newline_before and end > position) or not may_be_name(token) \
                or bare_key(token) in lx.EVENT_NOUNS or bare_key(token) in lx.EVENT_VERBS:
            break  # "الوزير نادر حداد معرض الكتاب": the event is not part of the name
        if end > position and token.key in NAME_PARTICLES:
            break  # "لويس إيناسيو لولا دا سيلفا": the name goes on through its particle (run_to_stop)
        if end == position and (bare_key(token) in _SENT_DOCUMENTS or opens_no_name(tokens, end, limit)
                                or joined_verbal_noun(token)):
            break  # "ووجه وزير الثقافة رسالة شكر": what he sent, not his name; "مساء الثلاثاء": when;
            # "لتحقيق الأهداف وتحريك المشروعات": a second verbal noun joined by و
        if end == position and _derived_verbal_noun(token.key) and not name_stop(tokens, end + 1, limit) \
                and not _after_feminine_post(tokens, position):
            break  # "رفض الرئيس المصري اقتراح فلان بنقل ...": a verbal noun and its complement, what he refused
        if name_word_key(token).startswith("ال"):
            if end > position and noun_and_adjective(tokens, end, limit):
                break  # "وصف الوزير فلان العودة المدرسية بالهادئة": what he described
            if end > position:
                end += compound_length(tokens, end, limit)  # "سالم العبد الله": الله ends the family name
            break
        if is_definite(name_word_key(token)):
            break  # "للوفود", "بالمناسبة": not a name
        if len(word_ends) >= 2 and not _before_particle(tokens, end + 1, limit) \
                and ((token.key.endswith("ا") and len(token.key) >= 4)
                                    or (token.key.startswith("است") and len(token.key) >= 6)):
            # "استقبل الوزير أحمد محمد علي وفدا": an accusative noun, what he received; "أعلن الوزير حسين عوض
            # استعداد الدولة": a verbal noun of the form استفعال, what he announced (a father's name has neither)
            break
        if (end - position >= 2 and is_preposition_and_noun(token)) or (
                looks_like_present_verb(token) and not family_name_before_inna(tokens, end, limit)
                and (end - position >= 2 or is_verb_then_object(tokens, end, limit)
                     or (end == position and len(token.key) >= 5))):
            # "وزير الاتصال عمار بلحيمر يتحدث", "... جاستين سيبيريل بزيارة": what he did, after the name;
            # "متحدث الحكومة يواصل الأكاذيب": a present verb of five letters is no given name (those are known)
            break
        end += compound_length(tokens, end, limit)
        word_ends.append(end)
    end = min(end, limit)
    if not links and len(word_ends) >= 4 and end == word_ends[-1] and not name_stop(tokens, end, limit):
        # "وجه الوزير أمجمد مزيان خالص عبارات الشكر": four plain words and no stop after them are a name and
        # what he conveyed (three, "أحمد محمد علي", are an Egyptian or Sudanese name as often as not)
        end = word_ends[1]
    return with_regnal_teen(tokens, run_to_stop(tokens, position, end, limit), limit)


# The Latin letters as Arabic spells them ("إس" S, "جي" G, "إم" M...): a closed alphabet, not names. "إن" (N)
# is left out: it is the complementizer.
_LATIN_LETTERS = frozenset(lx.key(word) for word in (
    "إيه", "بي", "سي", "دي", "إي", "إف", "جي", "إتش", "آي", "جيه", "كيه", "كي", "إل", "إم", "أو", "كيو", "آر",
    "إس", "تي", "يو", "في", "دبليو", "إكس", "واي", "زد"))


def latin_initial_dot(tokens: list[Token], position: int, limit: int) -> bool:
    """Whether the dot at ``position`` closes an initial inside a foreign name ("إس. جايشانكار", "جي. كيه.
    رولينغ"): a Latin letter as Arabic spells it, the dot glued to it, a name word after it on the same line."""
    if position == 0 or position + 1 >= limit or tokens[position].text != ".":
        return False
    letter, after = tokens[position - 1], tokens[position + 1]
    return letter.is_word and letter.key in _LATIN_LETTERS and tokens[position].start == letter.end \
        and after.is_word and not after.newline_before and may_be_name(after)


_NAME_WORDS_CAP = 4  # a name read to a stop: given name, father or middle names, family name


def run_to_stop(tokens: list[Token], start: int, end: int, limit: int) -> int:
    """The end of a name read as ``tokens[start:end]`` when one more name word stands before a clear stop.

    The press closes a name printed after its title with a stop (``name_stop``: a comma, "أن/إن", a time
    word, a circumstance, a verb, a post, a mark or a line end). When one more word that may be a
    name's stands between what was read and such a stop ("محمد المهدي بنسعيد، أن": a family name no list
    knows), it is the rest of the name; "خالد الفاضل اليوم": an honorific after a given name, before a
    stop, is the family name. Without a stop in reach the name ends where it was read. A name goes on
    through what joins its parts (``through_joins``: a hyphen, a particle) wherever it was read to."""
    if end > start:
        end = through_joins(tokens, start, end, limit)
    if end <= start or end >= limit or name_stop(tokens, end, limit):
        return end
    if end - start >= _NAME_WORDS_CAP or not _may_close_name(tokens, start, end):
        return end  # "استقبل الوزير فلان الفلاني وفدا من": what he did, not his name
    if _opens_marks(tokens, end + 1, limit):
        return end  # "افتتح الوزير فلان الفلاني فعالية «...»": the thing named in marks, the verb's object
    return end + 1 if name_stop(tokens, end + 1, limit) else end


def through_joins(tokens: list[Token], start: int, end: int, limit: int) -> int:
    """The end of a name read from ``start`` as far as ``end``, carried on through what joins a name's parts
    in any language: a hyphen glued between two words ("كوون يونغ-سيه") and the particles of European names
    with the word they introduce ("لويس إيناسيو لولا دا سيلفا", "ستافان دي ميستورا", "فون دير لاين"). A name
    read as far as a particle goes back before it, to go on through it."""
    while end - 1 > start and tokens[end - 1].key in NAME_PARTICLES:
        end -= 1
    while end + 1 < limit:
        token, after = tokens[end], tokens[end + 1]
        if after.newline_before or not after.is_word:
            return end
        if token.text == "-" and token.start == tokens[end - 1].end and after.start == token.end:
            end += 2  # glued on both sides, the hyphen is the evidence ("جونغ-هو": هو is no pronoun there)
        elif token.key in NAME_PARTICLES and not token.newline_before and may_be_name(after):
            particles = end
            while particles + 1 < limit and tokens[particles + 1].key in NAME_PARTICLES:
                particles += 1  # "فون دير لاين"
            if particles + 1 >= limit or not tokens[particles + 1].is_word or tokens[particles + 1].newline_before \
                    or not may_be_name(tokens[particles + 1]):
                return end
            end = particles + 2
        else:
            return end
    return end


def _before_particle(tokens: list[Token], position: int, limit: int) -> bool:
    """Whether a name's particle stands at ``position`` with a name word after it ("لولا دا سيلفا")."""
    return position + 1 < limit and tokens[position].key in NAME_PARTICLES and not tokens[position].newline_before \
        and tokens[position + 1].is_word and not tokens[position + 1].newline_before \
        and may_be_name(tokens[position + 1])


_OPENING_MARKS = ("«", "“", "„")


def _opens_marks(tokens: list[Token], position: int, limit: int) -> bool:
    """Whether an opening quotation mark stands at ``position`` ('«'، '“'، or '"' against the word after it):
    it opens the name of the thing the word before it designates ("فعالية «الكويت تجمعنا»")."""
    if position >= limit:
        return False
    token = tokens[position]
    if token.text.startswith(_OPENING_MARKS):
        return True
    return token.text == '"' and position + 1 < limit and tokens[position + 1].start == token.end \
        and tokens[position + 1].is_word


def _may_close_name(tokens: list[Token], start: int, position: int) -> bool:
    """Whether the word at ``position`` may be one more word of the name begun at ``start``: a name's word
    without prefix or article (not an accusative noun, not a preposition's after a family name), or a
    definite honorific right after the given name ("خالد الفاضل"; not after "وكتب": a verb)."""
    token = tokens[position]
    if token.newline_before or not token.is_word or (is_definite(token.key) and not has_article(token.key)) \
            or token.key.startswith("وال"):
        return False
    if joins_another(tokens, position - 1, position) or _preposition_after_family(tokens, position) \
            or preposition_with_noun(token) or preposition_phrase(tokens, position, len(tokens)):
        return False
    if token.key.startswith("ال"):  # "محمد بوعلام الحاج المعرض صباح اليوم": what he opened, not his name
        given = tokens[start].key
        return position - start == 1 and bare_key(token) in lx.HONORIFICS and given[:1] not in "وف"
    if may_be_name(token):  # "وفدا", "اجتماعا": an accusative noun; "لولا دا": a name before its particle
        accusative = token.key.endswith("ا") and len(token.key) >= 4
        return not accusative or _before_particle(tokens, position + 1, len(tokens))
    return False


def joins_another(tokens: list[Token], family: int, position: int) -> bool:
    """ "فيصل المقداد ومبعوث الرئيس": after a family name with the article, a word opening with "و" joins a
    second person or post to the first; it does not go on with his name."""
    word = tokens[position].key
    return tokens[family].key.startswith("ال") and word.startswith("و") and len(word) >= 4


def _preposition_after_family(tokens: list[Token], position: int) -> bool:
    """ "صباح الخالد لمراسلي «كونا»": after a family name with "ال", a word with لـ/بـ is a preposition's
    ("هيثم الحاج علي" and the Maghreb's "بوعزيز", "بنحمو", "بلقاسم" stay names)."""
    word = tokens[position].key
    return tokens[position - 1].key.startswith("ال") and word[:1] in "لب" and not word.startswith(("بو", "بن", "بل")) \
        and len(word) >= 5


def noun_and_adjective(tokens: list[Token], position: int, limit: int) -> bool:
    """ "العودة المدرسية", "الزيارة الرسمية": a feminine noun with the article and its feminine adjective
    of relation, where a family name would stand; a family name ending in ة ("الطراونة") is not followed by
    such an adjective."""
    if position + 1 >= limit:
        return False
    noun, adjective = tokens[position], tokens[position + 1]
    return noun.key.startswith("ال") and noun.key.endswith("ه") and adjective.key.startswith("ال") \
        and adjective.key.endswith("يه") and not adjective.newline_before


def name_stop(tokens: list[Token], position: int, limit: int) -> bool:
    """Whether a name cannot go on at ``position``: the end of the phrase or line, a mark (comma, quotation
    mark, bracket), "أن/إن" (with its pronoun), a time word ("اليوم", "أمس", "الجمعة", "صباح اليوم"), a
    circumstance ("خلال", "في", "ضمن", "عقب", "بمناسبة"), a conjunction opening a clause ("عندما", "بينما"), a
    reporting verb, a present-tense verb after the name or a post ("وزير", "رئيس") printed after it."""
    if position >= limit:
        return True
    token = tokens[position]
    if token.newline_before:
        return True
    if not token.is_word:
        return not token.is_number  # "عبدالحميد الدبيبة تخصيص 50 مليون": a number goes on a sentence
    bare = bare_key(token)
    if bare in TIME_WORDS or bare in CIRCUMSTANCE_PREPOSITIONS or bare in CLAUSE_CONJUNCTIONS \
            or bare in lx.COMPLEMENTIZERS \
            or bare in lx.PRONOUN_COMPLEMENTIZERS or bare in lx.REPORTING_VERBS or bare in lx.CIRCUMSTANCE_WORDS:
        return True
    if time_adverb_at(tokens, position, limit):
        return True  # "صباح اليوم", "مساء الجمعة"
    if token.key in lx.NOT_NAME_WORDS and token.key not in lx.SAME_WORDS:
        return True  # "في", "من", "على": a preposition
    if is_definite(token.key) and not token.key.startswith("ال"):
        return True  # "للوكالة", "بالمناسبة", "والوزير": a preposition or "and" with the article
    if token.key.startswith("ب") and not token.key.startswith(("بو", "بن", "بل")) and len(token.key) >= 5 \
            and strip_marks(token.text).endswith("ة"):
        return True  # "فلان باحترافية الصحافيين", "بزيارة": a prepositional phrase ("بلاده" is his country)
    return not token.key.startswith("ال") and (bare in lx.TITLE_WORDS or looks_like_present_verb(token))


_INNA = "\u0625\u0646"  # "إن" as printed, with the hamza under the alif


def family_name_before_inna(tokens: list[Token], position: int, limit: int) -> bool:
    """ "قال الوزير تيسفاي يلما إن ...": a word shaped like a present-tense verb (يـ...) right before "إن",
    printed with the hamza under the alif, is a family name: after "قال" the press opens what was said with
    "إن", which never follows a present-tense verb ("يرى أن", "يجب أن" take "أن")."""
    if position + 1 >= limit:
        return False
    after = tokens[position + 1]
    return not after.newline_before and after.text == _INNA


def name_apposed_after(tokens: list[Token], plain_end: int, limit: int) -> int | None:
    """ "رئيس الحكومة منتهية الولاية، عماد فهد الزين، إن": after what looked like a name, a comma, then a
    name of two words or more closed by a comma or "إن/أن". The name between commas is the person (press
    apposition); the words before the comma describe the post. Returns the end of that name, or None."""
    if plain_end + 2 >= limit or tokens[plain_end].text not in "،,":
        return None
    name_end = plain_name_end(tokens, plain_end + 1, limit)
    if name_end - (plain_end + 1) < 2 or name_end >= limit:
        return None
    after = tokens[name_end]
    if after.text in "،," or bare_key(after) in lx.COMPLEMENTIZERS or bare_key(after) in lx.PRONOUN_COMPLEMENTIZERS:
        return name_end
    return None


_NAME_MARKS = frozenset('"«»“”')


def name_in_marks_apposed(tokens: list[Token], position: int, limit: int) -> tuple[int, int, int] | None:
    """ 'وزير الشؤون الخارجية، "خميس الجهيناوي"، في تصريح'، 'المتحدث باسم الوزارة “محمد القبلاوي” إن': after a
    title, a comma or not, and a name of two words or more in quotation marks (a given name first, not a
    body's name with the article). The closing mark ends the name as a comma would, whatever follows it:
    'وزير الخارجية "فلان الفلاني" عدة لقاءات' (the verb's object), '... "فلان الفلاني" خلال' (where he spoke),
    'برئيس المجلس ” فلان الفلاني “.' (the sentence's end). Returns the name's first and end token and the token
    after the closing mark, or None."""
    if position + 3 >= limit:
        return None
    if tokens[position].text in "،," and tokens[position + 1].text in _NAME_MARKS:
        start = position + 2
    elif tokens[position].text in _NAME_MARKS and not tokens[position + 1].key.startswith("ال"):
        start = position + 1  # no comma: "الحزب" in marks after "رئيس" is his party, not his name
    else:
        return None
    end = plain_name_end(tokens, start, limit)
    if end - start < 2 or end >= limit or tokens[end].text not in _NAME_MARKS:
        return None
    after = tokens[end + 1] if end + 1 < limit else None
    if after is not None and after.text not in "،," and bare_key(after) not in lx.COMPLEMENTIZERS \
            and bare_key(after) not in lx.PRONOUN_COMPLEMENTIZERS and _opens_construct(tokens[position - 1]):
        return None  # 'مراسل قناة "صدى البلد" في': the marks name what the post's last word heads
    return start, end, end + 1


def family_name_in_marks(tokens: list[Token], position: int, limit: int) -> tuple[int, int, int] | None:
    """ 'أكد الوزير "كوستاس" للصحفيين': one word in quotation marks right after a post, a word that may be a name
    and has no article (a family name the press marks, as it marks the full name: "الجديد" after a post is what
    it is), is the holder's family name. Returns the word's token, the token after it and the token after the
    closing mark, or None."""
    if position + 2 >= limit or tokens[position].text not in _NAME_MARKS \
            or tokens[position + 2].text not in _NAME_MARKS:
        return None
    word = tokens[position + 1]
    if not word.is_word or not may_be_name(word) or is_definite(word.key) or word.newline_before \
            or is_place_or_body(word) or _opens_construct(tokens[position - 1]):
        return None
    return position + 1, position + 2, position + 3


def _opens_construct(token: Token) -> bool:
    """ "قناة", "وزارة", "رئيس" without the article: a body's head or a post's word in construct with what follows."""
    return token.is_word and not has_article(token.key) and (is_body_head(token) or bare_key(token) in lx.TITLE_WORDS)


def marked_name_before_post(tokens: list[Token], position: int, limit: int) -> tuple[int, int, int] | None:
    """ 'أكد “فلان الفلاني”، رئيس جمهورية كذا، عمق العلاقات': after a verb of speech, a name of two words or more
    in quotation marks (a given name first), then a comma and a post: the verb's subject, introduced with his
    post. Returns the name's first and end token and the token after the closing mark, or None."""
    if position < 1 or position + 4 >= limit or tokens[position].text not in _NAME_MARKS \
            or bare_key(tokens[position - 1]) not in lx.REPORTING_VERBS or tokens[position + 1].key.startswith("ال"):
        return None
    start = position + 1
    end = plain_name_end(tokens, start, limit)
    if end - start < 2 or end + 2 >= limit or tokens[end].text not in _NAME_MARKS or tokens[end + 1].text not in "،,":
        return None
    return (start, end, end + 1) if bare_key(tokens[end + 2]) in lx.TITLE_WORDS else None


def name_words_end(tokens: list[Token], index: int, limit: int) -> int:
    position = index
    if not may_be_name(tokens[position]) or opens_no_name(tokens, position, limit):
        return index
    position += compound_length(tokens, position, limit)
    if is_definite(name_word_key(tokens[index])) and not _son_of_at(tokens, position, limit):
        return position  # a family name alone ("السالمي"); "الحسين ولد مدو", "الحسين بن عبدالله" go on
    if _title_as_family_name(tokens, position, limit):
        return position + 1  # "الفريق كامل الوزير، نائب رئيس الوزراء": الوزير is his family name
    if _compound_given_name(tokens, position, limit):
        return position + 2  # "محمد الأمين العلوي": الأمين is part of his given name
    chain = _lineage_chain_end(tokens, index, limit)
    if chain:
        return chain  # "سلمان صباح سالم الحمود الصباح،": a Gulf name, fathers named without "بن"
    # After "بن/بنت" any word is a name ("علي" must not be read as the preposition "على").
    linked = False
    while position + 1 < limit and tokens[position].is_word and _son_of_at(tokens, position, limit):
        position += 1
        position += compound_length(tokens, position, limit)
        linked = True
    if linked and position + 1 < limit and not is_definite(tokens[position].key) \
            and tokens[position + 1].is_word and tokens[position + 1].key.startswith("ال"):
        return position  # "ناصر بن سلطان بن فيصل وفد الإعلاميين": a noun and its complement, not a name
    if position < limit and may_be_name(tokens[position]) and not tokens[position].newline_before \
            and not noun_and_adjective(tokens, position, limit) and not preposition_with_noun(tokens[position]) \
            and not preposition_phrase(tokens, position, limit):
        position += compound_length(tokens, position, limit)
        # "محمد مهدي بنسعيد أن": a third plain word when what follows cannot continue a name
        if (position + 1 < limit and tokens[index + 1].key not in lx.NAME_LINKS and may_be_name(tokens[position])
                and (not is_definite(tokens[position].key) or tokens[position].key.startswith("ال"))
                # "صباح الخالد لمراسلي «كونا»": after a family name with "ال", a word with لـ/بـ is a preposition's
                # ("هيثم الحاج علي" stays whole)
                and not (tokens[position - 1].key.startswith("ال") and tokens[position].key[:1] in "لب"
                         and not tokens[position].key.startswith("بو") and len(tokens[position].key) >= 5)
                and not joins_another(tokens, position - 1, position) and not opens_no_name(tokens, position, limit)
                and not tokens[position].newline_before and ends_name(tokens[position + 1])):
            position += 1
        # "نوال حسين بن سالم": a father's name then "بن" and the grandfather's or the family's
        while not linked and position - index == 2 and _son_of_at(tokens, position, limit) \
                and may_be_name(tokens[position + 1]):
            position += 1
            position += compound_length(tokens, position, limit)
    return with_regnal_teen(tokens, run_to_stop(tokens, index, position, limit), limit)  # "الدكتور سامر ...، وزير"


# "son of" between a given name and the father's: بن, and ولد in the Mauritanian press ("الحسين ولد مدو").
_WALAD = lx.key("ولد")
_SON_OF = lx.NAME_LINKS | {_WALAD}
_LINEAGE_WORDS = 5  # given name, father, grandfather, the house, the family


def _lineage_chain_end(tokens: list[Token], index: int, limit: int) -> int | None:
    """ "الشيخ سلمان صباح سالم الحمود الصباح، أن", "صباح الأحمد الجابر الصباح،": four or five name words
    without "بن", the last a family name with "ال", closed by a comma, "أن/إن", a title, or a time, a
    circumstance or a verb of speech ("أحمد ناصر المحمد الصباح أمس"): the Gulf press prints a person's fathers
    and house this way. None when the words make no such chain (then the usual rules read the name)."""
    position = index
    while position < limit and position - index < _LINEAGE_WORDS + 1:
        token = tokens[position]
        if not token.is_word or (token.newline_before and position > index) or not may_be_name(token) \
                or (is_definite(token.key) and not token.key.startswith("ال")) \
                or (position > index and preposition_phrase(tokens, position, limit)):
            break  # "مادورو لوسائل الإعلام الكوبية قبل": to whom he spoke, no father of his
        position += 1
    words = position - index
    if not 4 <= words <= _LINEAGE_WORDS or not tokens[position - 1].key.startswith("ال"):
        return None
    if tokens[index].key.startswith("ال"):
        return None  # the given name carries no article ("صباح الأحمد الجابر الصباح": the fathers may)
    if any(token.key == _TEEN or name_word_key(token) in _ORDINALS for token in tokens[index + 1:position]):
        return None  # "البابا يوحنا الثالث عشر السفراء اليوم": a regnal number ends the name, no father follows
    closer = tokens[position] if position < limit else None
    if closer is None or (closer.text not in "،," and bare_key(closer) not in lx.COMPLEMENTIZERS
                          and not _post_after(closer) and not _when_or_where(tokens, position, limit)):
        return None  # "د. جراهام عبد القادر الخبر المتداول عن ...": a verb's object, not his fathers
    return position


def _when_or_where(tokens: list[Token], position: int, limit: int) -> bool:
    """ "أحمد ناصر المحمد الصباح أمس إن"، "... الصباح خلال الاجتماع": a time, a circumstance or a verb of speech
    closes a name as a comma does (a plain preposition, "عن"، "من", may be a verb's object going on)."""
    token = tokens[position]
    bare = bare_key(token)
    return not token.newline_before and (bare in TIME_WORDS or bare in CIRCUMSTANCE_PREPOSITIONS
                                         or bare in lx.CIRCUMSTANCE_WORDS or bare in lx.REPORTING_VERBS
                                         or time_adverb_at(tokens, position, limit))


def _post_after(token: Token) -> bool:
    """ "... المبارك الجاسم وزير الداخلية": an indefinite post word printed right after the name closes it."""
    return not token.newline_before and token.key == bare_key(token) and token.key in lx.TITLE_WORDS \
        and not token.key.startswith("ال")


def _son_of_at(tokens: list[Token], position: int, limit: int) -> bool:
    """ "بن/بنت" then a word, or "ولد" then a word that may be a name ("ولد في" is "was born in")."""
    if position + 1 >= limit or not tokens[position + 1].is_word or tokens[position + 1].newline_before:
        return False
    if tokens[position].key in lx.NAME_LINKS:
        return True
    return tokens[position].key == _WALAD and may_be_name(tokens[position + 1])


def _title_as_family_name(tokens: list[Token], position: int, limit: int) -> bool:
    """A definite title word right after a given name, then a comma, the end of the phrase or a post ("الفريق
    كامل الوزير رئيس الهيئة": الوزير is his family name, his post follows)."""
    if position >= limit or not tokens[position].key.startswith("ال") or tokens[position].newline_before \
            or bare_key(tokens[position]) not in lx.TITLE_WORDS or tokens[position].key in lx.HONORIFICS:
        return False
    return position + 1 >= limit or tokens[position + 1].text in "،," or _post_after(tokens[position + 1])


def _compound_given_name(tokens: list[Token], position: int, limit: int) -> bool:
    """ "محمد الأمين العلوي": a definite title word after a given name, then a definite family name that is
    neither a title nor a body, then the end of the name."""
    if position + 1 >= limit or not _title_as_family_name(tokens, position, position + 1):
        return False
    family = tokens[position + 1]
    return (family.key.startswith("ال") and may_be_name(family) and not family.newline_before
            and (position + 2 >= limit or ends_name(tokens[position + 2])))


# A preposition glued to a noun that carries a hamza at its start: "لأردوغان", "بإسهاب" (no name opens so).
_PREPOSITION_AND_HAMZA = ("لأ", "لإ", "لآ", "بأ", "بإ", "بآ")


def preposition_with_noun(token: Token) -> bool:
    """Whether a word after a name's first word is a preposition glued to its noun, which never goes on
    a name in any language: "لـ/بـ" with the article ("تاناكا للصحفيين", "بالمناسبة"), with a noun
    opening on a hamza ("حسن لأردوغان") or with a feminine noun ("كولينز بلهجة حازمة"). A name read by
    its position only (a foreign family name no list knows) ends there. "بن", "بو-", "بل-" and "لـ"
    before a plain letter ("لعمامرة", "لشكر", "لافروف") stay name words."""
    if not token.is_word:
        return False
    key = token.key
    if is_definite(key) and key.startswith(("لل", "بال")):
        return True
    return strip_marks(token.text).startswith(_PREPOSITION_AND_HAMZA) or is_preposition_and_noun(token)


def preposition_phrase(tokens: list[Token], position: int, limit: int) -> bool:
    """Whether "لـ/بـ" glued to a noun opens a phrase at ``position`` after a name, as its next word shows:
    the noun in construct with a noun that has the article ("مادورو لوسائل الإعلام", "بشأن القضية"), or a
    feminine noun with its indefinite feminine adjective ("لفترة وجيزة", "بصورة واضحة"). A family name
    opening with لـ/بـ ("لعمامرة") is followed by neither in the press: a stop, a post or a verb."""
    if position + 1 >= limit:
        return False
    token, after = tokens[position], tokens[position + 1]
    key = token.key
    if not token.is_word or key[:1] not in "لب" or key.startswith(("بو", "بن", "بل", "لل", "بال")) or len(key) < 4:
        return False
    if after.newline_before or not after.is_word or after.start > token.end + 1:
        return False
    if key.startswith("ل") and after.key.startswith("ال") and len(after.key) >= 4 and bare_key(after) not in TIME_WORDS:
        return True
    return key.endswith("ه") and after.key.endswith("ه") and not is_definite(after.key) and len(after.key) >= 4


def ends_name(token: Token) -> bool:
    bare = bare_key(token)
    return (not token.is_word or bare in lx.COMPLEMENTIZERS or token.key in lx.NOT_NAME_WORDS
            or bare in CLAUSE_CONJUNCTIONS
            or bare in lx.PRONOUN_COMPLEMENTIZERS
            or bare in lx.TITLE_WORDS or bare in lx.REPORTING_VERBS or bare in lx.CIRCUMSTANCE_WORDS)


def compound_length(tokens: list[Token], position: int, limit: int) -> int:
    if tokens[position].key in _COMPOUND_NAME_STARTS and position + 1 < limit and tokens[position + 1].is_word:
        return 2
    if position + 1 < limit and tokens[position + 1].key in _COMPOUND_NAME_ENDS:
        return 2  # "محي الدين", "عبد الله" written apart
    return 1
