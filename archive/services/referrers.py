"""Which records show a given record's name, for the services' write path (``WriteUnit.enqueue_referrers``).

When a person, organisation, event, session, source or series is deleted or merged away, the
rows that pointed at it lose the link in the same transaction; the indexer could no longer find
them afterwards. Services therefore enqueue these referrers before the change. The relations
themselves are described once, in ``archive.kinds.relations``.
"""

from __future__ import annotations

from archive.kinds.relations import referrers

__all__ = ["referrers"]
