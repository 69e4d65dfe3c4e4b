"""Tables of a brief, mirrored for Arabic: the first column sits on the right.

Cells are ``TextBlock``s, so Arabic inside them is shaped and ordered like any paragraph, and
a cell taller than a page splits with its row.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeAlias

from reportlab.platypus import Flowable, Table, TableStyle

from archive.briefs.fonts import REGULAR
from archive.briefs.paragraph import TextBlock
from archive.briefs.styles import HEADER_FILL, RULE, ZEBRA_FILL, BriefStyles

Cell: TypeAlias = str | Flowable | None


def brief_table(header: Sequence[str], rows: Sequence[Sequence[Cell]], column_shares: Sequence[float],
                width: float, styles: BriefStyles) -> Table:
    """A table ``width`` wide whose columns take ``column_shares`` of it, in reading order
    (the first column is on the right in an Arabic brief)."""
    total_share = sum(column_shares)
    widths = [width * share / total_share for share in column_shares]
    header_cells = [TextBlock(text, styles.header_cell) for text in header]
    body_cells = [[_cell(value, styles) for value in row] for row in rows]
    grid = [header_cells, *body_cells]
    if styles.is_rtl:
        grid = [list(reversed(row)) for row in grid]
        widths = list(reversed(widths))
    table = Table(grid, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="RIGHT" if styles.is_rtl else "LEFT")
    table.setStyle(_table_style(len(grid)))
    return table


def _cell(value: Cell, styles: BriefStyles) -> Flowable:
    if isinstance(value, Flowable):
        return value
    return TextBlock("" if value is None else str(value), styles.cell)


def _table_style(row_count: int) -> TableStyle:
    commands: list[tuple[object, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONT", (0, 0), (-1, -1), REGULAR),  # cells are TextBlocks; this keeps Helvetica out of the PDF
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    commands += [("BACKGROUND", (0, row), (-1, row), ZEBRA_FILL) for row in range(2, row_count, 2)]
    return TableStyle(commands)
