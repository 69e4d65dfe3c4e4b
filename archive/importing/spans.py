"""A set of character spans that answers "is this position inside one of them?" in log time.

Extraction asks it at every token (is this name inside a quote? is this number inside a date?);
a scan of every span at every token made long articles quadratic (issue 11).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class SpanSet:
    """Character spans (start, end) added in any order; tells whether a position falls inside one."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._reach: list[int] = []  # _reach[i]: the furthest end among the first i + 1 spans by start
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        if self._starts and start < self._starts[-1]:  # out of order: rare, rebuild the running maximum
            at = bisect.bisect_right(self._starts, start)
            self._starts.insert(at, start)
            self._ends.insert(at, end)
            self._reach = []
            for span_end in self._ends:
                self._reach.append(max(span_end, self._reach[-1]) if self._reach else span_end)
            return
        self._starts.append(start)
        self._ends.append(end)
        self._reach.append(max(end, self._reach[-1]) if self._reach else end)

    def __contains__(self, position: int) -> bool:
        """True when ``start <= position < end`` for some span."""
        count = bisect.bisect_right(self._starts, position)
        return count > 0 and self._reach[count - 1] > position
