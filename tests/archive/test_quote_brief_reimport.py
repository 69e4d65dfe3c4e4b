"""A brief's PDF imported back gives its quotes with their speakers (issue 10, round 4).

An officer imports a colleague's brief: each quote block and the attribution line under it ("— name،
title · event · date · source") come back as quotes with the speaker, title and kind printed. The
briefs are written by our own code (``archive.briefs``) from an archive of our own sentences, in
Arabic and in English (whose pages reorder the Arabic attribution lines), and read back as an import
reads a PDF.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.briefs.event_brief import event_brief
from archive.briefs.options import BriefOptions
from archive.briefs.selection_brief import selection_brief
from archive.db.engine import Archive, open_archive
from archive.importing.extraction import QuoteProposal, extract
from archive.importing.readers import read_document
from archive.services import events, organisations, people, quotes, sessions, sources
from archive.services.records import (
    EventInput,
    OrganisationInput,
    PersonInput,
    QuoteInput,
    SessionInput,
    SourceInput,
)

# Our own sentences: a short direct quote, a reported one long enough to wrap over lines, a direct one
# that wraps too, and one said for an organisation by a speaker with no title.
_SAID = (
    ("سالم", "direct", "المنصات الرقمية غيرت طريقة وصول الأخبار إلى الجمهور"),
    ("سالم", "indirect", ("الوزارة ستطلق خلال العام المقبل برنامجا وطنيا لتدريب العاملين في التواصل الحكومي على "
                          "التحقق من الأخبار قبل نشرها والرد على الشائعات في ساعاتها الأولى بلغة واضحة")),
    ("مريم", "direct", ("الجمهور يثق بالجهة التي تجيب عن أسئلته بسرعة وبصراحة، ولذلك نعمل على أن يكون الرد على "
                        "كل استفسار خلال يوم واحد في جميع الحسابات الرسمية للوزارة")),
    ("خالد", "indirect", "الشراكة مع الجامعات تفتح للطلاب باب التدريب العملي في غرف الأخبار"),
)


def _archive(path: Path) -> tuple[Archive, int, list[int]]:
    archive = open_archive(path, create=True, officer="tester")
    ministry = organisations.create_organisation(archive, OrganisationInput(name="وزارة الإعلام"))
    university = organisations.create_organisation(archive, OrganisationInput(name="جامعة الساحل"))
    event = events.create_event(archive, EventInput(
        name="ملتقى الإعلام الحكومي الثالث", start_date="2025-03-10", organiser_id=ministry.id, city="مسقط"))
    panel = sessions.create_session(archive, SessionInput(
        event_id=event.id, title="الإعلام الحكومي والمنصات الرقمية", kind="panel", date="2025-03-10"))
    speakers = {
        "سالم": people.create_person(archive, PersonInput(
            name="سالم بن راشد الحارثي", honorific="سعادة", title="وكيل وزارة الإعلام",
            organisation_id=ministry.id)),
        "مريم": people.create_person(archive, PersonInput(
            name="مريم بنت سعيد البلوشية", honorific="الدكتورة", title="مديرة دائرة التواصل")),
        "خالد": people.create_person(archive, PersonInput(name="خالد بن علي المعمري")),
    }
    article = sources.add_source(archive, SourceInput(
        full_text=" ".join(text for _, _, text in _SAID), title="ملتقى الإعلام الحكومي", outlet="جريدة الساحل",
        published_on="2025-03-11", event_ids=(event.id,))).source
    quote_ids = [quotes.create_quote(archive, QuoteInput(
        text=text, speaker_id=speakers[who].id, event_id=event.id, session_id=panel.id, said_on="2025-03-10",
        speech=speech, source_id=article.id, organisation_id=university.id if who == "خالد" else None)).id
        for who, speech, text in _SAID]
    return archive, event.id, quote_ids


def _read_back(tmp_path: Path, kind: str, language: str) -> list[QuoteProposal]:
    archive, event_id, quote_ids = _archive(tmp_path / "archive.sqlite")
    try:
        options = BriefOptions(language=language, sections=frozenset({"quotes"}))
        pdf = event_brief(archive, event_id, options) if kind == "event" else \
            selection_brief(archive, quote_ids, [], options)
    finally:
        archive.close()
    path = tmp_path / "brief.pdf"
    pdf.write(path)
    proposals = extract(read_document(path).text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("kind", ["event", "selection"])
def test_a_brief_read_back_gives_its_quotes_with_their_speakers(tmp_path: Path, kind: str, language: str) -> None:
    found = _read_back(tmp_path, kind, language)
    assert [quote.text for quote in found] == [text for _, _, text in _SAID]  # wrapped lines joined again
    assert [quote.kind for quote in found] == ["direct", "indirect", "direct", "indirect"]
    assert [quote.speaker for quote in found] == [
        "سالم بن راشد الحارثي", "سالم بن راشد الحارثي", "مريم بنت سعيد البلوشية", "خالد بن علي المعمري"]
    assert [quote.honorific for quote in found] == ["سعادة", "سعادة", "الدكتورة", None]
    assert [quote.speaker_title for quote in found] == [
        "وكيل وزارة الإعلام", "وكيل وزارة الإعلام", "مديرة دائرة التواصل", None]
    assert found[3].organisation == "جامعة الساحل"


def test_a_press_line_opening_with_a_dash_is_no_brief_attribution() -> None:
    text = ("مسقط - العمانية\n"
            "التقى وزير الإعلام سالم راشد العلي وفد الصحفيين في مقر الوزارة صباح اليوم.\n"
            "— تصوير: خالد المعمري\n")
    assert extract(text).quotes == ()


def test_a_statement_of_a_body_in_a_brief_comes_back_as_the_body_s(tmp_path: Path) -> None:
    archive = open_archive(tmp_path / "archive.sqlite", create=True, officer="tester")
    try:
        ministry = organisations.create_organisation(archive, OrganisationInput(name="وزارة الإعلام"))
        said = quotes.create_quote(archive, QuoteInput(
            text="الوزارة ستنشر دليلا للتحقق من الأخبار قبل نهاية العام", organisation_id=ministry.id,
            said_on="2025-03-10", speech="indirect"))
        pdf = selection_brief(archive, [said.id], [], BriefOptions(language="ar", sections=frozenset({"quotes"})))
    finally:
        archive.close()
    path = tmp_path / "brief.pdf"
    pdf.write(path)
    [found] = extract(read_document(path).text).quotes
    assert (found.text, found.speaker, found.speaker_kind) == (
        "الوزارة ستنشر دليلا للتحقق من الأخبار قبل نهاية العام", "وزارة الإعلام", "organisation")
