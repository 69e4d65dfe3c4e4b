"""A speaker's figures charted over time are labelled with the month in words ('مايو 2024'),
not the ISO '2024-05' that reads as a subtraction or reversed in Arabic."""

from __future__ import annotations

from archive.briefs.options import BriefOptions
from archive.briefs.speaker_brief import speaker_brief

from .archive_data import build_archive
from .pdf_checks import pdftotext


def test_speaker_chart_months_in_words(tmp_path):
    archive, ids = build_archive(tmp_path / "archive.sqlite")
    try:
        for language, month in (("ar", "مايو"), ("en", "May")):
            path = tmp_path / f"speaker-{language}.pdf"
            speaker_brief(archive, ids.speaker_id, BriefOptions(language=language, sections=frozenset({"charts"}))
                          ).write(path)
            text = pdftotext(path)
            assert "2024-05" not in text and "2023-05" not in text, text
            assert month in text
    finally:
        archive.close()
