"""A quote and the line saying who said it are printed on the same page, and the speaker's
organisation is not printed twice when the title already names it.

Found in the sample archive's brief of «مؤتمر الشائعات والأخبار المضللة»: page 3 began with the
attribution of the last quote of page 2, and "مدير عام الإعلام بوزارة الإسكان، وزارة الإسكان".
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from archive.briefs.document import MARGIN
from archive.briefs.options import BriefOptions
from archive.briefs.sections import speaker_line
from archive.briefs.selection_brief import selection_brief
from archive.briefs.styles import BriefStyles
from archive.db.engine import open_archive
from archive.services import organisations, people, quotes
from archive.services.records import OrganisationInput, PersonInput, QuoteInput

from .archive_data import build_archive
from .pdf_checks import pdftotext

ATTRIBUTION_SIZE = BriefStyles.for_language("ar").attribution.font_size
QUOTE_SIZE = BriefStyles.for_language("ar").quote.font_size


def line_tops(page, size: float) -> list[float]:
    """The tops of the body's lines in this font size (the page header, above the margin, left out)."""
    return sorted({round(char["top"]) for char in page.chars if abs(char["size"] - size) < 0.05
                   and char["text"].strip() and MARGIN < char["top"] < page.height - MARGIN})


@pytest.mark.parametrize("repeats", [2, 6, 9])
def test_no_page_begins_with_the_attribution_of_a_quote_on_the_page_before(tmp_path: Path, repeats: int) -> None:
    archive, ids = build_archive(tmp_path / "archive.sqlite", quote_repeats=repeats)
    try:
        pdf = selection_brief(archive, list(ids.quote_ids), [], BriefOptions(sections={"quotes"}))
    finally:
        archive.close()
    path = tmp_path / "brief.pdf"
    pdf.write(path)
    with pdfplumber.open(path) as document:
        assert len(document.pages) >= 2
        for number, page in enumerate(document.pages, start=1):
            attributions, quotes = line_tops(page, ATTRIBUTION_SIZE), line_tops(page, QUOTE_SIZE)
            if attributions:
                assert quotes and quotes[0] < attributions[0], f"page {number} begins with an attribution"
            if quotes:  # and no quote ends a page without who said it
                assert attributions and attributions[-1] > quotes[-1], f"page {number} ends with a bare quote"


@pytest.mark.parametrize(("title", "organisation", "expected"), [
    ("مدير عام الإعلام بوزارة الإسكان والتخطيط العمراني", "وزارة الإسكان والتخطيط العمراني",
     "سالم بن حمد الكلباني، مدير عام الإعلام بوزارة الإسكان والتخطيط العمراني"),
    ("وكيل وزارة الإعلام", "وزارة الإعلام", "سالم بن حمد الكلباني، وكيل وزارة الإعلام"),
    ("مستشار إعلامي", "وزارة الإعلام", "سالم بن حمد الكلباني، مستشار إعلامي، وزارة الإعلام"),
], ids=["glued-to-a-preposition", "named-as-is", "not-in-the-title"])
def test_the_organisation_named_in_the_title_is_not_repeated(tmp_path: Path, title: str, organisation: str,
                                                              expected: str) -> None:
    archive = open_archive(tmp_path / "archive.sqlite", create=True, officer="tester")
    try:
        body = organisations.create_organisation(archive, OrganisationInput(name=organisation))
        person = people.create_person(archive, PersonInput(name="سالم بن حمد الكلباني"))
        quote = quotes.create_quote(archive, QuoteInput(
            text="الشائعة تنتشر أسرع من تصحيحها", speaker_id=person.id, speaker_title=title,
            organisation_id=body.id, speech="direct"))
        pdf = selection_brief(archive, [quote.id], [], BriefOptions(sections={"quotes"}))
        line = speaker_line(quotes.get_quote(archive, quote.id), {person.id: people.get_person(archive, person.id)})
    finally:
        archive.close()
    assert line == expected
    path = tmp_path / "brief.pdf"
    pdf.write(path)
    printed = " ".join(pdftotext(path).split())
    # "وزارة" has no LAM-ALEF, which extractors copy swapped: counted in the PDF as printed
    assert printed.count("وزارة") == expected.count("وزارة"), printed
