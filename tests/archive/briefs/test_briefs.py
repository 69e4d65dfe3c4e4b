"""Event, speaker and selection briefs of a real temporary archive, checked from the PDF they produce."""

from __future__ import annotations

import re

import pdfplumber
import pytest

from archive.briefs.event_brief import event_brief
from archive.briefs.options import BriefOptions
from archive.briefs.selection_brief import selection_brief
from archive.briefs.speaker_brief import speaker_brief
from archive.errors import RecordNotFoundError, ValidationError

from .archive_data import build_archive
from .pdf_checks import pdftotext, unembedded_fonts, word_recovery, words_of
from .texts import QUOTES


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    archive, ids = build_archive(tmp_path_factory.mktemp("briefs") / "archive.sqlite")
    yield archive, ids
    archive.close()


def written(tmp_path, brief, name="brief.pdf"):
    path = tmp_path / name
    brief.write(path)
    return path


def test_event_brief_prints_every_quote_with_numbered_pages(sample, tmp_path):
    archive, ids = sample
    brief = event_brief(archive, ids.event_id, BriefOptions(organisation_name="مركز التواصل الحكومي"))
    path = written(tmp_path, brief)
    text = pdftotext(path)
    recovery, missing = word_recovery(QUOTES, text)
    assert recovery >= 0.95, missing
    words = set(words_of(text))
    assert {"مركز", "عمان", "للمؤتمرات"} <= words and "#منتدى_" in text  # cover facts (hashtag has a LAM-ALEF)
    assert "صفحة1من" + str(brief.page_count) in re.sub(r"\s+", "", text)
    assert unembedded_fonts(path) == []


def test_event_brief_charts_the_figure_across_editions_right_to_left(sample, tmp_path):
    archive, ids = sample
    path = written(tmp_path, event_brief(archive, ids.event_id, BriefOptions(sections=frozenset({"charts"}))))
    with pdfplumber.open(path) as pdf:
        chars = [char for page in pdf.pages for char in page.chars]
    assert {"9", "1"} <= {char["text"] for char in chars if char["size"] < 9}  # bar value labels 900, 1,500
    first_edition = min(char["x0"] for char in chars if char["text"] == "و" and char["size"] < 9)  # "الأول"
    second_edition = min(char["x0"] for char in chars if char["text"] == "ث" and char["size"] < 9)  # "الثاني"
    assert first_edition > second_edition  # the first edition is on the right


def test_sections_can_be_turned_off(sample, tmp_path):
    archive, ids = sample
    full = set(words_of(pdftotext(written(tmp_path, event_brief(archive, ids.event_id), "full.pdf"))))
    lean = set(words_of(pdftotext(written(tmp_path, event_brief(
        archive, ids.event_id, BriefOptions(sections=frozenset({"cover", "sessions"}))), "lean.pdf"))))
    assert "الموثوق" in lean  # session title kept
    assert "الورقية" in full and "الورقية" not in lean  # quotes left out
    assert "المساء" in full and "المساء" not in lean  # press coverage left out


def test_english_event_brief_keeps_arabic_quotes_right_to_left(sample, tmp_path):
    archive, ids = sample
    brief = event_brief(archive, ids.event_id, BriefOptions(language="en", paper="letter", group_quotes_by="speaker"))
    text = pdftotext(written(tmp_path, brief))
    assert "Key statistics" in text and f"Page 1 of {brief.page_count}" in text
    assert word_recovery(QUOTES, text)[0] >= 0.95


def test_speaker_brief_lists_the_speakers_quotes_by_year(sample, tmp_path):
    archive, ids = sample
    brief = speaker_brief(archive, ids.speaker_id)
    text = pdftotext(written(tmp_path, brief))
    assert word_recovery(QUOTES, text)[0] >= 0.95
    assert {"سعادة", "موجز", "متحدث"} <= set(words_of(text))


def test_selection_brief_keeps_the_chosen_order_and_refuses_unknown_ids(sample, tmp_path):
    archive, ids = sample
    chosen = [ids.quote_ids[3], ids.quote_ids[0]]
    text = pdftotext(written(tmp_path, selection_brief(archive, chosen, ids.statistic_ids[:1])))
    assert text.find("الإعلان") < text.find("الإصغاء") or text.find("YouTube") < text.find("المواطن")
    assert "الورقية" not in set(words_of(text))
    with pytest.raises(RecordNotFoundError):
        selection_brief(archive, [999_999])


def test_unknown_event_and_bad_options_are_user_errors(sample):
    archive, _ids = sample
    with pytest.raises(RecordNotFoundError):
        event_brief(archive, 999_999)
    with pytest.raises(ValidationError):
        BriefOptions(paper="a3")
    with pytest.raises(ValidationError):
        BriefOptions(sections=frozenset({"gossip"}))


def test_two_hundred_quotes_split_over_pages_in_order(tmp_path):
    archive, ids = build_archive(tmp_path / "big.sqlite", quote_repeats=17)
    try:
        brief = event_brief(archive, ids.event_id, BriefOptions(sections=frozenset({"quotes"})))
    finally:
        archive.close()
    assert brief.page_count >= 10
    assert word_recovery(QUOTES, pdftotext(written(tmp_path, brief)))[0] >= 0.95
