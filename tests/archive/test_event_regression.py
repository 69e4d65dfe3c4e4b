"""The event of each article of the regression set (our five articles and the two shared samples) as
annotated: name, edition, organiser and venue.

A series meeting printed with a possessive ("لقائه التاسع والعشرين") is filed under its edition in
words ("اللقاء التاسع والعشرون", issue 10): its annotated name is compared through the edition.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archive.importing.extraction import extract
from archive.text.ordinals import parse_ordinal

REPOSITORY = Path(__file__).resolve().parents[2]
OWN = REPOSITORY / "bench" / "annotations"
SAMPLES = REPOSITORY.parent / "shared" / "samples"


def _articles() -> list[tuple[str, Path, Path]]:
    own = [(gold.stem, OWN / "articles" / json.loads(gold.read_text(encoding="utf-8"))["article"], gold)
           for gold in sorted(OWN.glob("*.json"))]
    samples = [(gold.stem, SAMPLES / "articles" / f"{gold.stem}.txt", gold)
               for gold in sorted((SAMPLES / "gold").glob("*.json"))]
    return own + samples


def _plain(words: str) -> str:
    return words.removeprefix("ب").strip()


@pytest.mark.parametrize(("name", "article", "gold"), _articles(), ids=[item[0] for item in _articles()])
def test_the_annotated_event(name: str, article: Path, gold: Path) -> None:
    expected = json.loads(gold.read_text(encoding="utf-8"))["event"]
    event = extract(article.read_text(encoding="utf-8")).event
    assert event is not None
    edition = parse_ordinal(expected["edition"]) if expected.get("edition") else None
    assert event.edition == edition
    if expected["name"].startswith(("لقائه", "لقاءه")):
        assert event.name.startswith("اللقاء ") and parse_ordinal(event.name) == edition
    else:
        assert event.name == expected["name"]
    assert event.organiser == expected.get("organiser")
    if expected.get("venue"):
        assert event.venue and (_plain(event.venue) in expected["venue"] or _plain(expected["venue"]) in event.venue)
