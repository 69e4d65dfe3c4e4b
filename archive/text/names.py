"""People and organisation names as the press writes them: honorifics, matching keys, similarity."""

from __future__ import annotations

from archive.text.normalize import normalize_arabic

HONORIFICS: tuple[str, ...] = ("معالي", "سعادة", "الدكتور", "د.", "الشيخ", "السيد", "السيدة")


def split_honorific(name: str) -> tuple[str, str]:
    words = name.split()
    index = 0
    while index < len(words) and words[index] in HONORIFICS:
        index += 1
    return " ".join(words[:index]), " ".join(words[index:])


def name_tokens(name: str) -> list[str]:
    return normalize_arabic(split_honorific(name)[1]).split()


def name_key(name: str) -> str:
    return " ".join(name_tokens(name))


def same_person_score(a: str, b: str) -> float:
    return 1.0 if name_key(a) == name_key(b) else 0.0


def organisation_key(name: str) -> str:
    return normalize_arabic(name)
