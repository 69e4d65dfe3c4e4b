"""The text engine without drawing: shaping choices, whole-paragraph levels, per-line display order."""

from __future__ import annotations

import unicodedata

from bidi.mirror import MIRRORED

from archive.briefs.rtl import MIRRORED_CODE_POINTS, BidiParagraph, ltr_isolated, shape_text, visual_text


def logical_letters(visual: str) -> str:
    """What the eye sees, left to right, as base letters (a mirrored bracket as the glyph drawn)."""
    drawn_glyph = {code: MIRRORED[char] for char, code in MIRRORED_CODE_POINTS.items()}
    return "".join(drawn_glyph.get(char) or unicodedata.normalize("NFKC", char) for char in visual)


def test_harakat_are_kept_and_only_lam_alef_ligatures_are_used():
    shaped = shape_text("محمد يصلي شهريًا لله لا")
    assert "\u064b" in shaped  # tanween of شهريًا
    assert "\ufdf4" not in shaped and "\ufdf2" not in shaped  # no محمد / الله word ligatures
    assert "\ufefb" in shaped or "\ufefc" in shaped  # لا is one glyph
    assert all(not ("\ufb50" <= char <= "\ufdff") for char in shaped)  # no other ligature glyphs


def test_arabic_words_are_reversed_and_numbers_and_latin_keep_their_order():
    visual = visual_text("أطلقت Meta الإصدار 3.9 يوم 12/05/2024", "rtl")
    tokens = logical_letters(visual).split(" ")
    assert tokens[0] == "12/05/2024" and tokens[1] == "موي"  # leftmost: the last logical word
    assert "3.9" in tokens and "Meta" in tokens
    assert tokens[-1] == "تقلطأ"  # rightmost: the first logical word, its letters drawn right to left


def test_levels_are_resolved_over_the_whole_paragraph_not_per_line():
    paragraph = BidiParagraph.from_text("بلغت النسبة 80% من المشاركين", "rtl")
    start = paragraph.text.index("80")
    second_line = paragraph.visual_line(start, len(paragraph.text))
    # In Arabic context 80 is an Arabic number, so the percent sign sits to its left, as in a browser.
    assert logical_letters(second_line).endswith("%80")
    alone = BidiParagraph.from_text("80% من المشاركين", "rtl")
    assert logical_letters(alone.visual_line(0, len(alone.text))).endswith("80%")


def test_brackets_are_mirrored_and_pair_round_latin_text():
    assert logical_letters(visual_text("(مرحبا)", "rtl")) == "(ابحرم)"
    visual = visual_text("قال المتحدث (Meta) 3.9", "rtl")
    readable = logical_letters(visual)
    assert readable.startswith("3.9 (Meta) ")  # N0: brackets stay round Meta, the number stays left


def test_bracket_code_points_draw_mirrored_glyphs_but_copy_as_the_bracket():
    visual = visual_text("(مرحبا)", "rtl")
    assert visual[0] == MIRRORED_CODE_POINTS[")"] and visual[-1] == MIRRORED_CODE_POINTS["("]


def test_an_iso_date_isolated_keeps_its_order_inside_arabic():
    assert "2024-05-12" in logical_letters(visual_text("التاريخ: " + ltr_isolated("2024-05-12"), "rtl"))
    assert "12-05-2024" in logical_letters(visual_text("التاريخ: 2024-05-12", "rtl"))  # the plain Unicode rule


def test_english_base_direction_keeps_arabic_runs_correct():
    visual = visual_text("The hashtag سلطنة عمان trended", "ltr")
    assert logical_letters(visual) == "The hashtag " + "نامع ةنطلس" + " trended"


def test_direction_marks_and_joiners_steer_but_are_not_drawn():
    paragraph = BidiParagraph.from_text("نص\u200f مع\u200c علامة", "auto")
    assert "\u200f" not in paragraph.text and "\u200c" not in paragraph.text
    assert len(paragraph.levels) == len(paragraph.text)
