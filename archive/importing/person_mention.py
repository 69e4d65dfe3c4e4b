"""One mention of a person as a sentence prints it (``PersonMention``): the value every speaker rule passes on."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PersonMention:
    """One mention of a person; ``kind`` is name, surname, title or pronoun (how the speaker is named)."""

    kind: str
    name: str | None
    honorific: str | None
    title: str | None
    organisation: str | None
    start: int
    end: int
