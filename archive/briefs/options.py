"""What an officer can choose about a brief: language, paper, sections, organisation and logo."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from archive.errors import ValidationError

# Section names a brief kind may print; a brief prints the ones it has and ``options`` allows.
SECTIONS = ("cover", "summary", "statistics", "charts", "sessions", "quotes", "coverage")
# The sections each kind of brief prints (``event_brief``, ``speaker_brief``, ``selection_brief``).
SECTIONS_BY_KIND = {
    "event": SECTIONS,
    "person": ("cover", "summary", "statistics", "charts", "quotes"),
    "selection": ("cover", "statistics", "quotes"),
}
LANGUAGES = ("ar", "en")
PAPERS = ("a4", "letter")
QUOTE_GROUPINGS = ("session", "speaker")


@dataclass(frozen=True)
class BriefOptions:
    """Choices for one brief. ``sections`` None means every section; ``printed_on`` None means today."""

    language: str = "ar"
    paper: str = "a4"
    sections: frozenset[str] | None = None
    organisation_name: str | None = None
    logo_path: Path | None = None
    title: str | None = None
    group_quotes_by: str = "session"
    printed_on: date | None = None

    def __post_init__(self) -> None:
        if self.language not in LANGUAGES:
            raise ValidationError("Unknown brief language: {language}", language=self.language)
        if self.paper not in PAPERS:
            raise ValidationError("Unknown paper size: {paper}", paper=self.paper)
        if self.group_quotes_by not in QUOTE_GROUPINGS:
            raise ValidationError("Unknown quote grouping: {grouping}", grouping=self.group_quotes_by)
        unknown = sorted(set(self.sections or ()) - set(SECTIONS))
        if unknown:
            raise ValidationError("Unknown brief section: {section}. The sections are: {sections}.",
                                  section=", ".join(unknown), sections=", ".join(SECTIONS))

    def shows(self, section: str) -> bool:
        """Whether the brief prints this section."""
        return self.sections is None or section in self.sections

    @property
    def is_rtl(self) -> bool:
        return self.language == "ar"
