"""Numbers and figures as Arabic press text writes them.

Owns reading a number wherever it appears: Latin or Arabic-Indic digits (glued to letters or
not, in parentheses or not), number words ("خمسة وعشرون", "ثلاثمائة"), scale words
("15 مليون", "ثمانية ملايين", "نصف مليار", "مليار ونصف") and, for figures, the unit that follows
(percent, a currency, or the counted noun) and the approximation before it ("أكثر من", "نحو").

Separators in digit groups (documented rule):
- ``٫`` is always a decimal point; ``٬`` is read like ``,``.
- ``,`` is a thousands separator when every group after it has exactly 3 digits
  ("1,500,000"); otherwise a comma between digits is a decimal comma ("3,9" = 3.9).
- ``.`` is a decimal point, except when two or more groups of exactly 3 digits follow
  ("1.500.000" = 1500000). "1.500" is therefore 1.5, which is how "1.500 مليون" reads.
- A space (also no-break or narrow no-break) before groups of exactly 3 digits joins thousands
  ("250 000", "1 000 000"), except after a group led by 0 ("0 200 400") and in three or more values rising
  by one round step ("200 400 600 800": an axis or a price list), which are separate numbers.
- Anything else ("1.2.3", "12.5.2024") is read as separate integers; dates are ``dates``' job.

Vague plurals with no count ("آلاف الزوار", "ملايين") and "أحد"/"إحدى" ("one of") are not
numbers. Fractions count only next to a scale word ("نصف مليار", "مليار ونصف").

Spans: a number's span covers its digits or words and its scale words ("15 مليون"), starts at
"(" when parenthesised digits are followed by a scale ("(15) مليون"), and at the opening quotation mark
when digits alone in marks are («5» مليارات: ``ENCLOSING_MARKS``), and leaves out glued
letters around it ("وخمسة" → "خمسة", "يقارب80%" → "80", "الحكومية2024" → "2024").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from archive.text import _number_lexicon as lex
from archive.text.normalize import normalize_with_offsets, original_span, strip_diacritics


@dataclass(frozen=True)
class NumberMatch:
    """A number found in text: ``text == source[start:end]``."""

    start: int
    end: int
    value: float
    text: str


@dataclass(frozen=True)
class Figure:
    """A figure as stated: its value, unit, approximation and where it is.

    ``unit`` is "percent", an ISO currency code, or the counted noun as written (harakat
    removed), or None. ``number_text`` is the number itself as written ("(15) مليون", "80");
    ``text``/``start``/``end`` cover the whole figure from the approximation to the unit
    ("لأكثر من (15) مليون مستخدم", "ما يقارب80% من الأفراد").
    """

    value: float
    unit: str | None
    approximation: str | None
    number_text: str
    text: str = ""
    start: int = 0
    end: int = 0


# "250 000", "3\u202f000": thousands grouped by one space, no-break or narrow no-break space (unless
# ``_is_spaced_thousands`` says the groups are separate numbers).
_SPACED_DIGITS = r"(?<!\d)\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d|[.,]\d)"
_UNSPACED_TOKEN = r"\d+(?:[.,]\d+)*|[\u0621-\u064a]+"
_TOKEN = re.compile(_SPACED_DIGITS + "|" + _UNSPACED_TOKEN)
_UNSPACED = re.compile(_UNSPACED_TOKEN)
_GROUP_SPACE = re.compile("[ \u00a0\u202f]")
_GAP = re.compile(r"[^\S\n]*")
_CLOSING_PAREN_GAP = re.compile(r"[^\S\n]*\)[^\S\n]*")
_OPENING_PAREN_BEFORE = re.compile(r"\([^\S\n]*$")
# Digits set apart in quotation marks («5» مليارات، " 1500 " من الشباب, typed either way round): each opening
# mark and the marks that close it. The number reads on through the closing mark, as through ")".
ENCLOSING_MARKS = {"«": "»", "»": "«", '"': '"', "“": "”“", "”": "”“"}
_MARK_BEFORE = re.compile(r"([«»\"“”])[^\S\n]*$")
_MARK_AFTER = re.compile(r"[^\S\n]*([«»\"“”])[^\S\n]*")
_THOUSANDS_SPACE = re.compile(_SPACED_DIGITS)
_THOUSANDS_COMMA = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_THOUSANDS_DOT = re.compile(r"\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?")
_DECIMAL = re.compile(r"\d+(?:[.,]\d+)?")
_INTEGER = re.compile(r"\d+")


@dataclass(frozen=True)
class _Token:
    start: int  # in the folded text, after any glued prefix letters
    end: int
    kind: str
    value: float
    conjunction: bool  # written with a glued و ("وعشرون")
    definite: bool  # written with ال ("المليون"), only meaningful for scales
    word_start: int  # where the written word starts, glued prefix included


def format_value(value: float | None, unit: str | None = None) -> str:
    """A parsed figure for reading: 15000000 -> "15,000,000", 0.5 -> "0.5", percent as "80%".

    Currency codes and counted nouns follow the number as they are ("3,900,000,000 USD",
    "15,000,000 مستخدم"). Digits are Latin, as everywhere else in the app.
    """
    if value is None:
        return ""
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.3f}".rstrip("0").rstrip(".")
    if not unit:
        return number
    return f"{number}%" if unit == "percent" else f"{number} {unit}"


def parse_number(text: str) -> float | None:
    """The value of the first number in ``text`` ("(15) مليون" → 15e6, "خمسة آلاف" → 5000), or None."""
    matches = find_numbers(text)
    return matches[0].value if matches else None


def find_numbers(text: str) -> list[NumberMatch]:
    """Every number in running text, in order, with offsets into ``text`` (dates and years included)."""
    folded, offsets = normalize_with_offsets(text)
    results = []
    for start, end, value in _scan(folded):
        original_start, original_end = original_span(offsets, start, end)
        results.append(NumberMatch(original_start, original_end, value, text[original_start:original_end]))
    return results


def parse_figure(text: str) -> Figure | None:
    """The first figure in ``text`` with its unit and approximation, or None when there is no number."""
    figures = find_figures(text)
    return figures[0] if figures else None


def find_figures(text: str) -> list[Figure]:
    """Every number in ``text`` read as a figure (dates and ordinals included: filter with their spans)."""
    folded, offsets = normalize_with_offsets(text)
    return [_figure(text, folded, offsets, start, end, value) for start, end, value in _scan(folded)]


# --- scanning ---------------------------------------------------------------------------------


def _scan(folded: str) -> list[tuple[int, int, float]]:
    """(start, end, value) of every number in folded text."""
    found: list[tuple[int, int, float]] = []
    chain: list[_Token] = []
    for match in _tokens(folded):
        token = _classify(match)
        if token is None or token.kind == "unreadable_digits" or (chain and not _joined(chain[-1], token, folded)):
            found.extend(_parse_chain(chain, folded))
            chain = []
        if token is None:
            continue
        if token.kind == "unreadable_digits":  # "12.5.2024", "1.2.3": separate integers
            found.extend((piece.start(), piece.end(), float(piece.group()))
                         for piece in _INTEGER.finditer(folded, token.start, token.end))
            continue
        chain.append(token)
    found.extend(_parse_chain(chain, folded))
    return _join_groups_after_scales(folded, found)


def _tokens(folded: str) -> Iterator[re.Match[str]]:
    """Digit groups and words of folded text; spaced groups that are no thousands number come one by one."""
    for match in _TOKEN.finditer(folded):
        if match.group()[0].isdigit() and _GROUP_SPACE.search(match.group()) \
                and not _is_spaced_thousands(match.group()):
            yield from _UNSPACED.finditer(folded, match.start(), match.end())
        else:
            yield match


def _is_spaced_thousands(digits: str) -> bool:
    """Whether space-separated groups read as one number: "1 000 000", "250 000", "12 345 678" do; a row
    led by 0 ("0 200 400") and three or more values rising by one round step ("200 400 600", "100 150 200":
    axis ticks or price steps) are separate numbers. The step must be round (a multiple of 5): "12 345 678"
    rises by 333 and is one number."""
    groups = _GROUP_SPACE.split(digits)
    if groups[0].startswith("0"):
        return False
    values = [int(group) for group in groups]
    steps = {after - before for before, after in pairwise(values)}
    return not (len(values) >= 3 and len(steps) == 1 and (step := steps.pop()) > 0 and step % 5 == 0)


_AND_GAP = re.compile(r"[^\S\n]*و[^\S\n]*")
_LAST_WORD = re.compile(r"[\u0621-\u064a]+$")


def _join_groups_after_scales(folded: str, found: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """ "3 ملايين و500 ألف", "مليونان و300 ألف": digits after "و" and a scale word, smaller than the scale,
    add to the number before (number words join this way already, in ``_WordNumber``)."""
    joined: list[tuple[int, int, float]] = []
    for start, end, value in found:
        if joined and folded[start:start + 1].isdigit():
            previous_start, previous_end, previous_value = joined[-1]
            scale = _last_scale(folded[previous_start:previous_end])
            gap = _AND_GAP.fullmatch(folded, previous_end, start)
            if scale is not None and gap is not None and value < scale:
                joined[-1] = (previous_start, end, previous_value + value)
                continue
        joined.append((start, end, value))
    return joined


def _last_scale(number: str) -> float | None:
    """The value of the scale word a number ends with ("3 ملايين" → 10^6), or None."""
    word = _LAST_WORD.search(number)
    form = lex.WRITTEN_FORMS.get(word.group()) if word else None
    return form[2] if form is not None and form[1] in lex.SCALE_KINDS else None


def _classify(match: re.Match[str]) -> _Token | None:
    """What a word or digit group is as part of a number, or None when it is not part of one."""
    word = match.group()
    start, end = match.span()
    if word[0].isdigit():
        value = _digits_value(word)
        kind = "digits" if value is not None else "unreadable_digits"
        return _Token(start, end, kind, value or 0.0, False, False, start)
    form = lex.WRITTEN_FORMS.get(word)
    if form is None:
        return None
    prefix_length, kind, value, definite = form
    return _Token(start + prefix_length, end, kind, value, prefix_length > 0 and word[0] == "و", definite, start)


def _joined(previous: _Token, token: _Token, folded: str) -> bool:
    """Whether two tokens are close enough to belong to one number expression."""
    gap = _GAP.match(folded, previous.end)  # matches always: the gap may be empty
    if gap is not None and gap.end() >= token.word_start:
        return True
    if previous.kind != "digits":
        return False
    closing = _CLOSING_PAREN_GAP.match(folded, previous.end)
    if closing is not None and closing.end() >= token.word_start \
            and _OPENING_PAREN_BEFORE.search(folded, max(0, previous.start - 4), previous.start) is not None:
        return True
    marks = _marks_around(folded, previous.start, previous.end)
    return marks is not None and marks[1] >= token.word_start


def _marks_around(folded: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the quotation marks around the digits ``folded[start:end]`` begin and end (spaces after the
    closing mark included), or None when the digits stand alone between no pair of marks."""
    opening = _MARK_BEFORE.search(folded, max(0, start - 4), start)
    closing = _MARK_AFTER.match(folded, end)
    if opening is None or closing is None or closing.group(1) not in ENCLOSING_MARKS[opening.group(1)]:
        return None
    return opening.start(1), closing.end()


