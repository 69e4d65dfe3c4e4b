"""calibration.py counts proposals by confidence band: how many match, how many name the right speaker."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
for folder in (REPO / "bench" / "corpus", REPO / "bench"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

import calibration  # noqa: E402
from corpus_scoring import Article, GoldFigure, GoldQuote  # noqa: E402

from archive.importing import speaker_choice  # noqa: E402
from archive.importing.extraction import extract  # noqa: E402

TEXT = ("قال وزير الإعلام سالم بن علي الهنائي إن الوزارة تعد خطة جديدة للإعلام الرقمي.\n"
        "وأضاف أن الخطة تشمل تدريب 300 إعلامي خلال العام المقبل.\n")


def _article(speaker: str) -> Article:
    first = TEXT.index("الوزارة تعد")
    second = TEXT.index("الخطة تشمل")
    figure = TEXT.index("300")
    quotes = (GoldQuote(first, TEXT.index(".", first), speaker, "indirect"),
              GoldQuote(second, TEXT.index(".", second), speaker, "continuation"))
    return Article("own", "own", TEXT, quotes, (GoldFigure(figure, figure + len("300 إعلامي")),))


def test_bands_count_every_proposal_once_with_its_matches_and_right_speakers() -> None:
    proposals = extract(TEXT)
    quotes, figures = calibration.calibrate([_article("سالم بن علي الهنائي")])
    assert sum(band.proposed for band in quotes.values()) == len(proposals.quotes) + len(proposals.further_quotes) == 2
    assert sum(band.matched for band in quotes.values()) == 2
    assert sum(band.right_speakers for band in quotes.values()) == 2
    assert sum(band.proposed for band in figures.values()) == sum(band.matched for band in figures.values()) == 1
    verb_quote = proposals.quotes[0]
    assert quotes[calibration.band_of(verb_quote.confidence)].proposed >= 1


def test_a_wrong_speaker_counts_as_matched_but_not_right() -> None:
    quotes, _ = calibration.calibrate([_article("خالد بن سعيد البلوشي")])
    assert sum(band.matched for band in quotes.values()) == 2
    assert sum(band.right_speakers for band in quotes.values()) == 0


def test_band_edges() -> None:
    assert [calibration.band_of(value) for value in (1.0, 0.8, 0.79, 0.6, 0.45, 0.4, 0.39, 0.0)] == [
        "0.80-1.00", "0.80-1.00", "0.60-0.79", "0.60-0.79", "0.40-0.59", "0.40-0.59", "0.00-0.39", "0.00-0.39"]


def test_the_line_says_what_share_holds() -> None:
    band = calibration.Band("0.80-1.00", proposed=10, matched=9, right_speakers=6)
    line = band.line("quotes", speakers=True)
    assert "10 proposed" in line and "90% match" in line and "67% of those with the right speaker" in line
    assert "    - match" in calibration.Band("0.40-0.59").line("figures", speakers=False)


def test_the_rule_table_counts_matched_proposals_apart_from_right_ones() -> None:
    table = calibration.rule_table([_article("خالد بن سعيد البلوشي")])
    assert sum(row["proposed"] for row in table.values()) == 2
    assert sum(row["matched"] for row in table.values()) == 2
    assert sum(row["right"] for row in table.values()) == 0
    for row in table.values():
        assert sum(case["matched"] for case in row["cases"].values()) == row["matched"]


def test_the_measure_of_a_confidence() -> None:
    perfect = calibration.measure([(1.0, True), (0.0, False)])
    assert perfect.ece == perfect.brier == 0.0 and perfect.auc == 1.0
    flat = calibration.measure([(0.5, True), (0.5, False), (0.5, True), (0.5, False)])
    assert flat.ece == 0.0 and flat.brier == 0.25 and flat.auc == 0.5
    overconfident = calibration.measure([(0.9, True), (0.9, False)])
    assert overconfident.ece == pytest.approx(0.4) and overconfident.brier == pytest.approx((0.01 + 0.81) / 2)
    assert calibration.chance_helps(overconfident, flat) and not calibration.chance_helps(flat, overconfident)


def test_proposals_are_scored_today_and_with_the_chance_the_same_proposals() -> None:
    scored = calibration.score_proposals("own", _article("سالم بن علي الهنائي"), speaker_choice.trained_model(), False)
    assert len(scored) == 2 and all(point.right for point in scored)
    assert any(point.changed for point in scored)
    lines = calibration.band_table(scored)
    assert len(lines) == 1 + calibration.TEN_BANDS


def test_a_held_out_set_is_scored_by_the_files_model_and_printed_as_aggregates_only(capsys) -> None:
    scored = calibration.held_out_scores([_article("سالم بن علي الهنائي")], "held")
    assert [point.group for point in scored] == ["held", "held"]
    old, new = calibration.compare_report(scored, "held out", details=False)
    printed = capsys.readouterr().out
    assert "ECE" in printed and "Brier" in printed and "proposed" not in printed  # no table by band
    assert old.brier >= 0 and new.brier >= 0
