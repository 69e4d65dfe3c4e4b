"""Optional free text of a record, copied from its ``*Input`` in one place.

Every field of an input annotated ``str | None`` that the model has a column for is free text
(a venue, a subject, notes, a figure's period, a source's section): trimmed, and empty means
none. A service's ``_apply`` calls ``copy_free_text`` first and then sets what is particular to
its kind (validated dates, choices, links), which overrides. A new free-text field of a kind
therefore needs nothing in its service.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from archive.services.unit import clean_text

FREE_TEXT = "str | None"


def free_text_fields(input_type: type) -> tuple[str, ...]:
    """The names of the optional text fields of an ``*Input`` type."""
    return tuple(field.name for field in dataclasses.fields(input_type) if field.type == FREE_TEXT)


def copy_free_text(row: Any, data: Any) -> None:
    """Set each optional text field of ``data`` on ``row`` (a column of the same name), trimmed."""
    for name in free_text_fields(type(data)):
        if hasattr(row, name):
            setattr(row, name, clean_text(getattr(data, name)))