def _parse_chain(chain: list[_Token], folded: str) -> list[tuple[int, int, float]]:
    found = []
    index = 0
    while index < len(chain):
        parsed = _parse_expression(chain, index)
        if parsed is None:
            index += 1
            continue
        value, next_index = parsed
        start, end = chain[index].start, chain[next_index - 1].end
        if chain[index].kind == "digits" and next_index - index > 1:
            marks = _marks_around(folded, start, chain[index].end)
            start = marks[0] if marks is not None else _include_opening_paren(folded, start)
        found.append((start, end, value))
        index = next_index
    return found


def _include_opening_paren(folded: str, start: int) -> int:
    paren = _OPENING_PAREN_BEFORE.search(folded, max(0, start - 4), start)
    return paren.start() if paren else start


def _parse_expression(chain: list[_Token], index: int) -> tuple[float, int] | None:
    """Read one number starting at ``chain[index]``: (value, index after it), or None.

    Keeps the longest reading that was complete: "مائة وأحد" stops at "مائة" rather than
    failing on the unfinished "أحد".
    """
    if chain[index].kind == "digits":
        return _parse_digit_expression(chain, index)
    state = _WordNumber()
    best: tuple[float, int] | None = None
    position = index
    while position < len(chain) and state.accept(chain[position], first_token=position == index):
        position += 1
        value = state.value()
        if value is not None:
            best = (value, position)
    return best


