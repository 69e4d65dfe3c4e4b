"""Quotes laid out as a printed brief prints them: a quote block, then a line naming its speaker.

Owns the reading of a brief's quotes when an officer imports a colleague's brief (a PDF that
``archive.briefs`` wrote) back into an archive. A brief prints each quote as a block (direct speech in
«» or “”), then its attribution line: "— " and, joined by " · ", the speaker line ("honorific name،
title، organisation"), the event, the date, the source and, for reported speech, a note saying so.
None of these is a verb of speech, so the press rules found nothing in a brief.

- An attribution line begins with "— " and holds " · " (or names whoever said the marked block just
  above it); its first part is the speaker's. A right-to-left line on an English brief's page comes out
  of the PDF reordered, its dash at the end and its parts out of order ("2025 ،الساحل · فلان، مدير ...
  · ملتقى ... —"): the speaker's part is then the first with Arabic words and no digit (not a date, not
  the source with its date, not the note), one with a comma or an honorific first (a person's line)
  before the event's name. In the speaker's part the first piece is the person (an honorific or rank
  before the name kept apart), then the title, then the organisation; a lone piece that names a body
  ("فلان، وزارة الإعلام") is the organisation.
- The quote is the block just above: from its opening mark for direct speech; else (reported speech)
  the line just above, with every full line above it that wrapped into it (a line as long as the
  document's widest quote line, near enough): a heading or a date above the block is a short line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from archive.i18n import tr
from archive.importing import lexicon as lx
from archive.importing.people import PersonMention
from archive.importing.quote_match import QuoteMatch
from archive.importing.speakers import PeopleBook

_DASH = "—"
_PARTS = " · "
_OPENERS = "«“"
_CLOSERS = ("»", "”")
_FULL_LINE_SHARE = 0.75  # a wrapped line fills the column; a heading, a date or the block's last line need not
_MAX_BLOCK_LINES = 12
_ARABIC = re.compile(r"[\u0621-\u064A]")
_DIGIT = re.compile(r"[0-9\u0660-\u0669]")
_REASON = "a printed brief: a quote block, then the line naming its speaker"


@dataclass(frozen=True)
class _Line:
    start: int
    end: int  # without its line break
    text: str


@dataclass(frozen=True)
class BriefQuote:
    """A brief's quote: its match, and where its block ends (the end of the attribution line)."""

    match: QuoteMatch
    block_start: int
    block_end: int


def brief_quotes(text: str, book: PeopleBook) -> list[BriefQuote]:
    """The quotes of ``text`` laid out as a printed brief, in text order (none in a press article)."""
    if _DASH not in text:
        return []
    lines = _lines(text)
    attributions = [index for index, line in enumerate(lines) if _attribution_side(line.text) is not None]
    if not attributions:
        return []
    column = _column(lines, attributions)
    found: list[BriefQuote] = []
    taken = 0  # a line above belongs to one block only
    for index in attributions:
        block = _block_above(lines, index, taken, column)
        if block is None:
            continue
        quote = _quote(text, lines, block, index, book)
        if quote is not None:
            found.append(quote)
            taken = index + 1
    return found


def _lines(text: str) -> list[_Line]:
    """The lines of ``text`` with their offsets."""
    lines = []
    start = 0
    for line in text.split("\n"):
        lines.append(_Line(start, start + len(line), line))
        start += len(line) + 1
    return lines


def _attribution_side(line: str) -> str | None:
    """"start" or "end": the side of the line its dash is on, when the line is an attribution line."""
    side, _ = _attribution(line)
    return side


def _attribution(line: str) -> tuple[str | None, str]:
    """The side of its dash and the parts of an attribution line (without the dash), or (None, "")."""
    stripped = line.strip()
    if stripped.startswith(_DASH + " ") and len(stripped) > 3:
        return "start", stripped[len(_DASH):].strip()
    at = stripped.rfind(" " + _DASH)
    # a reordered line keeps its dash at the end; the note of reported speech wrapped after it may have been
    # joined to it ("... · فلان —  reported speech") when the page's lines were read as one column
    if at > 0 and _PARTS in stripped[:at] and set(stripped[at + 2:].split()) <= _note_words():
        return "end", stripped[:at].strip()
    return None, ""


def _column(lines: list[_Line], attributions: list[int]) -> int:
    """How long a full quote line is: the longest line of a marked block, or just above an attribution."""
    widest = 0
    for index in attributions:
        above, _ = _nearest_above(lines, index, 0)
        marked = above >= 0 and lines[above].text.strip().endswith(_CLOSERS)
        while above >= 0 and index - above <= _MAX_BLOCK_LINES:
            line = lines[above].text.strip()
            widest = max(widest, len(line))
            if not marked or not line or line[0] in _OPENERS:
                break
            above -= 1
    return widest


