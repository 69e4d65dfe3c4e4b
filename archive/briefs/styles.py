"""The look of a brief: page sizes, colours and the text styles of each part.

One ``BriefStyles`` per brief, made for its language: Arabic briefs run right to left,
English briefs left to right. Quotes and names keep ``direction="auto"`` so Arabic content
reads right to left inside an English brief too.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER

from archive.briefs.fonts import BOLD, REGULAR
from archive.briefs.paragraph import ALIGN_CENTER, ALIGN_JUSTIFY, TextStyle

PAPER_SIZES = {"a4": A4, "letter": LETTER}
INK = colors.HexColor("#1F2A36")
ACCENT = colors.HexColor("#0B5563")
MUTED = colors.HexColor("#5B6670")
RULE = colors.HexColor("#B8C4CC")
HEADER_FILL = colors.HexColor("#E4ECEF")
ZEBRA_FILL = colors.HexColor("#F5F8F9")


@dataclass(frozen=True)
class BriefStyles:
    """Text styles for one brief; ``direction`` is the brief's base direction ("rtl" or "ltr")."""

    direction: str
    cover_title: TextStyle
    cover_line: TextStyle
    heading: TextStyle
    subheading: TextStyle
    body: TextStyle
    quote: TextStyle
    attribution: TextStyle
    small: TextStyle
    cell: TextStyle
    header_cell: TextStyle

    @classmethod
    def for_language(cls, language: str) -> BriefStyles:
        """Styles for an Arabic ("ar") or English ("en") brief."""
        direction = "rtl" if language == "ar" else "ltr"
        # Archive content (quotes, names, cells) in an English brief is mostly Arabic: it takes the
        # direction of its own first letter there, and the brief's direction in an Arabic brief.
        content = "rtl" if language == "ar" else "auto"
        base = TextStyle(font_name=REGULAR, font_size=11, leading=18, color=INK, direction=direction)
        return cls(
            direction=direction,
            cover_title=base.but(font_name=BOLD, font_size=24, leading=38, color=ACCENT, alignment=ALIGN_CENTER,
                                 direction="auto", space_after=10),
            cover_line=base.but(font_size=13, leading=22, alignment=ALIGN_CENTER, direction="auto", space_after=2),
            heading=base.but(font_name=BOLD, font_size=16, leading=26, color=ACCENT, space_before=14, space_after=6),
            subheading=base.but(font_name=BOLD, font_size=12.5, leading=21, space_before=8, space_after=3),
            body=base.but(alignment=ALIGN_JUSTIFY, direction=content, space_after=4),
            quote=base.but(font_size=11.5, leading=19, alignment=ALIGN_JUSTIFY, direction=content),
            attribution=base.but(font_size=9.5, leading=15, color=MUTED, space_after=9),
            small=base.but(font_size=9, leading=14, color=MUTED),
            cell=base.but(font_size=9.5, leading=15, direction=content),
            header_cell=base.but(font_name=BOLD, font_size=9.5, leading=15),
        )

    @property
    def is_rtl(self) -> bool:
        return self.direction == "rtl"
