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


def _hashtag_line(path):
    with pdfplumber.open(path) as pdf:
        chars = pdf.pages[0].chars
    tops = {round(char["top"]) for char in chars if char["text"] == "#"}
    assert len(tops) == 1
    top = tops.pop()
    return [char for char in chars if abs(round(char["top"]) - top) <= 1]


def test_latin_and_arabic_hashtags_each_keep_their_sign_at_the_start(tmp_path):
    from archive.services import events
    from archive.services.records import EventInput

    archive, _ids = build_archive(tmp_path / "archive.sqlite")
    try:
        event = events.create_event(archive, EventInput(name="ندوة الإعلام", hashtags=("#ندوة_الإعلام", "#MediaOman")))
        for language in ("ar", "en"):
            path = tmp_path / f"tags-{language}.pdf"
            event_brief(archive, event.id, BriefOptions(language=language, sections=frozenset({"cover"}))).write(path)
            line = sorted(_hashtag_line(path), key=lambda char: char["x0"])
            signs = [index for index, char in enumerate(line) if char["text"] == "#"]
            latin = [index for index, char in enumerate(line) if char["text"] == "M"]
            arabic_tag = [index for index, char in enumerate(line) if char["text"] == "ة"]  # ندوة: its last letter
            # '#MediaOman' reads left to right: its sign stands just left of the M.
            assert latin[0] - 1 in signs, (language, "".join(char["text"] for char in line))
            # '#ندوة_الإعلام' reads right to left: its sign stands right of all its letters.
            assert any(sign > arabic_tag[0] for sign in signs), (language, "".join(char["text"] for char in line))
    finally:
        archive.close()