def _nearest_above(lines: list[_Line], index: int, taken: int) -> tuple[int, bool]:
    """The first line with text above line ``index`` (-1 when none after ``taken``), and whether a blank line
    came between: a PDF read with its paragraphs apart (the block and its attribution are two)."""
    above = index - 1
    while above >= taken and not lines[above].text.strip() and index - above <= 2:
        above -= 1
    if above < taken or not lines[above].text.strip():
        return -1, False
    return above, above < index - 1


def _block_above(lines: list[_Line], index: int, taken: int, column: int) -> tuple[int, int, bool] | None:
    """(first line, last line, marked) of the quote block above the attribution line ``index``."""
    last, _ = _nearest_above(lines, index, taken)
    if last < 0 or _attribution_side(lines[last].text):
        return None
    if lines[last].text.strip().endswith(_CLOSERS):
        first = last
        while first >= taken and last - first < _MAX_BLOCK_LINES and lines[first].text.strip():
            if lines[first].text.strip()[:1] in _OPENERS:
                return first, last, True
            first -= 1
        return None
    if _PARTS not in lines[index].text:
        return None  # a dash line without its parts after unmarked words: a list, not a brief
    first = last
    while first - 1 >= taken and last - first + 1 < _MAX_BLOCK_LINES and lines[first - 1].text.strip() \
            and len(lines[first - 1].text.strip()) >= _FULL_LINE_SHARE * column \
            and not _attribution_side(lines[first - 1].text):
        first -= 1
    return first, last, False


def _quote(text: str, lines: list[_Line], block: tuple[int, int, bool], index: int,
           book: PeopleBook) -> BriefQuote | None:
    first, last, marked = block
    start, end = lines[first].start, lines[last].end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if marked:
        start, end = start + 1, end - 1
    if len(text[start:end].split()) < 2:
        return None
    mention = _speaker(lines, index)
    if mention is None:
        return None
    speaker = book.add(mention)
    attribution = lines[index]
    words = text[start:end].replace("\n", " ")  # the block's lines were wrapped by the brief's layout
    match = QuoteMatch(words, start, end, "direct" if marked else "indirect", speaker, mention.title,
                       mention.organisation, "explicit", attribution.start, attribution.end, 0.9, _REASON)
    return BriefQuote(match, lines[first].start, attribution.end)


def _speaker_part(parts: list[str]) -> str | None:
    """The speaker's part of a reordered line (its parts out of order): Arabic words without a digit (not the
    date nor the source's date) that are not the reported-speech note; a person's line ("فلان، مدير ...") or
    one with an honorific before the event's name that a speaker's or selection brief prints after it."""
    candidates = [part for part in parts if _ARABIC.search(part) and not _DIGIT.search(part)
                  and not set(part.split()) <= _note_words()]
    personal = [part for part in candidates if "،" in part or lx.key(part.split()[0]) in lx.HONORIFICS]
    chosen = personal or candidates
    return chosen[0] if chosen else None


@cache
def _note_words() -> frozenset[str]:
    """The words of the note a brief prints after reported speech (archive.briefs.sections), in each language a
    brief is printed in."""
    return frozenset(word for language in ("ar", "en") for word in tr("reported speech", language=language).split())


def _is_body(piece: str) -> bool:
    """ "وزارة الإعلام" is a body; "مؤسسة شركة مدى" is a post and the body it heads (a founder's)."""
    words = [lx.key(word) for word in piece.split()[:2]]
    return words[0] in lx.ORGANISATION_HEADS and not (len(words) > 1 and words[1] in lx.ORGANISATION_HEADS)


def _speaker(lines: list[_Line], index: int) -> PersonMention | None:
    """Who the attribution line names: its part beside the dash ("honorific name، title، organisation")."""
    line = lines[index]
    side, body = _attribution(line.text)
    parts = [part.strip() for part in body.split(_PARTS.strip())]
    part = parts[0] if side == "start" else _speaker_part(parts)
    if not part:
        return None
    offset = line.start + line.text.find(part)
    pieces = [piece.strip() for piece in part.split("،")]
    who = pieces[0].split()
    if not who:
        return None
    if lx.key(who[0]) in lx.ORGANISATION_HEADS:  # "وزارة الإعلام": a body's statement
        return PersonMention("name", pieces[0], None, None, pieces[0], offset, offset + len(part))
    honorifics = 0
    while honorifics < len(who) - 1 and (lx.key(who[honorifics]) in lx.HONORIFICS
                                         or lx.key(who[honorifics]) in lx.RANKS):
        honorifics += 1
    name = " ".join(who[honorifics:])
    honorific = " ".join(who[:honorifics]) or None
    rest = [piece for piece in pieces[1:] if piece]
    if len(rest) == 1 and _is_body(rest[0]):
        rest = ["", *rest]  # "فلان، وزارة الإعلام": an organisation and no title
    title = rest[0] if rest and rest[0] else None
    organisation = "، ".join(rest[1:]) or None
    return PersonMention("name", name, honorific, title, organisation, offset, offset + len(part))
