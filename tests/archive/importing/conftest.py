"""Shared fixtures of the import tests: the shared sample articles and our own annotated ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
SAMPLES = REPO.parent / "shared" / "samples"
OWN = REPO / "bench" / "annotations"


def _annotated(gold_dir: Path, article_dir: Path) -> list[tuple[str, str, dict]]:
    found = []
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        found.append((gold["article"], (article_dir / gold["article"]).read_text(encoding="utf-8"), gold))
    return found


@pytest.fixture(scope="session")
def sample_articles() -> list[tuple[str, str, dict]]:
    if not (SAMPLES / "gold").is_dir():
        pytest.skip("the shared sample articles (../shared/samples) are not beside the repository")
    return _annotated(SAMPLES / "gold", SAMPLES / "articles")


@pytest.fixture(scope="session")
def own_articles() -> list[tuple[str, str, dict]]:
    return _annotated(OWN, OWN / "articles")


@pytest.fixture(scope="session")
def sample_paths() -> list[Path]:
    if not (SAMPLES / "articles").is_dir():
        pytest.skip("the shared sample articles (../shared/samples) are not beside the repository")
    return sorted((SAMPLES / "articles").glob("*.txt"))
