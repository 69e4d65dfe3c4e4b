"""``muntada show KIND ID --json`` lists a record's keys in the order ``show`` and the app's record page
read its fields: a quote's speaker before its speaker's printed title, its source before the span.

Before, every link (speaker, organisation, event, session, source) came after all the plain fields,
so the JSON read in another order than the record page and ``show``. The keys themselves are the
same (scripts read them); only their order changed.
"""

from __future__ import annotations

import dataclasses
import json

import pytest

from archive.kinds.registry import KINDS
from archive.kinds.shown import record_attribute
from desktop.cli import main


def _ids(filled) -> dict[str, int]:
    return {"event": filled.event_id, "session": filled.session_id, "person": filled.speaker_id,
            "organisation": filled.ministry_id, "quote": filled.quote_id, "statistic": filled.statistic_id,
            "source": filled.source_id, "series": filled.series_id}


def _shown_keys(kind: str, command: str, filled, capsys) -> list[str]:
    args = ["--archive", str(filled.archive.path), command, *(
        [kind, str(_ids(filled)[kind])] if command == "show" else [KINDS[kind].list_name]), "--json"]
    assert main(args) == 0
    data = json.loads(capsys.readouterr().out)
    return list((data if command == "show" else data[0]).keys())


def _page_order(kind: str) -> list[str]:
    """The record's attributes in the order of the rows the record page and ``show`` print."""
    names = [record_attribute(name) for row in KINDS[kind].rows()
             for name in (row.names if row.style == "figure" else [field.name for field in row.fields])]
    return list(dict.fromkeys(names))


def test_a_quotes_links_are_listed_where_the_record_page_shows_them(filled, capsys):
    filled.archive.close()
    keys = _shown_keys("quote", "show", filled, capsys)
    assert keys[0] == "id"
    assert keys.index("text") < keys.index("speaker") < keys.index("speaker_title"), keys
    assert keys.index("organisation") < keys.index("organisation_text") < keys.index("event"), keys
    assert keys.index("event") < keys.index("session") < keys.index("speech"), keys
    assert keys.index("source") < keys.index("source_start") < keys.index("source_end"), keys


@pytest.mark.parametrize("command", ["show", "list"])
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_lists_its_keys_in_the_record_pages_order(filled, capsys, kind, command):
    filled.archive.close()
    keys = _shown_keys(kind, command, filled, capsys)
    record_fields = [field.name for field in dataclasses.fields(KINDS[kind].record_type)]
    assert sorted(keys) == sorted(record_fields)  # the same keys, nothing added or lost
    assert keys[0] == "id"
    page = [name for name in _page_order(kind) if name in keys]
    assert [key for key in keys if key in page] == page
    counts = [key for key in keys if key.endswith("_count")]
    if counts:  # the counts follow the fields shown, as show prints them after its rows
        assert min(keys.index(key) for key in counts) > max(keys.index(key) for key in page), keys
