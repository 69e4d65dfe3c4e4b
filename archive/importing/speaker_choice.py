"""Which of the article's people said each quote: a learned second look at the rules' choice.

Owns one step of ``extract``, run once per article after ``settle_speakers``: for each quote whose
rules chose a person printed with a name, the named people of the article (``PeopleBook.people``) are
its candidates (a title nobody holds and a body speaking stay the rules' choice), described
by general facts of position and form, never by the words of one article (``FEATURES``): whether the
rules chose them, how far their nearest mention stands from the quote and its attribution, whether
they are named in the quote's sentence or paragraph, their recency among the people named before
it, whether they spoke the quote before, how often and how fully the article names them, whether
the attribution verb's gender agrees with theirs. A logistic function of a dot product with the
weights of ``speaker_choice.json`` gives each candidate the chance that the words are theirs; the
speaker changes only when another candidate's chance beats the rules' choice by the file's margin.

The weights are learned from the hand-annotated studied sets of the real-press corpus, every
setting chosen by cross-validation over outlets, and written by ``bench/corpus/speaker_model.py
--write`` (run it again whenever a rule that chooses or reads a speaker changes). The file says
whether to apply them (``"applied"``): the trainer sets it only when the model, its setting chosen
on other outlets, raised the right speakers of the outlets held out (nested cross-validation) and
lowered no studied group; otherwise the rules' choice stands and the weights are kept to measure
(``trained_model``). A weights file whose feature names differ from ``FEATURES`` is out of step with
this code: it is refused and the rules' choice stands (a test fails first). Nothing here reads the
network or any library beyond the standard one; the arithmetic is a few hundred multiplications a
quote.

The same model also says how sure it is of the speaker a quote keeps: its chance of that candidate is
set on the quote (``QuoteMatch.speaker_chance``) when the file says this chance was found to make the
quote's confidence better out of fold (``"scores_confidence"``, set by the trainer by
``bench/corpus/calibration.py``'s measure), whether or not the re-choice is applied;
``quote_confidence.with_speaker_chance`` turns it into the quote's confidence.

``recording()`` lets the trainer see the candidates as ``extract`` builds them (``QuoteRows``).
"""

from __future__ import annotations

import bisect
import json
import math
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from archive.importing.quote_match import QuoteMatch
from archive.importing.speaker_trail import person_gender, verb_gender
from archive.importing.speakers import KnownPerson, PeopleBook
from archive.importing.subjects import ends_sentence
from archive.importing.tokens import Token

WEIGHTS_FILE = Path(__file__).with_name("speaker_choice.json")

FEATURES = (
    "rules_choice",  # the rules chose this person
    "rules_choice_continuation",  # ... for a quote attributed by continuing the last speaker
    "rules_choice_direct",  # ... for words in marks or after a colon
    "rules_choice_named_once",  # ... who is named once only
    "rules_choice_bare",  # ... named with no post and no honorific
    "rules_choice_confidence",  # ... times the confidence the rule set by hand (its own doubt)
    "rules_choice_doubtful",  # ... whose rule set a confidence under 0.6
    "named_at_attribution",  # a mention within two words of the attribution's verb
    "tokens_before",  # log(1 + words from the nearest mention before the quote and its verb), capped
    "never_named_before",
    "tokens_after",  # log(1 + words from the quote's end to the nearest mention after it), capped
    "never_named_after",
    "named_just_before",  # within four words before the quote and its verb
    "named_just_after",  # within four words after the quote ("«...»، قال فلان")
    "same_sentence",  # named in the sentence of the attribution (outside quotes)
    "same_paragraph",
    "latest_named",  # the person named last before the quote (outside quotes)
    "second_latest_named",
    "named_inside_this_quote",
    "named_only_inside_quotes",  # every mention of them lies inside some quote
    "previous_speaker",  # the rules' speaker of the quote before
    "mentions",  # log(1 + mentions)
    "full_name",  # a name of two words or more
    "has_title",
    "has_honorific",
    "verb_gender_agrees",
    "verb_gender_clashes",
    "first_person",  # the first person the article names
    "most_named",  # named more often than anyone else
    "speaks_elsewhere",  # the rules give them another quote of the article
    "speaks_most",  # the rules give them more of the article's quotes than anyone else
)
_CAP = math.log1p(400)  # distances past 400 words are all "far"
_SENTENCE_END = frozenset(".!?؟")


@dataclass(frozen=True)
class Candidate:
    """One person who may have said a quote, described by ``FEATURES``."""

    person: KnownPerson
    features: tuple[float, ...]


@dataclass(frozen=True)
class QuoteRows:
    """One quote's candidates as ``extract`` saw them; ``chosen`` is the index of the rules' choice."""

    start: int
    end: int
    chosen: int | None
    candidates: tuple[Candidate, ...]
    everyone: tuple[KnownPerson, ...] = ()  # the article's people (kept while recording only)


