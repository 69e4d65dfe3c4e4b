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
    """Proposals on the studied corpus: how many, how many right."""

    proposed: int
    right: int

    @property
    def share(self) -> float:
        return (self.right + 1) / (self.proposed + 2)


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
    return {reason: RuleRecord(Measured(int(row["proposed"]), int(row["right"])),
                               {float(case): Measured(int(counts["proposed"]), int(counts["right"]))
                                for case, counts in row["cases"].items()})
            for reason, row in data["rules"].items()}


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
    record = (rule_records() if records is None else records).get(reason)
    if record is None:
        return confidence
    case = record.cases.get(round(confidence, 2))
    if case is not None and case.proposed >= MIN_PROPOSALS:
        return round(case.share, 2)
    if record.overall.proposed >= MIN_PROPOSALS:
        return min(confidence, round(record.overall.share, 2))
    return confidence
