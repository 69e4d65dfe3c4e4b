"""What a quote proposal's confidence means: the share of such proposals that were right.

Each rule that proposes a quote names itself in the proposal's ``reason`` and sets a confidence by
hand, which says how the words were attributed (a verb with its named speaker 0.9, a continuation
0.45-0.5, the same continuation with nobody named before it 0.3). Measured on the real-press corpus,
that order is not how often each is right: a continuation is right as often as a verb with its
speaker. ``quote_confidence.json`` holds, for each rule and each hand-set confidence it gives (a
*case*), how many proposals the studied articles of the corpus had and how many were right (the words
match an annotated quote and the speaker holds the annotated person's first and last name), as
``bench/corpus/calibration.py --write-table`` measures them. ``calibrated`` turns a case measured on
``MIN_PROPOSALS`` proposals or more into its share, (right + 1) / (proposed + 2); a rarer case keeps
its hand-set confidence, never above its rule's share when the rule is measured; a rule never
measured keeps its own.

The table also counts the proposals whose words **matched** an annotated quote, so that a rule's
share splits in two: how often its words match (``match_share``) and, of those, how often its speaker
is right (``speaker_share``). For a quote whose rules chose a person printed with a name, the learned
speaker model (``speaker_choice``) gives its own chance that this speaker is right, which tells right
speakers from wrong ones better than the rule's share does; ``with_speaker_chance`` then gives the
rule's match share times that chance, so the speaker's doubt is counted once (the rule's share already
holds its speakers' share: multiplied by the model's chance it would be counted twice). Any other
quote, and every quote when the table counts no matches (a table written before 3 December), keeps
``calibrated``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from importlib import resources

MIN_PROPOSALS = 20  # fewer measured proposals say too little about a rule
_HAND_SET_ONLY: ContextVar[bool] = ContextVar("hand_set_only", default=False)  # while rules are measured anew


@dataclass(frozen=True)
class Measured:
    """Proposals on the studied corpus: how many, how many right, how many matched (None: not counted)."""

    proposed: int
    right: int
    matched: int | None = None

    @property
    def share(self) -> float:
        return (self.right + 1) / (self.proposed + 2)

    @property
    def match_share(self) -> float | None:
        """The share of proposals whose words matched an annotated quote (None when matches were not counted)."""
        return None if self.matched is None else (self.matched + 1) / (self.proposed + 2)

    @property
    def speaker_share(self) -> float | None:
        """Of the proposals that matched, the share with the right speaker (None when matches were not counted)."""
        return None if self.matched is None else (self.right + 1) / (self.matched + 2)


@dataclass(frozen=True)
class RuleRecord:
    """One rule measured: over all its proposals, and by the hand-set confidence each case was given."""

    overall: Measured
    cases: dict[float, Measured]


@cache
def rule_records() -> dict[str, RuleRecord]:
    """The measured rules, by reason (``quote_confidence.json``)."""
    table = resources.files("archive.importing").joinpath("quote_confidence.json")
    data = json.loads(table.read_text(encoding="utf-8"))
    return {reason: RuleRecord(_measured(row),
                               {float(case): _measured(counts) for case, counts in row["cases"].items()})
            for reason, row in data["rules"].items()}


def _measured(counts: dict[str, int]) -> Measured:
    matched = counts.get("matched")
    return Measured(int(counts["proposed"]), int(counts["right"]), None if matched is None else int(matched))


@contextmanager
def hand_set() -> Iterator[None]:
    """Within it every quote keeps its rule's hand-set confidence: how the rules are measured anew."""
    token = _HAND_SET_ONLY.set(True)
    try:
        yield
    finally:
        _HAND_SET_ONLY.reset(token)


def calibrated(reason: str, confidence: float, records: dict[str, RuleRecord] | None = None) -> float:
    """The confidence of a quote proposed by the rule ``reason`` with ``confidence`` set by hand."""
    if _HAND_SET_ONLY.get() and records is None:
        return confidence
    case, overall = _measures(reason, confidence, records)
    if case is not None:
        return round(case.share, 2)
    if overall is not None:
        return min(confidence, round(overall.share, 2))
    return confidence


def _measures(reason: str, confidence: float,
              records: dict[str, RuleRecord] | None) -> tuple[Measured | None, Measured | None]:
    """The rule's case's own measure and the rule's overall one, each only when measured on ``MIN_PROPOSALS``
    proposals or more."""
    record = (rule_records() if records is None else records).get(reason)
    if record is None:
        return None, None
    case = record.cases.get(round(confidence, 2))
    enough = [measured if measured is not None and measured.proposed >= MIN_PROPOSALS else None
              for measured in (case, record.overall)]
    return enough[0], enough[1]


def _case(reason: str, confidence: float, records: dict[str, RuleRecord] | None) -> Measured | None:
    """The measure that speaks for a rule's case: its own when measured enough, else the rule's overall one."""
    case, overall = _measures(reason, confidence, records)
    return case or overall


def match_share(reason: str, confidence: float, records: dict[str, RuleRecord] | None = None) -> float | None:
    """P(the words match an annotated quote | rule, case), or None when the rule is measured too little or the
    table counts no matches."""
    measured = _case(reason, confidence, records)
    return None if measured is None else measured.match_share


def speaker_share(reason: str, confidence: float, records: dict[str, RuleRecord] | None = None) -> float | None:
    """P(the speaker is right | the words matched, rule, case), or None as for ``match_share``."""
    measured = _case(reason, confidence, records)
    return None if measured is None else measured.speaker_share


def with_speaker_chance(reason: str, confidence: float, chance: float | None,
                        records: dict[str, RuleRecord] | None = None) -> float:
    """The confidence of a quote whose rules chose a speaker the speaker model gives ``chance`` of being right: the
    rule's match share times that chance; without a chance, or without a measured match share, ``calibrated``."""
    if _HAND_SET_ONLY.get() and records is None:
        return confidence
    share = None if chance is None else match_share(reason, confidence, records)
    if share is None or chance is None:
        return calibrated(reason, confidence, records)
    return round(share * chance, 2)
