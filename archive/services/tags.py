"""Use cases for tags: the list of labels in use and how often each is used."""

from __future__ import annotations

from sqlalchemy import func, select

from archive.db import models as m
from archive.db.engine import Archive
from archive.services.records import TagRecord

_TAG_TABLES = (m.event_tag, m.quote_tag, m.statistic_tag, m.source_tag)


def list_tags(archive: Archive) -> list[TagRecord]:
    """Every tag, most used first."""
    with archive.session() as session:
        usage: dict[int, int] = {}
        for table in _TAG_TABLES:
            for tag_id, count in session.execute(select(table.c.tag_id, func.count()).group_by(table.c.tag_id)):
                usage[tag_id] = usage.get(tag_id, 0) + count
        rows = session.scalars(select(m.Tag)).all()
        records = [TagRecord(id=row.id, name=row.name, usage_count=usage.get(row.id, 0)) for row in rows]
    return sorted(records, key=lambda tag: (-tag.usage_count, tag.name))
