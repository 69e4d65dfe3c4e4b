"""Cover facts whose value is in the other script keep the value's own order: in an English
brief the '#' of an Arabic hashtag stands at the word's start (its right), not after it."""

from __future__ import annotations

import pdfplumber

from archive.briefs.event_brief import event_brief
from archive.briefs.options import BriefOptions

from .archive_data import build_archive


def test_an_arabic_hashtag_on_an_english_cover_keeps_its_sign_at_the_start(tmp_path):
    archive, ids = build_archive(tmp_path / "archive.sqlite")
    try:
        path = tmp_path / "brief-en.pdf"
        event_brief(archive, ids.event_id, BriefOptions(language="en", sections=frozenset({"cover"}))).write(path)
    finally:
        archive.close()
    with pdfplumber.open(path) as pdf:
        chars = pdf.pages[0].chars
    label = next(char for char in chars if char["text"] == "H")  # "Hashtags: #منتدى_الاتصال"
    line = [char for char in chars if abs(char["top"] - label["top"]) < 2]
    sign = next(char for char in line if char["text"] == "#")
    arabic = [char for char in line if "\u0600" <= char["text"] <= "\u06ff"]
    assert arabic
    assert sign["x0"] >= max(char["x1"] for char in arabic) - 0.5, "the # is drawn after the hashtag"
    assert label["x0"] < sign["x0"]  # the English label still comes first, on the left
