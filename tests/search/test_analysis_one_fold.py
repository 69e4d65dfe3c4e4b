"""Search folds letters as extraction does (issue 10): one spelling fold for the index, the query and the
stored keys. A record typed on a Persian or Urdu keyboard, or pasted with presentation forms and invisible
characters, is found by the same words typed on an Arabic keyboard, and the other way round.
"""

from __future__ import annotations

import unicodedata

import pytest

from archive.db.engine import open_archive
from archive.services import people, quotes
from archive.services.records import PersonInput, QuoteInput
from archive.text.normalize import normalize_arabic
from search.analysis import analyze_document, iter_tokens, normalize, word_forms
from search.index import SearchIndex

# Every character a record or a query may carry that the comparison form changes: the Arabic blocks, the
# presentation forms, the invisible format characters and the digits.
_ARABIC_BLOCKS = [*range(0x0600, 0x0700), *range(0x0750, 0x0780), *range(0x08A0, 0x0900),
                  *range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)]
_FORMAT_CHARACTERS = [0x00AD, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, *range(0x202A, 0x202F), 0x2060,
                      *range(0x2066, 0x206A), 0xFEFF]
# Search's own, on purpose: the Arabic thousands separator joins digits ("١٥٬٠٠٠" is 15000), never a comma.
_SEARCH_ONLY = {"\u066c": ""}


def _comparison_form(char: str) -> str:
    return _SEARCH_ONLY.get(char, normalize_arabic(char).lower())


@pytest.mark.parametrize("code", [code for code in _ARABIC_BLOCKS + _FORMAT_CHARACTERS
                                  if unicodedata.category(chr(code)) != "Cn"])
def test_search_folds_every_character_as_the_comparison_form_does(code: int) -> None:
    char = chr(code)
    assert normalize(char).strip() == _comparison_form(char), f"U+{code:04X} {unicodedata.name(char, '')}"


def test_a_letter_between_two_letters_folds_alike() -> None:
    for code in _ARABIC_BLOCKS + _FORMAT_CHARACTERS:
        char = chr(code)
        if unicodedata.category(char) == "Cn":
            continue
        word = f"ب{char}ت"
        assert normalize(word) == _SEARCH_ONLY.get(char, normalize_arabic(word)) or code == 0x066C, hex(code)


@pytest.mark.parametrize(("typed", "printed"), [
    ("وزير النفط", "وزیر النفط"),  # Persian yeh
    ("الشركة", "الشرڪة"),  # swash kaf
    ("هيئة", "ھیئة"),  # doachashmee heh, Persian yeh
    ("الهيئة", "الہیئۃ"),  # heh goal, teh marbuta goal
    ("المملكة", "الممل\u2060كة"),  # a word joiner pasted inside the word
    ("الإعلام", "ﺍﻹﻋﻼﻡ"),  # presentation forms
    ("الله", "ﷲ"),  # a ligature of one word
])
def test_each_spelling_meets_the_arabic_one_on_the_same_terms(typed: str, printed: str) -> None:
    assert len(list(iter_tokens(printed))) == len(typed.split())  # an invisible character cuts no word
    assert analyze_document(printed).stems == analyze_document(typed).stems
    assert analyze_document(printed).bares == analyze_document(typed).bares


def test_a_function_word_in_presentation_forms_is_a_stop_word_and_the_name_is_not() -> None:
    assert word_forms("ﻋﻠﻰ").stem is None  # على
    assert word_forms("ﻋﻠﻲ").stem == word_forms("علي").stem is not None  # the name علي


def test_isolated_harakat_and_multi_word_ligatures_leave_no_spaces_in_a_term() -> None:
    for raw in ("كتاب\ufe70", "ﷺ", "سلام\ufc5e"):
        forms = word_forms(raw)
        assert forms.normal == " ".join(forms.normal.split()) and not forms.normal.endswith(" ")
    assert word_forms("كتاب\ufe70").normal == "كتاب"


def test_a_name_typed_on_a_persian_keyboard_is_found_by_arabic_words(tmp_path) -> None:
    archive = open_archive(tmp_path / "archive.sqlite")
    speaker = people.create_person(archive, PersonInput(name="خالد الفاضل", title="وزیر النفط"))
    quote = quotes.create_quote(archive, QuoteInput(
        text="ستبدأ ھیئة النفط حفر الآبار الجدیدة في ﺍﻟﻤﻴﺪﺍﻥ مع الشرڪة الوطنیة", speaker_id=speaker.id))
    index = SearchIndex.open(tmp_path / "archive.index", archive)
    try:
        assert ("person", speaker.id) in {(hit.kind, hit.id) for hit in index.search("وزير النفط").hits}
        found = {(hit.kind, hit.id) for hit in index.search("هيئة الشركة الجديدة").hits}
        assert ("quote", quote.id) in found
        hit = next(hit for hit in index.search("الشركة").hits if hit.kind == "quote")
        assert hit.id == quote.id
        # the highlight lands on the word as typed, also after a word in presentation forms
        assert [hit.snippet.text[start:end] for start, end in hit.snippet.highlights] == ["الشرڪة"]
        assert ("quote", quote.id) in {(hit.kind, hit.id) for hit in index.search("ﺍﻟﺸﺮﻛﺔ").hits}  # pasted query
        hit = next(hit for hit in index.search("الميدان").hits if hit.kind == "quote")
        assert [hit.snippet.text[start:end] for start, end in hit.snippet.highlights] == ["ﺍﻟﻤﻴﺪﺍﻥ"]
    finally:
        index.close()
