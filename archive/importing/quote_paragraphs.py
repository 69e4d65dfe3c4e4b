"""A paragraph that is all in quotation marks: more of a speaker's words, with no attribution of its own.

Owns one form of the press's long quotations (speeches, homilies, press conferences, interviews):
after a paragraph that quotes a speaker, or one that names who speaks ("رفض الرئيس ... اقتراح ..."),
the next paragraphs give his words in marks, each opening with the mark and printed without a verb
of speech ("“نريد إحياء وتعميق شراكاتنا ...”."). Such a paragraph is a quote of the speaker the
trail gives (the subject of a sentence after the last quote, else the last speaker), kind
``direct``, attribution ``continuation``. A paragraph whose quotation is followed by its own
attribution ("«...»، قال فلان") is read by ``line_quotes`` first; the article's first line (a
headline) and a paragraph with nobody quoted or named before it are left alone.
"""

from __future__ import annotations

from dataclasses import replace

from archive.importing.line_quotes import below_reader_pointer
from archive.importing.quote_attribution import continuing
from archive.importing.quote_match import QuoteMatch
from archive.importing.quote_openings import Opening
from archive.importing.quote_spans import OPENING_MARKS, colon_span, quote_words
from archive.importing.speaker_trail import SpeakerTrail
from archive.importing.tokens import Token

_MIN_WORDS = 4  # a paragraph of a few words in marks is a heading or a slogan, not speech
_AFTER_CLOSE = " \t.!؟?،,:؛"  # what may follow the closing mark on its line


def paragraph_in_marks(text: str, tokens: list[Token], index: int, trail: SpeakerTrail) -> QuoteMatch | None:
    """The quote of the paragraph opening with the mark at ``tokens[index]``, when its words in marks fill the
    paragraph, else None."""
    token = tokens[index]
    if index == 0 or not token.newline_before or token.text not in OPENING_MARKS:
        return None
    if below_reader_pointer(text, token.start):
        return None  # "اقرأ أيضا:" above it: the linked article's title, no one's words
    start, end, closed = quote_words(text, token.start)
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if closed and text[end:line_end].lstrip(_CLOSERS).strip(_AFTER_CLOSE):
        return None  # "«...»، قال فلان" or words of the reporter's after the marks
    if not closed:  # the words end with the paragraph or where a sentence of the reporter's starts
        start, end = colon_span(text, token.start + 1)
    if len(text[start:end].split()) < _MIN_WORDS:
        return None
    found = continuing(text, tokens, index, Opening(token.start, "direct", index), trail)
    if found is None or found.speaker is None:
        return None
    return replace(found, text=text[start:end], start=start, end=end, confidence=min(found.confidence, 0.45),
                   reason="a paragraph all in marks after the speaker's: more of his words")


_CLOSERS = "”»\"“«'’"
