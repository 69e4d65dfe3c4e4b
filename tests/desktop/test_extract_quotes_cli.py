"""``muntada extract`` lists every quote in one list, each with its kind, speaker and confidence (issue 10)."""

from __future__ import annotations

import json

from archive.importing import speaker_choice
from archive.importing.extraction import extract
from desktop.cli import main

ARTICLE = """مسقط - الرؤية
افتتح وزير الإعلام نادر سليم حداد معرض الكتاب صباح اليوم بمشاركة 300 ناشر من 25 دولة.
وأكد الوزير أن المعرض، الذي يستمر عشرة أيام، يستقبل هذا العام أكثر من 200 ألف زائر.
وأضاف” سنفتح جناحا خاصا للأطفال“، مشيرا إلى أن الدورة المقبلة تقام يومي 10 و11 مارس.
"""


def test_extract_json_gives_one_list_of_quotes_with_kinds(capsys, tmp_path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["--lang", "en", "extract", "--json", str(article)]) == 0
    proposals = json.loads(capsys.readouterr().out)
    assert "further_quotes" not in proposals
    quotes = proposals["quotes"]
    assert [quote["kind"] for quote in quotes] == ["indirect", "continuation", "continuation"]
    assert [quote["said"] for quote in quotes] == ["indirect", "direct", "indirect"]
    assert {quote["speaker"] for quote in quotes} == {"نادر سليم حداد"}
    with speaker_choice.scoring(None):  # the rules' measured shares; the speaker model is as sure of him in all
        assert main(["--lang", "en", "extract", "--json", str(article)]) == 0
    shares = json.loads(capsys.readouterr().out)["quotes"]
    assert shares[0]["confidence"] > shares[2]["confidence"]
    assert [figure["text"] for figure in proposals["statistics"]] == ["300 ناشر", "25 دولة", "أكثر من 200 ألف زائر"]


def test_extract_prints_kind_and_confidence(capsys, tmp_path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["--lang", "en", "extract", str(article)]) == 0
    out = capsys.readouterr().out
    assert "Quotes: 3" in out
    last = extract(ARTICLE).further_quotes[-1]
    said = "نادر سليم حداد: «الدورة المقبلة تقام يومي 10 و11 مارس»"
    assert f"Quote: continuation · {last.confidence:.2f} · {said}" in out