def _parse_digit_expression(chain: list[_Token], index: int) -> tuple[float, int]:
    """Digits, then any scale words: "15 مليون", "(15) مليون", "3.9 مليار"."""
    state = _WordNumber(current=chain[index].value, last_kind="digits")
    position = index + 1
    while position < len(chain) and state.accept(chain[position], first_token=False):
        position += 1
    return state.total + state.current, position


def _digits_value(digits: str) -> float | None:
    if _THOUSANDS_SPACE.fullmatch(digits):
        return float(re.sub(r"\D", "", digits))
    if _THOUSANDS_COMMA.fullmatch(digits):
        return float(digits.replace(",", ""))
    if _THOUSANDS_DOT.fullmatch(digits):
        return float(digits.replace(".", "").replace(",", "."))
    if _DECIMAL.fullmatch(digits):
        return float(digits.replace(",", "."))
    return None


# "عشرة" alone behaves like a unit, "مائة" alone like a hundreds word.
_GROUP_KIND = {"ten": "unit", "hundred_multiplier": "hundreds"}


class _WordNumber:
    """Accumulates number words left to right, the way "one hundred fifty thousand" is read."""

    def __init__(self, current: float = 0.0, last_kind: str | None = None) -> None:
        self.total = 0.0
        self.current = current
        self.last_kind = last_kind
        self.last_value = current
        self.last_scale: float | None = None
        self.complete = last_kind == "digits"

    def value(self) -> float | None:
        return self.total + self.current if self.complete else None

    def accept(self, token: _Token, first_token: bool) -> bool:
        if token.kind == "digits":
            return False
        if first_token:
            return self._start(token)
        if token.kind in lex.SCALE_KINDS:
            return self._scale(token)
        if token.kind == "ten" and not token.conjunction and self.last_kind in ("unit", "teen_head"):
            return self._teen(token)
        if token.kind == "hundred_multiplier" and not token.conjunction and self.last_kind == "unit":
            return self._multiply_hundred(token)
        if token.conjunction:
            return self._conjoined(token)
        return False

    def _set(self, kind: str, value: float, complete: bool = True) -> bool:
        self.last_kind, self.last_value, self.complete = kind, value, complete
        return True

    def _start(self, token: _Token) -> bool:
        if token.definite or token.kind == "scale_plural":
            return False
        if token.kind in ("scale", "scale_dual"):
            multiplier = 2.0 if token.kind == "scale_dual" else 1.0
            self.total, self.last_scale = multiplier * token.value, token.value
            return self._set("scale", token.value)
        self.current = token.value
        complete = token.kind not in ("fraction", "teen_head")
        return self._set(_GROUP_KIND.get(token.kind, token.kind), token.value, complete)

    def _scale(self, token: _Token) -> bool:
        if token.conjunction or self.last_kind in ("scale", "teen_head") or self.current <= 0:
            return self._half_of_scale(token)
        if token.definite and self.last_kind != "fraction":
            return False
        if token.kind == "scale_dual" and self.last_kind not in ("fraction",):
            return False
        if self.last_scale is not None and token.value >= self.last_scale:
            return False
        self.total += self.current * token.value
        self.current, self.last_scale = 0.0, token.value
        return self._set("scale", token.value)

    def _half_of_scale(self, token: _Token) -> bool:
        """"مليون ونصف المليون": the scale repeated after a fraction adds nothing more."""
        if self.last_kind == "scale_fraction" and token.definite and token.value == self.last_scale:
            return self._set("scale", token.value)
        return False

    def _teen(self, token: _Token) -> bool:
        """"خمسة عشر", "مائة وإحدى عشرة": the unit just read becomes a teen."""
        if not 1 <= self.last_value <= 9:
            return False
        self.current += 10
        return self._set("teen", self.current)

    def _multiply_hundred(self, token: _Token) -> bool:
        if not 3 <= self.current <= 9:
            return False
        self.current *= 100
        return self._set("hundreds", self.current)

    def _conjoined(self, token: _Token) -> bool:
        if token.kind == "fraction" and self.last_kind == "scale" and self.last_scale:
            self.total += token.value * self.last_scale
            return self._set("scale_fraction", token.value)
        if token.kind == "tens" and self.last_kind == "unit" and 1 <= self.current % 100 <= 9:
            self.current += token.value
            return self._set("tens", token.value)
        if token.kind in ("unit", "ten", "teen_head", "tens", "hundreds", "hundred_multiplier"):
            return self._conjoined_group(token)
        return False

    def _conjoined_group(self, token: _Token) -> bool:
        """"مائة وخمسة", "ألف وخمسمائة": a smaller group added after hundreds or a scale."""
        if self.last_kind == "scale":
            limit = self.last_scale or 0.0
        elif self.last_kind == "hundreds":
            limit = 100.0
        else:
            return False
        if token.value >= limit:
            return False
        self.current += token.value
        return self._set(_GROUP_KIND.get(token.kind, token.kind), token.value, token.kind != "teen_head")