@dataclass(frozen=True)
class Model:
    """Weights of ``FEATURES`` (same order), the bias, and how much more likely another candidate must be."""

    weights: tuple[float, ...]
    bias: float
    margin: float

    def chance(self, features: tuple[float, ...]) -> float:
        score = self.bias + sum(weight * value for weight, value in zip(self.weights, features, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


_RECORDER: ContextVar[list[QuoteRows] | None] = ContextVar("speaker_choice_recorder", default=None)


@contextmanager
def recording() -> Iterator[list[QuoteRows]]:
    """Within it, every ``choose_speakers`` call appends its quotes' candidates to the list yielded."""
    rows: list[QuoteRows] = []
    token = _RECORDER.set(rows)
    try:
        yield rows
    finally:
        _RECORDER.reset(token)


_MODEL_OVERRIDE: ContextVar[tuple[Model | None] | None] = ContextVar("speaker_choice_model", default=None)


@contextmanager
def using(model: Model | None) -> Iterator[None]:
    """Within it, ``choose_speakers`` uses ``model`` (None: the rules' choice stands) instead of the file's."""
    token = _MODEL_OVERRIDE.set((model,))
    try:
        yield
    finally:
        _MODEL_OVERRIDE.reset(token)


_SCORER_OVERRIDE: ContextVar[tuple[Model | None] | None] = ContextVar("speaker_choice_scorer", default=None)


@contextmanager
def scoring(model: Model | None) -> Iterator[None]:
    """Within it, the chance set on each quote is ``model``'s (None: no chance is set) instead of the file's."""
    token = _SCORER_OVERRIDE.set((model,))
    try:
        yield
    finally:
        _SCORER_OVERRIDE.reset(token)


def rechoice(rows: QuoteRows, model: Model) -> int | None:
    """The index of the candidate the model gives the quote to: the rules' choice unless another's chance is
    higher by more than the margin."""
    if rows.chosen is None:
        return None
    chances = [model.chance(candidate.features) for candidate in rows.candidates]
    best = max(range(len(chances)), key=lambda place: (chances[place], place == rows.chosen, -place))
    return best if chances[best] - chances[rows.chosen] > model.margin else rows.chosen


def choose_speakers(tokens: list[Token], book: PeopleBook, matches: list[QuoteMatch]) -> list[QuoteMatch]:
    """``matches`` with each person speaker re-chosen among the article's people (the module's docstring)."""
    override, scorer_override = _MODEL_OVERRIDE.get(), _SCORER_OVERRIDE.get()
    model = override[0] if override is not None else load_model()
    scorer = scorer_override[0] if scorer_override is not None else load_scorer()
    recorder = _RECORDER.get()
    if (model is None and scorer is None and recorder is None) or not matches:
        return matches
    view = _ArticleView(tokens, book, matches)
    chosen_matches = []
    previous: KnownPerson | None = None
    for match in matches:
        wanted = not match.group and (named(match.speaker) or recorder is not None)
        # scoring alone needs the rules' choice only: its features do not depend on the other candidates
        rows = _rows(view, match, previous, only_chosen=model is None and recorder is None) if wanted else None
        previous = match.speaker if match.speaker is not None else previous
        if rows is None:
            chosen_matches.append(match)
            continue
        if recorder is not None:
            recorder.append(replace(rows, everyone=tuple(view.people)))
        place = rechoice(rows, model) if model is not None else rows.chosen
        if place is None:
            chosen_matches.append(match)
            continue
        chance = scorer.chance(rows.candidates[place].features) if scorer is not None else None
        if place == rows.chosen:
            chosen_matches.append(replace(match, speaker_chance=chance))
            continue
        person = rows.candidates[place].person
        # the rule's reason and hand-set confidence stay: quote_confidence measures by them
        chosen_matches.append(replace(match, speaker=person, speaker_title=person.title,
                                      organisation=person.organisation, speaker_chance=chance))
    return chosen_matches


def load_model() -> Model | None:
    """The model ``extract`` applies: the one of ``speaker_choice.json`` when the trainer found that it held out of
    fold (``"applied": true``), else None (the rules' choice stands)."""
    return applied_model(WEIGHTS_FILE)


def load_scorer() -> Model | None:
    """The model whose chance of a quote's speaker ``extract`` sets on the quote: the one of ``speaker_choice.json``
    when the trainer found that it made the quotes' confidence better out of fold (``"scores_confidence": true``),
    else None (each quote keeps its rule's measured share)."""
    return scoring_model(WEIGHTS_FILE)


@lru_cache(maxsize=4)
def scoring_model(path: Path) -> Model | None:
    """The model of a weights file if it says its chance scores the confidence and is in step with ``FEATURES``."""
    data = _weights_data(path)
    return model_from(data) if data.get("scores_confidence") is True else None


@lru_cache(maxsize=4)
def applied_model(path: Path) -> Model | None:
    """The model of a weights file if it says to apply it and is in step with ``FEATURES``, else None."""
    data = _weights_data(path)
    return model_from(data) if data.get("applied") is True else None


@lru_cache(maxsize=4)
def trained_model(path: Path = WEIGHTS_FILE) -> Model | None:
    """The model of a weights file whether applied or not (to measure it), or None when missing or out of step."""
    return model_from(_weights_data(path))


def _weights_data(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def model_from(data: dict[str, Any]) -> Model | None:
    """The model a weights file's contents describe, or None when its features are not ``FEATURES``."""
    weights = data.get("weights", {})
    if not isinstance(weights, dict) or tuple(weights) != FEATURES:
        return None
    return Model(tuple(float(weights[name]) for name in FEATURES), float(data["bias"]), float(data["margin"]))


_WINDOW_BEFORE, _WINDOW_AFTER = 2500, 600  # characters around a quote where its candidates are named
_RECENCY_REACH = 50  # mentions looked back over for the last two people named
_MOST_CANDIDATES = 12  # the nearest ones, beside the rules' choice, the previous speaker and the first person


class _ArticleView:
    """Where each token, sentence and paragraph of one article is, and where each person is named."""

    def __init__(self, tokens: list[Token], book: PeopleBook, matches: list[QuoteMatch]) -> None:
        self.spoken = Counter(id(match.speaker) for match in matches if match.speaker is not None)
        self.most_spoken = max(self.spoken.values(), default=0)
        self.starts = [token.start for token in tokens]
        self.tokens = tokens
        sentence = paragraph = 0
        self.sentence: list[int] = []
        self.paragraph: list[int] = []
        for index, token in enumerate(tokens):
            if token.newline_before:
                paragraph += 1
                sentence += 1
            elif index and tokens[index - 1].text in _SENTENCE_END and ends_sentence(tokens, index - 1):
                sentence += 1
            self.sentence.append(sentence)
            self.paragraph.append(paragraph)
        self.people = list(book.people)
        self.first = self.people[0] if self.people else None
        self.count: dict[int, int] = {}
        self.outside: dict[int, list[tuple[int, int]]] = {}  # id(person) -> mentions outside quotes, sorted
        self.inside: dict[int, list[int]] = {}  # id(person) -> starts of mentions inside quotes, sorted
        timeline: list[tuple[int, int]] = []  # (start, place in people) of every mention
        for place, person in enumerate(self.people):
            # a mention of no length is the rules' own note of a speaker at its verb, not the text naming him
            spans = sorted(span for span in person.mentions if span[1] > span[0])
            self.count[id(person)] = len(spans)
            self.outside[id(person)] = [span for span in spans if span[0] not in book.quoted]
            self.inside[id(person)] = [span[0] for span in spans if span[0] in book.quoted]
            timeline += [(span[0], place) for span in spans]
        timeline.sort()
        self.timeline_starts = [start for start, _ in timeline]
        self.timeline = timeline
        outside_line = sorted((span[0], place) for place, person in enumerate(self.people)
                              for span in self.outside[id(person)])
        self.outside_starts = [start for start, _ in outside_line]
        self.outside_line = outside_line
        self.most = max(self.count.values(), default=0)

    def at(self, position: int) -> int:
        """The index of the token at or after a character position (clamped to the last token)."""
        return min(bisect.bisect_left(self.starts, position), len(self.starts) - 1)

    def near(self, start: int, end: int) -> list[KnownPerson]:
        """The people named between two character positions, the nearest to the middle first (at most
        ``_MOST_CANDIDATES``)."""
        low, high = bisect.bisect_left(self.timeline_starts, start), bisect.bisect_left(self.timeline_starts, end)
        middle = (start + end) // 2
        nearest: dict[int, int] = {}
        for position, place in self.timeline[low:high]:
            distance = abs(position - middle)
            if distance < nearest.get(place, distance + 1):
                nearest[place] = distance
        return [self.people[place] for place in sorted(nearest, key=lambda p: (nearest[p], p))[:_MOST_CANDIDATES]]

    def latest_named(self, anchor: int) -> list[int]:
        """ids of the (at most two) people named last outside quotes before ``anchor``, the last first."""
        found: list[int] = []
        at = bisect.bisect_left(self.outside_starts, anchor)
        stop = max(0, at - _RECENCY_REACH)  # a long article stays linear
        while at > stop and len(found) < 2:
            at -= 1
            person_id = id(self.people[self.outside_line[at][1]])
            if person_id not in found:
                found.append(person_id)
        return found


def _rows(view: _ArticleView, match: QuoteMatch, previous: KnownPerson | None,
          only_chosen: bool = False) -> QuoteRows:
    """The quote's candidates: the rules' choice first when it is a named person, then the previous speaker, the
    first person and the people named nearest the quote, named people only (a title nobody holds, a body
    speaking, are the rules' to give: ``article_speakers``); ``only_chosen``: the rules' choice alone."""
    speaker = match.speaker
    anchor = min(match.attribution_start, match.start)
    people: list[KnownPerson] = []
    others = () if only_chosen else (previous, view.first, *view.near(
        anchor - _WINDOW_BEFORE, max(match.end, match.attribution_end) + _WINDOW_AFTER))
    for person in (speaker, *others):
        if person is not None and named(person) and all(person is not other for other in people):
            people.append(person)
    latest = view.latest_named(anchor)
    verb = _verb_gender(view, match.attribution_start)
    candidates = tuple(Candidate(person, _features(view, match, person, person is speaker, previous, latest, verb))
                       for person in people)
    return QuoteRows(match.start, match.end, 0 if named(speaker) else None, candidates)


def named(person: KnownPerson | None) -> bool:
    """Whether ``person`` is a person printed with a name (not a title alone, nor a body speaking)."""
    return person is not None and bool(person.name) and person.name != person.organisation


def _verb_gender(view: _ArticleView, position: int) -> str | None:
    index = view.at(position)
    for token in view.tokens[index:index + 2]:
        gender = verb_gender(token)
        if gender is not None:
            return gender
    return None


def _features(view: _ArticleView, match: QuoteMatch, person: KnownPerson, chosen: bool,
              previous: KnownPerson | None, latest: list[int], verb: str | None) -> tuple[float, ...]:
    outside = view.outside.get(id(person), [])
    inside = view.inside.get(id(person), [])
    anchor = min(match.attribution_start, match.start)
    # the last mention ending before the anchor, and the first one starting at or after it
    at = bisect.bisect_left(outside, (anchor, -1))
    last_before = next((outside[place] for place in range(at - 1, max(-1, at - 4), -1) if outside[place][1] <= anchor),
                       None)
    first_after = outside[at] if at < len(outside) else None
    after_end = outside[bisect.bisect_left(outside, (match.end, -1))] \
        if bisect.bisect_left(outside, (match.end, -1)) < len(outside) else None
    anchor_token, verb_token = view.at(anchor), view.at(match.attribution_start)
    words_before = anchor_token - view.at(last_before[1]) if last_before else None
    words_after = view.at(after_end[0]) - view.at(match.end) if after_end else None
    near_verb = [span for span in (last_before, first_after) if span is not None]
    at_verb = any(abs(view.at(span[0]) - verb_token) <= 2 or abs(view.at(span[1]) - verb_token) <= 2
                  for span in near_verb)
    sentence, paragraph = view.sentence[verb_token], view.paragraph[verb_token]
    rank = latest.index(id(person)) + 1 if id(person) in latest else 0
    gender = person_gender(person)
    continuation = match.attribution == "continuation"
    count = view.count.get(id(person), 0)
    in_quote = bisect.bisect_left(inside, match.start) < bisect.bisect_left(inside, match.end)
    return (
        float(chosen), float(chosen and continuation), float(chosen and match.kind == "direct"),
        float(chosen and count <= 1), float(chosen and not person.title and not person.honorific),
        match.confidence if chosen else 0.0, float(chosen and match.confidence < 0.6),
        float(at_verb),
        _log_distance(words_before), float(words_before is None),
        _log_distance(words_after), float(words_after is None),
        float(words_before is not None and words_before <= 4), float(words_after is not None and words_after <= 4),
        float(any(view.sentence[view.at(span[0])] == sentence for span in near_verb)),
        float(any(view.paragraph[view.at(span[0])] == paragraph for span in near_verb)),
        float(rank == 1), float(rank == 2),
        float(in_quote),
        float(count > 0 and not outside),
        float(previous is person),
        math.log1p(count),
        float(bool(person.name) and len((person.name or "").split()) >= 2),
        float(bool(person.title)),
        float(bool(person.honorific)),
        float(verb is not None and (gender or "m") == verb),
        float(verb is not None and (gender or "m") != verb),
        float(view.first is person),
        float(count > 0 and count == view.most),
        float(view.spoken[id(person)] > (1 if chosen else 0)),
        float(view.spoken[id(person)] == view.most_spoken),
    )


def _log_distance(words: int | None) -> float:
    return _CAP if words is None else min(_CAP, math.log1p(max(0, words)))
