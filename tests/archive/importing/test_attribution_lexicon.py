"""The words that attribute speech are package data (archive/importing/attribution.json), not code."""

from __future__ import annotations

import json
from importlib import resources

from archive.importing import lexicon as lx
from archive.text.normalize import normalize_arabic


def _data() -> dict:
    return json.loads(resources.files("archive.importing").joinpath("attribution.json").read_text(encoding="utf-8"))


def test_the_rules_read_their_verbs_from_the_data_file() -> None:
    data = _data()
    assert {normalize_arabic(word) for word in data["reporting_verbs"]} == lx.REPORTING_VERBS
    assert {normalize_arabic(word) for word in data["participles"]} == lx.PARTICIPLES
    assert {normalize_arabic(word) for word in data["complementisers"]} == lx.COMPLEMENTIZERS


def test_the_data_file_holds_feminine_plural_and_participle_forms_and_bare_complementisers() -> None:
    data = _data()
    for word in ("قالت", "أكدوا", "ختمت", "تساءل"):
        assert normalize_arabic(word) in lx.REPORTING_VERBS, word
    for word in ("مشيرة", "مبرزا", "محذرا", "قائلا"):
        assert word in data["participles"], word
    for word in ("ان", "أنّ", "بأن"):
        assert normalize_arabic(word) in lx.COMPLEMENTIZERS, word
    assert normalize_arabic("أننا") in lx.PRONOUN_COMPLEMENTIZERS
