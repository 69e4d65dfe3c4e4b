"""The cover of a speaker brief lists what the speaker has, never a count of nothing."""

from __future__ import annotations

from archive.briefs.speaker_brief import speaker_brief
from archive.services import people, quotes
from archive.services.records import PersonInput, QuoteInput

from .archive_data import build_archive
from .pdf_checks import pdftotext


def test_a_speaker_without_figures_has_no_figures_count_on_the_cover(tmp_path):
    archive, ids = build_archive(tmp_path / "archive.sqlite")
    try:
        guest = people.create_person(archive, PersonInput(name="مريم بنت سعيد الهنائية", title="أستاذة الإعلام"))
        quotes.create_quote(archive, QuoteInput(text="الشائعة تنتشر في تطبيقات المراسلة أسرع من غيرها",
                                                speaker_id=guest.id, event_id=ids.event_id, said_on="2024-05-12"))
        path = tmp_path / "guest.pdf"
        speaker_brief(archive, guest.id).write(path)
    finally:
        archive.close()
    cover = pdftotext(path).split("\f")[0]
    # (extractors swap the letters of a LAM-ALEF: match the words without their article)
    assert "قتباسات" in cover and "فعاليات" in cover
    assert "رقام" not in cover, cover
