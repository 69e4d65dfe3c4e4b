"""Access to the shared sample articles and gold files (read only; never copied into the project)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[4] / "shared" / "samples"
ARTICLE_NAMES = ("alroya-first-government-communication-forum", "alwatan-gcc-29th-meeting-meta")


def load_sample(name: str) -> tuple[str, dict]:
    """(article text, gold annotations), or skip the test when the samples folder is absent."""
    article = SAMPLES / "articles" / f"{name}.txt"
    gold = SAMPLES / "gold" / f"{name}.json"
    if not article.is_file() or not gold.is_file():
        pytest.skip(f"shared sample articles not found at {SAMPLES}")
    return article.read_text(encoding="utf-8"), json.loads(gold.read_text(encoding="utf-8"))
