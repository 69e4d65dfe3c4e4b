"""Sessions inside an event: panels, workshops, talks, as the article names them.

A session noun ("حلقة نقاشية", "ورشة عمل", "الجلسة الحوارية", "محاضرة", ...) proposes a session
of its kind; a title in quotation marks or parentheses right after it ("ورشة “الحضور الرقمي ...”")
or after "بعنوان"/"تحت عنوان:" becomes the session title. A session named by its place in the
programme ("الجلسة الافتتاحية", "الجلسة الأولى", "الجلسة الختامية") is one of kind "other" with that
name as its title. One proposal per distinct kind and title, at its first mention.

``session_at`` places a quote or figure in a session: the one whose mention comes before it in the
same paragraph (the nearest such mention). Press reports tell a session in the paragraph that names
it ("وفي الجلسة الحوارية ... قال ..."); anything outside that paragraph is left with the event, for
the officer to place.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from archive.importing import lexicon as lx
from archive.importing.tokens import QUOTE_CLOSERS, Token, strip_prefix
from archive.text.ordinals import find_ordinals

if TYPE_CHECKING:  # extraction imports this module: the proposal type is named for the checker only
    from archive.importing.extraction import SessionProposal

_TITLE_INTRODUCERS = {lx.key(word) for word in ("بعنوان", "تحت", "عنوان")}
_TITLE_CLOSERS = {**QUOTE_CLOSERS, "(": ")"}
_SESSION = {lx.key("جلسة"), lx.key("الجلسة")}
# "الجلسة الافتتاحية", "الجلسة الختامية": a session named by its place in the programme.
_PLACE_IN_PROGRAMME = {lx.key(word) for word in ("الافتتاحية", "افتتاحية", "الختامية", "ختامية")}
_ORDINAL_REACH = 40  # characters: "الجلسة الحادية عشرة"


def find_sessions(text: str, tokens: list[Token]) -> list[SessionProposal]:
    """Session proposals, in text order."""
    from archive.importing.extraction import SessionProposal

    seen: set[tuple[str, str | None]] = set()
    sessions: list[SessionProposal] = []
    for index, token in enumerate(tokens):
        matched = _session_noun_at(tokens, index) or _session_in_programme_at(text, tokens, index)
        if matched is None:
            continue
        kind, length = matched
        title_span = _title_after(text, tokens, index + length)
        if title_span is None and kind == "other":
            title_span = (token.start + _prefix_length(token), tokens[index + length - 1].end)
        title = text[title_span[0]:title_span[1]] if title_span else None
        if (kind, title) in seen or (title is None and any(k == kind for k, _ in seen)):
            continue
        seen.add((kind, title))
        end = title_span[1] + 1 if title_span and title_span[1] > tokens[index + length - 1].end \
            else tokens[index + length - 1].end
        confidence = 0.8 if title else 0.55
        reason = "session noun" + (" with a title" if title else "")
        sessions.append(SessionProposal(kind, title, text[token.start:end], token.start, end, confidence, reason))
    return sessions


def session_at(text: str, sessions: Sequence[SessionProposal], position: int) -> int | None:
    """Index in ``sessions`` of the session a quote or figure starting at ``position`` was given in, or None."""
    paragraph_start = text.rfind("\n", 0, position) + 1
    found = None
    for index, session in enumerate(sessions):
        inside = paragraph_start <= session.start and session.end <= position
        if inside and (found is None or session.start > sessions[found].start):
            found = index
    return found


def _phrases_by_first_word() -> dict[str, list[tuple[int, list[str], str]]]:
    """Session nouns by their first word: (place in ``lx.SESSION_NOUNS``, words, kind)."""
    phrases: dict[str, list[tuple[int, list[str], str]]] = {}
    for place, (phrase, kind) in enumerate(lx.SESSION_NOUNS):
        words = phrase.split()
        phrases.setdefault(words[0], []).append((place, words, kind))
    return phrases


_PHRASES_BY_FIRST_WORD = _phrases_by_first_word()  # looked up per token, not tried one by one


def _session_noun_at(tokens: list[Token], index: int) -> tuple[str, int] | None:
    # The first word may carry a prefix ("وورشة", "بالجلسة"), or begin with a letter that only
    # looks like one ("ورشة", "ورقة"): try it both ways. The earliest phrase of the lexicon wins.
    first = tokens[index].key
    candidates = _PHRASES_BY_FIRST_WORD.get(first, [])
    stripped = strip_prefix(first)
    if stripped != first:
        candidates = candidates + _PHRASES_BY_FIRST_WORD.get(stripped, [])
    for _, words, kind in sorted(candidates, key=lambda candidate: candidate[0]):
        if index + len(words) > len(tokens):
            continue
        if all(tokens[index + offset].key == word for offset, word in enumerate(words[1:], start=1)):
            return kind, len(words)
    return None


def _session_in_programme_at(text: str, tokens: list[Token], index: int) -> tuple[str, int] | None:
    """ "الجلسة الافتتاحية", "والجلسة الأولى", "الجلسة الحادية عشرة": ("other", words used), or None."""
    if strip_prefix(tokens[index].key, "وفب") not in _SESSION and tokens[index].key not in _SESSION:
        return None
    following = index + 1
    if following >= len(tokens) or not tokens[following].is_word or tokens[following].newline_before:
        return None
    if tokens[following].key in _PLACE_IN_PROGRAMME:
        return "other", 2
    found = find_ordinals(text[tokens[following].start:tokens[following].start + _ORDINAL_REACH])
    if not found or found[0].start != 0:
        return None
    end = following
    while end < len(tokens) and tokens[end].end <= tokens[following].start + found[0].end:
        end += 1
    return "other", end - index


def _prefix_length(token: Token) -> int:
    """Letters glued before "الجلسة" ("والجلسة", "بالجلسة") or "جلسة", left out of its name."""
    for noun in ("الجلسه", "جلسه"):
        if token.key.endswith(noun):
            return len(token.key) - len(noun)
    return 0


def _title_after(text: str, tokens: list[Token], position: int) -> tuple[int, int] | None:
    """The span of a title in quotation marks or parentheses at ``position``, after "بعنوان",
    "تحت عنوان" or "عنوان:" if any."""
    for _ in range(2):
        if position < len(tokens) and tokens[position].key in _TITLE_INTRODUCERS:
            position += 1
    if position < len(tokens) and tokens[position].text == ":":
        position += 1
    if position >= len(tokens) or tokens[position].text not in _TITLE_CLOSERS:
        return None
    opener = tokens[position]
    line_end = text.find("\n", opener.end)
    closer = text.find(_TITLE_CLOSERS[opener.text], opener.end, len(text) if line_end < 0 else line_end)
    if closer < 0 or closer - opener.end > 200:
        return None
    return opener.end, closer