# --- figures ----------------------------------------------------------------------------------


def _figure(text: str, folded: str, offsets: Sequence[int], start: int, end: int, value: float) -> Figure:
    unit, noun_span, figure_end = _unit_after(folded, end)
    figure_start = start
    if unit is None and noun_span is None:
        unit, figure_start = _unit_before(folded, start)
    approximation, approximation_start = _approximation_before(folded, figure_start)
    if approximation is None:
        after = lex.APPROXIMATION_AFTER.match(folded, figure_end)
        if after:
            approximation, figure_end = "about", after.end()
    if noun_span is not None:
        noun_start, noun_end = original_span(offsets, *noun_span)
        unit = strip_diacritics(text[noun_start:noun_end])
    number_start, number_end = original_span(offsets, start, end)
    whole_start, whole_end = original_span(offsets, min(approximation_start, figure_start), figure_end)
    return Figure(
        value=value,
        unit=unit,
        approximation=approximation,
        number_text=text[number_start:number_end],
        text=text[whole_start:whole_end],
        start=whole_start,
        end=whole_end,
    )


def _unit_after(folded: str, end: int) -> tuple[str | None, tuple[int, int] | None, int]:
    """(unit code, span of a counted noun, end of the figure) for what follows a number."""
    percent = lex.PERCENT_AFTER.match(folded, end)
    if percent:
        partitive = lex.PARTITIVE.match(folded, percent.end())
        return "percent", None, partitive.end() if partitive else percent.end()
    currency = lex.CURRENCY_AFTER.match(folded, end)
    if currency:
        code = lex.currency_code(currency)
        if code is not None:
            return code, None, currency.end()
        return None, currency.span("word"), currency.end()
    for pattern in (lex.PARTITIVE, lex.COUNTED_NOUN):
        noun = pattern.match(folded, end)
        if noun and noun.group("noun") not in lex.NOT_COUNTED_NOUNS:
            return None, noun.span("noun"), noun.end()
    return None, None, end


def _unit_before(folded: str, start: int) -> tuple[str | None, int]:
    """A percent sign or currency symbol written before the digits ("%80", "$100")."""
    window_start = max(0, start - 4)
    percent = lex.PERCENT_BEFORE.search(folded, window_start, start)
    if percent:
        return "percent", percent.start()
    currency = lex.CURRENCY_BEFORE.search(folded, window_start, start)
    if currency:
        return lex.currency_code(currency), currency.start()
    return None, start


def _approximation_before(folded: str, start: int) -> tuple[str | None, int]:
    match = lex.APPROXIMATION_BEFORE.search(folded, max(0, start - 40), start)
    if match is None:
        return None, start
    for kind in ("less_than", "more_than", "about"):
        if match.group(kind):
            return kind, match.start("phrase")
    return None, start
