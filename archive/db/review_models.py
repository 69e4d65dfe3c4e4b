"""The import review table: proposals read from an imported article, waiting for the officer.

One row per imported source. ``proposals`` holds the extraction's plain-dict form (the same
shape as ``muntada extract --json``), with spans into the source's full text; ``decisions``
records what the officer accepted, corrected or rejected. The row goes when its source goes.
Imported by ``archive.db.models`` so that the metadata (and Alembic) know the table.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from archive.db.models import Base


def _utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class ImportReview(Base):
    """Proposals of one imported article; ``status`` is "pending" until the officer has decided."""

    __tablename__ = "import_review"
    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id", ondelete="CASCADE"), unique=True)
    status: Mapped[str] = mapped_column(String(20), default="pending", index=True)
    proposals: Mapped[dict] = mapped_column(JSON)
    decisions: Mapped[dict | None] = mapped_column(JSON)
    proposal_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(), default=_utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime())
