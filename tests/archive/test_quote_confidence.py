"""A quote's confidence is its rule's measured share of right proposals (archive.importing.quote_confidence), or,
for a quote whose rules chose a person printed with a name, its rule's share of matching words times the speaker
model's chance of that person (speaker_choice)."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from archive.importing import speaker_choice
from archive.importing.extraction import QuoteProposal, extract
from archive.importing.quote_confidence import (
    MIN_PROPOSALS,
    Measured,
    RuleRecord,
    calibrated,
    hand_set,
    match_share,
    rule_records,
    speaker_share,
    with_speaker_chance,
)

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
    # Without the speaker model's chance (scoring(None)) a quote keeps its rule's measured share, as before
    # 3 December's second table; with it, the next tests.
    record = rule_records()["reporting verb, speaker, then the quote"]
    with speaker_choice.scoring(None):
        quote = extract(TEXT).quotes[0]
        assert quote.reason == "reporting verb, speaker, then the quote"
        assert quote.confidence == round(record.cases[0.9].share, 2)
        with hand_set():
            assert extract(TEXT).quotes[0].confidence == 0.9
        assert extract(TEXT).quotes[0].confidence == quote.confidence  # and after it, measured again
    with speaker_choice.scoring(speaker_choice.trained_model()), hand_set():
        assert extract(TEXT).quotes[0].confidence == 0.9  # the chance does not enter the rules' own measure


# --- the speaker's doubt ----------------------------------------------------------------------------------------

WORDS = "إن الوزارة تعد خطة جديدة للإعلام الرقمي في كل المحافظات.\n"
TRUSTED = "قال وزير الإعلام سالم بن علي الهنائي " + WORDS
# The same words, the same rule and case; the speaker was first named inside another person's words.
DOUBTED = ("أكد رئيس الوزراء هاروكي تاناكا أن الوزير سالم الهنائي سيزور المدينة غدا.\n"
           "وقال سالم الهنائي " + WORDS)


def _quote_of(text: str, opening: str) -> QuoteProposal:
    with speaker_choice.scoring(speaker_choice.trained_model()):
        proposals = extract(text)
    return next(quote for quote in (*proposals.quotes, *proposals.further_quotes) if quote.text.startswith(opening))


def test_a_speaker_the_model_doubts_lowers_the_same_words_confidence() -> None:
    trusted, doubted = _quote_of(TRUSTED, "الوزارة تعد"), _quote_of(DOUBTED, "الوزارة تعد")
    assert (trusted.reason, trusted.speaker) == ("reporting verb, speaker, then the quote", "سالم بن علي الهنائي")
    assert (doubted.reason, doubted.speaker) == (trusted.reason, "سالم الهنائي")
    with hand_set():
        assert _quote_of(TRUSTED, "الوزارة تعد").confidence == _quote_of(DOUBTED, "الوزارة تعد").confidence == 0.9
    assert doubted.confidence < trusted.confidence - 0.2
    share = match_share(trusted.reason, 0.9)
    assert share is not None and trusted.confidence <= round(share, 2)  # the words' share, times a chance


def test_a_quote_with_no_named_speaker_keeps_its_measured_share() -> None:
    texts = ("وقال وزير الخارجية " + WORDS,  # a title nobody in the article holds
             "وقال منظمو الملتقى " + WORDS)  # a group
    for text in texts:
        with hand_set():
            hand = _quote_of(text, "الوزارة تعد")
        quote = _quote_of(text, "الوزارة تعد")
        assert quote.speaker_kind != "person" or quote.speaker == "وزير الخارجية"
        assert quote.confidence == calibrated(quote.reason, hand.confidence)


def test_the_match_share_times_the_chance_counts_the_speaker_once() -> None:
    records = {"verb": RuleRecord(Measured(100, 80, 90), {0.9: Measured(60, 50, 55), 0.7: Measured(40, 30, 35)})}
    assert match_share("verb", 0.9, records) == pytest.approx(56 / 62)
    assert speaker_share("verb", 0.9, records) == pytest.approx(51 / 57)
    assert with_speaker_chance("verb", 0.9, 0.5, records) == round(56 / 62 * 0.5, 2)
    # no chance (nobody named): the rule's measured share
    assert with_speaker_chance("verb", 0.9, None, records) == calibrated("verb", 0.9, records) == round(51 / 62, 2)
    # a rarer case of a measured rule: the rule's own match share
    assert with_speaker_chance("verb", 0.6, 0.5, {"verb": RuleRecord(Measured(100, 80, 90), {
        0.6: Measured(5, 4, 5)})}) == round(91 / 102 * 0.5, 2)
    # a rule measured too little stays as now
    rare = {"rare": RuleRecord(Measured(MIN_PROPOSALS - 1, 5, 10), {0.6: Measured(MIN_PROPOSALS - 1, 5, 10)})}
    assert with_speaker_chance("rare", 0.6, 0.99, rare) == 0.6


def test_a_table_without_matches_falls_back_to_the_rules_shares() -> None:
    records = {"verb": RuleRecord(Measured(100, 80), {0.9: Measured(60, 50), 0.7: Measured(40, 30)})}
    assert match_share("verb", 0.9, records) is None and speaker_share("verb", 0.9, records) is None
    for chance in (0.1, 0.5, 0.99):
        assert with_speaker_chance("verb", 0.9, chance, records) == calibrated("verb", 0.9, records)
    assert calibrated("verb", 0.9, records) == round(51 / 62, 2)


def test_the_shipped_table_counts_matches() -> None:
    for record in rule_records().values():
        for measured in (record.overall, *record.cases.values()):
            assert measured.matched is not None and measured.right <= measured.matched <= measured.proposed


def test_every_measured_rule_is_still_a_rule_of_the_code() -> None:
    """A rule renamed or removed leaves its measure behind: run bench/corpus/calibration.py --write-table again."""
    package = resources.files("archive.importing")
    code = "".join(entry.read_text(encoding="utf-8") for entry in package.iterdir()
                   if entry.name.endswith(".py") or entry.name == "attribution.json")
    assert [reason for reason in rule_records() if reason not in code] == []
