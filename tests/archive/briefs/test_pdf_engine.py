"""The brief page machinery rendered to real PDFs and read back (pdfplumber, pypdf, pdftotext); no archive needed."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
from PIL import Image

from archive.briefs.document import MARGIN, Cover, build_pdf
from archive.briefs.options import BriefOptions
from archive.briefs.paragraph import TextBlock
from archive.briefs.styles import BriefStyles
from archive.briefs.tables import brief_table

from .pdf_checks import (
    lines_of,
    pdftotext,
    to_unicode_targets,
    unembedded_fonts,
    visual_tokens,
    word_recovery,
    words_of,
)
from .texts import QUOTES


def render(tmp_path: Path, body_of, language: str = "ar", **options) -> tuple[Path, object]:
    styles = BriefStyles.for_language(language)
    brief = build_pdf(Cover("موجز تجريبي", "اختبار", [("المكان", "مسقط")]), body_of(styles),
                      BriefOptions(language=language, organisation_name="مركز التواصل", **options))
    path = tmp_path / f"brief-{language}.pdf"
    brief.write(path)
    return path, brief


def quotes_body(styles: BriefStyles) -> list:
    return [TextBlock(quote, styles.quote.but(space_after=8)) for quote in QUOTES * 6]


def test_extracted_text_holds_the_quote_words_as_real_letters(tmp_path):
    path, _brief = render(tmp_path, quotes_body)
    recovery, missing = word_recovery(QUOTES, pdftotext(path))
    assert recovery >= 0.95, missing
    with pdfplumber.open(path) as pdf:
        drawn = "".join(char["text"] for page in pdf.pages for char in page.chars)
    assert not re.search("[\ufb50-\ufdff\ufe70-\ufeff]", drawn)  # no presentation forms copied out
    mapped = "".join(to_unicode_targets(path))
    assert "م" in mapped and "لا" in to_unicode_targets(path)  # base letters, LAM-ALEF as two letters
    assert not re.search("[\ufb50-\ufdff\ufe70-\ufeff\uf5e0-\uf5eb]", mapped)  # no presentation or private-use code


def test_pages_are_numbered_with_the_total_and_fonts_embedded(tmp_path):
    path, brief = render(tmp_path, quotes_body)
    assert brief.page_count >= 3
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            footer = [text for text, _x in visual_tokens(lines_of(page)[-1])]
            assert footer == [str(brief.page_count), "نم", str(number), "ةحفص"]  # "صفحة 1 من N" drawn right to left
    extracted = re.sub(r"\s+", "", pdftotext(path))
    assert f"صفحة1من{brief.page_count}" in extracted
    assert unembedded_fonts(path) == []


def test_english_brief_numbers_pages_in_english(tmp_path):
    path, brief = render(tmp_path, quotes_body, language="en")
    assert f"Page 1 of {brief.page_count}" in pdftotext(path)


def test_arabic_words_run_right_to_left_and_numbers_and_latin_left_to_right(tmp_path):
    sentence = "أطلقت شركة Meta النسخة 3.9 يوم 12/05/2024 بنجاح"
    path, _brief = render(tmp_path, lambda styles: [TextBlock(sentence, styles.body)], sections=frozenset({"quotes"}))
    with pdfplumber.open(path) as pdf:
        line = next(chars for chars in lines_of(pdf.pages[0]) if any(char["text"] == "M" for char in chars))
    tokens = visual_tokens(line)
    texts = [text for text, _x in tokens]
    # Left to right on the page: the sentence read from its end.
    assert texts == ["حاجنب", "12/05/2024", "موي", "3.9", "ةخسنلا", "Meta", "ةكرش", "تقلطأ"]
    for text, x_positions in tokens:
        assert x_positions == sorted(x_positions)  # characters of every token laid out left to right
        if text[0].isdigit() or text.isascii():
            assert text in sentence  # numbers and Latin read left to right as written


def test_a_quote_longer_than_a_page_splits_and_keeps_its_line_order(tmp_path):
    long_quote = " ".join(QUOTES[:10] * 8)
    path, brief = render(tmp_path, lambda styles: [TextBlock(long_quote, styles.quote)], sections=frozenset({"quotes"}))
    assert brief.page_count >= 2
    text = pdftotext(path)
    recovery, missing = word_recovery([long_quote], text)
    assert recovery >= 0.95, missing
    first, last = text.find("التواصل"), text.rfind("ومركز")
    assert 0 <= first < last


def test_nothing_is_drawn_outside_the_margins(tmp_path):
    long_word = "كلمة" + "طويلة" * 40 + " Supercalifragilistic" * 3 + "X" * 150
    path, _brief = render(tmp_path, lambda styles: [
        TextBlock(long_word, styles.body),
        brief_table(["العنوان", "القيمة"], [[long_word, "80%"], ["", None]], [3, 1], 400, styles),
    ])
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for char in page.chars:
                assert char["x0"] >= MARGIN - 1 and char["x1"] <= page.width - MARGIN + 1, char["text"]


def test_tables_put_the_first_column_on_the_right_in_arabic_and_left_in_english(tmp_path):
    def body(styles):
        return [brief_table(["أولا", "ثانيا"], [["مسقط", "صلالة"]], [1, 1], 400, styles)]

    for language, first_is_right in (("ar", True), ("en", False)):
        path, _brief = render(tmp_path, body, language=language, sections=frozenset({"statistics"}))
        with pdfplumber.open(path) as pdf:
            chars = pdf.pages[0].chars
        x_of = {text: min(char["x0"] for char in chars if char["text"] in text) for text in ("مسقط", "صلالة")}
        muscat = min(char["x0"] for char in chars if char["text"] == "ق")
        salalah = min(char["x0"] for char in chars if char["text"] == "ص")
        assert (muscat > salalah) == first_is_right, (language, x_of)


def test_empty_text_blocks_and_an_empty_body_are_handled(tmp_path):
    _path, brief = render(tmp_path, lambda styles: [TextBlock("", styles.body), TextBlock("   \n  ", styles.quote)])
    assert brief.page_count == 2
    path, brief = render(tmp_path, lambda styles: [])
    assert brief.page_count == 2
    assert {"يوجد", "الموجز"} <= set(words_of(pdftotext(path)))


def test_a_missing_or_broken_logo_is_skipped_with_a_warning(tmp_path):
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not an image at all")
    for logo in (tmp_path / "missing.png", broken):
        _path, brief = render(tmp_path, quotes_body, logo_path=logo)
        assert brief.page_count >= 2 and len(brief.warnings) == 1
        assert str(logo) in brief.warnings[0]


def test_a_good_logo_is_drawn_on_the_cover(tmp_path):
    logo = tmp_path / "logo.png"
    Image.new("RGB", (300, 120), "teal").save(logo)
    path, brief = render(tmp_path, quotes_body, logo_path=logo)
    assert brief.warnings == ()
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages[0].images) == 1


def test_letter_paper(tmp_path):
    path, _brief = render(tmp_path, quotes_body, paper="letter")
    with pdfplumber.open(path) as pdf:
        assert (round(pdf.pages[0].width), round(pdf.pages[0].height)) == (612, 792)
