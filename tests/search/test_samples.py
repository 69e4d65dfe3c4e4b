"""The two shared sample articles stored as sources: the issue's queries rank the right one first."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.services import sources
from archive.services.records import SourceInput
from search.index import SearchIndex

from .conftest import SAMPLES

ALROYA = "alroya-first-government-communication-forum.txt"
ALWATAN = "alwatan-gcc-29th-meeting-meta.txt"


@pytest.fixture
def sample_index(archive, tmp_path: Path):
    if not SAMPLES.is_dir():
        pytest.skip(f"shared sample articles not found at {SAMPLES}")
    for path in sorted(SAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        sources.add_source(archive, SourceInput(full_text=text, title=text.strip().splitlines()[0],
                                                file_name=path.name))
    opened = SearchIndex.open(tmp_path / "samples.index", archive)
    yield opened
    opened.close()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("الاعلام", ALWATAN),
        ("منتدي التواصل", ALROYA),
        ("السالمي", ALWATAN),
        ("3.9 مليار", ALWATAN),
        ("٨٠٪", ALWATAN),
        ("الراجحية", ALWATAN),
        ("#منتدى_التواصل_الحكومي_الأول", ALROYA),
        ("15 مليون مستخدم", ALROYA),
        ('"مركز التواصل الحكومي"', ALWATAN),
        ("فاطمة الراجحيه", ALWATAN),
        ("ابراهيم بن سالم السالمى", ALWATAN),
        ("الحكوميّة", ALROYA),
        ("ميتا", ALWATAN),
        ("شرطة عمان السلطانية", ALROYA),
    ],
)
def test_the_right_article_comes_first(sample_index: SearchIndex, query: str, expected: str) -> None:
    results = sample_index.search(query)
    assert results.hits, query
    assert results.hits[0].source_file == expected
    assert results.hits[0].source_id == results.hits[0].id


def test_glued_words_are_highlighted_where_printed(sample_index: SearchIndex) -> None:
    hit = sample_index.search("الراجحية").hits[0]
    assert [hit.snippet.text[start:end] for start, end in hit.snippet.highlights] == ["الراجحية"]
    hit = sample_index.search("80%").hits[0]
    assert [hit.snippet.text[start:end] for start, end in hit.snippet.highlights] == ["80%"]
