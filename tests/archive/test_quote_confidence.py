"""A quote's confidence is its rule's measured share of right proposals (archive.importing.quote_confidence)."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from archive.importing.extraction import extract
from archive.importing.quote_confidence import MIN_PROPOSALS, Measured, RuleRecord, calibrated, hand_set, rule_records

TEXT = "قال وزير الإعلام سالم بن علي الهنائي إن الوزارة تعد خطة جديدة للإعلام الرقمي.\n"


def test_a_case_measured_enough_gives_its_share_of_right_proposals() -> None:
    records = {"verb": RuleRecord(Measured(118, 98), {0.9: Measured(98, 88), 0.7: Measured(20, 10)})}
    assert calibrated("verb", 0.9, records) == pytest.approx(0.89)  # (88 + 1) / (98 + 2)
    assert calibrated("verb", 0.7, records) == pytest.approx(0.5)  # (10 + 1) / (20 + 2)


def test_a_rarer_case_keeps_its_hand_set_value_never_above_its_rules_share() -> None:
    records = {"continuation": RuleRecord(Measured(100, 60), {0.5: Measured(95, 58), 0.3: Measured(5, 2)})}
    assert calibrated("continuation", 0.3, records) == 0.3
    assert calibrated("continuation", 0.95, records) == pytest.approx(0.6)  # (60 + 1) / (100 + 2)


def test_a_rule_measured_too_little_or_not_at_all_keeps_its_hand_set_confidence() -> None:
    records = {"rare": RuleRecord(Measured(MIN_PROPOSALS - 1, 0), {0.6: Measured(MIN_PROPOSALS - 1, 0)})}
    assert calibrated("rare", 0.6, records) == 0.6
    assert calibrated("never measured", 0.35, records) == 0.35


def test_the_shipped_table_is_whole_and_its_counts_hold() -> None:
    table = resources.files("archive.importing").joinpath("quote_confidence.json")
    data = json.loads(table.read_text(encoding="utf-8"))
    assert "studied articles" in data["_about"]
    records = rule_records()
    assert len(records) == len(data["rules"]) >= 10
    for record in records.values():
        assert 0 <= record.overall.right <= record.overall.proposed
        assert sum(case.proposed for case in record.cases.values()) == record.overall.proposed
        assert all(0 < confidence <= 1 and case.right <= case.proposed for confidence, case in record.cases.items())
    assert records["reporting verb, speaker, then the quote"].overall.proposed >= 500


def test_extract_gives_a_verb_quote_its_rules_measured_share_and_hand_set_keeps_the_old_value() -> None:
    record = rule_records()["reporting verb, speaker, then the quote"]
    quote = extract(TEXT).quotes[0]
    assert quote.reason == "reporting verb, speaker, then the quote"
    assert quote.confidence == round(record.cases[0.9].share, 2)
    with hand_set():
        assert extract(TEXT).quotes[0].confidence == 0.9
    assert extract(TEXT).quotes[0].confidence == quote.confidence  # and after it, measured again


def test_every_measured_rule_is_still_a_rule_of_the_code() -> None:
    """A rule renamed or removed leaves its measure behind: run bench/corpus/calibration.py --write-table again."""
    package = resources.files("archive.importing")
    code = "".join(entry.read_text(encoding="utf-8") for entry in package.iterdir()
                   if entry.name.endswith(".py") or entry.name == "attribution.json")
    assert [reason for reason in rule_records() if reason not in code] == []
