"""What became of one imported article's review: waiting, or accepted or rejected, and when.

``get_review`` hands out the proposals whether or not they were decided; the command line needs
to know which, so that it never invites the officer to accept an article already accepted or
rejected (``accept_proposals`` refuses a second decision).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from archive.db.engine import Archive
from archive.db.models import ImportReview


@dataclass(frozen=True)
class ReviewDecision:
    """An article's closed review: ``accepted`` when any record was stored from it, else rejected."""

    source_id: int
    accepted: bool
    decided_at: datetime | None  # UTC; None for a review closed before the time was kept
    officer: str | None


def review_decision(archive: Archive, source_id: int) -> ReviewDecision | None:
    """The decision on source ``source_id``'s proposals, or None while they wait (or none are kept)."""
    with archive.session() as session:
        review = session.scalar(select(ImportReview).where(ImportReview.source_id == source_id))
        if review is None or review.status == "pending":
            return None
        decisions = review.decisions or {}
        stored = decisions.get("accepted") or {}
        accepted = any(value for value in stored.values()) if isinstance(stored, dict) else False
        officer = decisions.get("officer")
        return ReviewDecision(source_id, accepted, review.decided_at, officer if isinstance(officer, str) else None)
