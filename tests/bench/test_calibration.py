"""calibration.py counts proposals by confidence band: how many match, how many name the right speaker."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
for folder in (REPO / "bench" / "corpus", REPO / "bench"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

import calibration  # noqa: E402
from corpus_scoring import Article, GoldFigure, GoldQuote  # noqa: E402

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
