"""The record kinds of the archive, as users name them, and which of them can be edited.

A plain module (no database imports) so that the desktop window can name kinds before
SQLAlchemy is loaded. ``archive.services.history`` checks at import that it can revert exactly
``EDITABLE_KINDS``.
"""

from __future__ import annotations

from archive.i18n import N_, NP_

KIND_LABELS = {
    "event": N_("Event"),
    "session": N_("Session"),
    "person": N_("Person"),
    "organisation": N_("Organisation"),
    "quote": N_("Quote"),
    "statistic": NP_("record kind", "Figure"),  # one record of the "Figures" list
    "source": N_("Source"),
    "series": N_("Series"),
    "tag": N_("Tag"),
}

# The kinds a user can create, change, delete and undo (archive.services.history).
EDITABLE_KINDS = ("event", "series", "session", "person", "organisation", "quote", "statistic", "source")
