"""The "did you mean" of a query that found nothing: the closest indexed words to its words.

Whoosh's own ``terms_within`` computes an edit distance in Python against every term of the
field (seconds for an archive of 100k records, on every query that finds nothing, which while
typing is often). Here the field's words are read once per index reader (segment by segment,
cheaper than Whoosh's merged lexicon) and compared with rapidfuzz's edit distance in C: tens of
milliseconds at that size. A segment never changes once written, so its words are cached by
segment id and an edit (a new small segment) only reads the new segment's words. Words shorter
than three letters get no suggestion: at one or two edits almost every word is their neighbour;
nor do numbers, whose neighbours are other figures (2024 is not a misspelled 2000). Words of up
to five letters are corrected by one edit at most: at two they reach other words (كوفيد → توحيد).

Indexed words are normalized (الاعلام, الحكوميه); a suggestion shows the word as the archive
writes it (الإعلام, الحكومية), taken from a record that holds it.
"""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict
from itertools import islice
from typing import TYPE_CHECKING, Any

from rapidfuzz import process
from rapidfuzz.distance import OSA
from whoosh.reading import TermNotFound

from search.analysis import iter_tokens, strip_marks, word_forms
from search.postings import segment_id

if TYPE_CHECKING:
    from search.query import ParsedQuery

FIELD = "exact"
MIN_WORD_LENGTH = 3
MAX_DISTANCE = 2
SHORT_WORD_LENGTH = 5  # words this long or shorter are corrected by one edit at most
CANDIDATES = 30
WRITTEN_FORM_RECORDS = 5  # records read to learn how a suggested word is written

_vocabularies: OrderedDict[str, list[str]] = OrderedDict()  # segment id -> its words
_lock = threading.Lock()
_CACHED_SEGMENTS = 64


def suggest_spelling(reader: Any, parsed: ParsedQuery, query_text: str) -> str:
    """The query with each unknown word replaced by the closest (then most frequent) indexed word, or ""."""
    replacements: dict[str, str] = {}
    words = parsed.words()
    # The word still being typed is corrected only when no indexed word starts with it.
    if parsed.prefix_word is not None and not next(iter(reader.expand_prefix(FIELD, parsed.prefix)), None):
        words.append(parsed.prefix_word)
    for word in words:
        bare = word.bare
        if not bare or len(bare) < MIN_WORD_LENGTH or any(reader.doc_frequency("text", stem) for stem in word.stems):
            continue
        if any(char.isdigit() for char in bare):
            continue  # a number (2024, G20) is not misspelled: its neighbour 2000 is another figure
        candidate = closest_word(reader, bare)
        if candidate:
            article = word.normal[: len(word.normal) - len(bare)] if word.normal.endswith(bare) else ""
            replacements[word.surface] = article + written_form(reader, candidate)
    if not replacements:
        return ""
    suggestion = query_text
    for surface, replacement in replacements.items():
        suggestion = suggestion.replace(surface, replacement)
    return suggestion


def closest_word(reader: Any, bare: str) -> str:
    """The indexed word nearest to ``bare`` (fewest edits, then most documents), or ""."""
    matches: dict[str, int] = {}
    # Two edits of a word of five letters or fewer make another word (كوفيد → توحيد), so short
    # words get one edit at most, as Lucene's "auto" fuzziness does.
    cutoff = 1 if len(bare) <= SHORT_WORD_LENGTH else MAX_DISTANCE
    for words in vocabularies(reader):
        for word, distance, _index in process.extract(bare, words, scorer=OSA.distance, score_cutoff=cutoff,
                                                      limit=CANDIDATES):
            if word != bare:
                matches[word] = min(distance, matches.get(word, distance))
    if not matches:
        return ""
    nearest = min(matches.values())
    best = [word for word, distance in matches.items() if distance == nearest]
    return max(best, key=lambda word: (reader.doc_frequency(FIELD, word), word))


def written_form(reader: Any, bare: str, records: int = WRITTEN_FORM_RECORDS) -> str:
    """How the archive writes the indexed word ``bare`` (hamza, ة and ى as in its text, without
    harakat): its most frequent spelling in the first ``records`` records holding it, or ``bare``."""
    try:
        docnums = list(islice(reader.postings(FIELD, bare).all_ids(), records))
    except TermNotFound:
        return bare
    spellings: Counter[str] = Counter()
    for docnum in docnums:
        stored = reader.stored_fields(docnum)
        for text in (stored.get("title"), stored.get("body")):
            for _start, _end, raw in iter_tokens(text or ""):
                forms = word_forms(raw)
                written = strip_marks(raw)
                # Marks removed, a word's letters fold one to one into its normal form.
                if forms.bare == bare and len(written) == len(forms.normal):
                    spellings[written[len(written) - len(bare):]] += 1
    return spellings.most_common(1)[0][0] if spellings else bare


def vocabularies(reader: Any) -> list[list[str]]:
    """The words of the exact field, one list per segment; a segment is read once (segments never change)."""
    result = []
    for leaf, _offset in reader.leaf_readers():
        key = segment_id(leaf)
        with _lock:
            words = _vocabularies.get(key) if key is not None else None
            if words is not None and key is not None:
                _vocabularies.move_to_end(key)
        if words is None:
            words = [term.decode("utf-8") if isinstance(term, bytes) else term for term in leaf.lexicon(FIELD)]
            if key is not None:
                with _lock:
                    _vocabularies[key] = words
                    while len(_vocabularies) > _CACHED_SEGMENTS:
                        _vocabularies.popitem(last=False)
        result.append(words)
    return result
