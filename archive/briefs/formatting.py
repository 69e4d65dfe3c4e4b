"""How archive values read in a brief: dates, figures and names with their titles."""

from __future__ import annotations

from datetime import date

from archive.briefs.rtl import has_rtl, ltr_isolated
from archive.text.dates import format_partial_date
from archive.text.names import organisation_key


def display_date(value: str | date | None, language: str) -> str:
    """A partial ISO date ("2024", "2024-05", "2024-05-12") as the brief prints it, or ""."""
    if value is None or value == "":
        return ""
    text = format_partial_date(value.isoformat() if isinstance(value, date) else value, language)
    # Digits joined by "-" inside Arabic would read 12-05-2024 by the Unicode rules: keep them together.
    return text if has_rtl(text) else ltr_isolated(text)


def date_range(start: str | None, end: str | None, language: str) -> str:
    """"start – end", or one date when both are the same or one is missing."""
    first, last = display_date(start, language), display_date(end, language)
    if first and last and first != last:
        return f"{first} – {last}"
    return first or last


def person_line(name: str | None, honorific: str | None = None, title: str | None = None,
                organisation: str | None = None) -> str:
    """"معالي الدكتور فلان، وزير الإعلام، الوزارة" with whatever parts are known.

    The organisation is left out when the title already names it ("وكيل وزارة الإعلام"): printed
    after it, it read "وكيل وزارة الإعلام، وزارة الإعلام".
    """
    who = " ".join(part for part in (honorific, name) if part)
    if title and organisation and names_organisation(title, organisation):
        organisation = None
    return "، ".join(part for part in (who, title, organisation) if part)


def names_organisation(title: str, organisation: str) -> bool:
    """Whether ``title`` contains the organisation's name, as the press writes it ("بوزارة الإسكان")."""
    wanted = organisation_key(organisation)
    if not wanted:
        return False
    words = title.split()
    for start in range(len(words)):
        key = organisation_key(" ".join(words[start:]))
        if key == wanted or key.startswith(wanted + " "):
            return True
    return False
