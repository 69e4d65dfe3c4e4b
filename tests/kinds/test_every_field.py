"""A new field is one edit, and these tests say so (issue 13).

For every kind and every field of its ``*Input``: the record page (a real ``RecordView``) and
``muntada show`` (the command line, run as a user runs it) show it with its label, and a search
(a real Whoosh index) finds the record by it unless the field is declared not searched; a field
declared not searched does not find it. The values come from ``every_field``, which fills any
field a kind's input has: a field added to an input and a model without a label, without its
``*Record`` attribute or without being read fails here.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from archive.db.engine import open_archive
from archive.i18n import set_language, tr
from archive.kinds.fields import CHOICE_LABELS, HIDDEN, KIND_CHOICE_LABELS, FormField, ShownRow
from archive.kinds.registry import INDEXED_KINDS, KINDS
from archive.kinds.relations import SHOWN_NAMES
from archive.kinds.shown import record_attribute, shown_label
from desktop.cli import main
from search.index import SearchIndex

from .every_field import Filled, fill_every_kind


@pytest.fixture(scope="module")
def filled_archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Filled]:
    path = tmp_path_factory.mktemp("every_field") / "archive.sqlite"
    archive = open_archive(path)
    try:
        return path, fill_every_kind(archive)
    finally:
        archive.close()


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("ar")


def expected_values(kind: str, row: ShownRow, filled: Filled) -> list[str]:
    """What a reader must see of a row: each field's text (a choice in words; "first": the first field)."""
    fields = row.fields[:1] if row.style == "first" else row.fields
    values = [_expected(kind, field, filled) for field in fields]
    return [value for value in values if value]


def _expected(kind: str, field: FormField, filled: Filled) -> str:
    if field.widget == "choice":
        value = field.choices[-1]
        return tr(KIND_CHOICE_LABELS.get((kind, value)) or CHOICE_LABELS[value])
    return filled.shown.get((kind, field.name), "")


def test_every_field_is_in_one_row_or_hidden_is_on_its_record_and_every_searched_link_is_reindexed() -> None:
    for kind, spec in KINDS.items():
        in_rows = [name for row in spec.rows() for name in row.names]
        every = [field.name for field in dataclasses.fields(spec.input_type)]
        assert sorted(in_rows) == sorted(name for name in every if (kind, name) not in HIDDEN), kind
        shown = {field.name for field in dataclasses.fields(spec.record_type)}
        missing = [name for name in every if record_attribute(name) not in shown]
        assert not missing, f"{kind}: add {missing} to {spec.record_type.__name__} too"
        assert all(row.label for row in spec.rows())
        assert set(spec.searched_in().values()) <= {"text", "context", "year", None}
        for field in spec.fields():  # a linked name in a document must be re-indexed when it changes
            if kind in INDEXED_KINDS and field.link_kind and spec.searched_in()[field.name]:
                assert any(relation.shown_by == kind and relation.named == field.link_kind
                           for relation in SHOWN_NAMES), (kind, field.name)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_field_is_on_the_record_page_with_its_label(qtbot, filled_archive: tuple[Path, Filled],
                                                          language: str) -> None:
    from archive.settings import Settings
    from desktop.gui.record_page import APART
    from desktop.gui.record_view import RecordView
    from desktop.gui.tasks import TaskRunner
    from desktop.gui.workspace import Workspace

    path, filled = filled_archive
    set_language(language)
    archive = open_archive(path)
    try:
        workspace = Workspace(archive, Settings(), TaskRunner(synchronous=True))
        view = RecordView(workspace)
        qtbot.addWidget(view)
        for kind, spec in KINDS.items():
            view.show_record(kind, filled.ids[kind])
            page = view.details.toPlainText() + view.source_text.toPlainText()
            labels = [shown_label(row) for row in spec.rows()]
            assert len(set(labels)) == len(labels), (kind, language, labels)  # no two rows read alike
            for row in spec.rows():
                if (kind, row.names[0]) not in APART:
                    assert f"{shown_label(row)}:" in page, (kind, row.label)
                for value in expected_values(kind, row, filled):
                    assert value in page, (kind, row.names, value)
        workspace.close()
    finally:
        archive.close()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_field_is_in_show_with_its_label(filled_archive: tuple[Path, Filled], capsys, language: str) -> None:
    path, filled = filled_archive
    for kind, spec in KINDS.items():
        code = main(["--lang", language, "--archive", str(path), "show", kind, str(filled.ids[kind])])
        lines = capsys.readouterr().out.splitlines()
        assert code == 0
        for row in spec.rows():
            line = next((line for line in lines if line.startswith(f"{shown_label(row)}: ")), "")
            assert line, (kind, row.label)
            for value in expected_values(kind, row, filled):
                assert value in line, (kind, row.names, value)


def test_every_searched_field_finds_its_record_and_no_other(filled_archive: tuple[Path, Filled],
                                                             tmp_path: Path) -> None:
    path, filled = filled_archive
    archive = open_archive(path)
    index = SearchIndex.open(tmp_path / "index", archive)
    try:
        for kind in INDEXED_KINDS:
            for name, target in KINDS[kind].searched_in().items():
                query = filled.found_by.get((kind, name))
                if query is None:
                    continue
                found = {(hit.kind, hit.id) for hit in index.search(query, limit=100).hits}
                if target is None:
                    assert (kind, filled.ids[kind]) not in found, (kind, name, "declared not searched, yet found")
                else:
                    assert (kind, filled.ids[kind]) in found, (kind, name, target, query)
    finally:
        index.close()
        archive.close()


def test_a_figures_period_and_a_sources_section_and_page_are_read_through_the_registry_only() -> None:
    """The proof of issue 13: no reader names these fields; they are shown and searched as any field is."""
    repo = Path(__file__).resolve().parents[2]
    for module in ("desktop/gui/record_page.py", "desktop/cli/archive_commands.py", "search/records.py"):
        source = (repo / module).read_text(encoding="utf-8")
        for attribute in (".period", '"period"', ".section", '"section"', '"page"', "s.page"):
            assert attribute not in source.replace("source.section", "").replace("source.page", ""), (
                module, attribute)
    assert KINDS["statistic"].searched_in()["period"] == "context"
    assert KINDS["source"].searched_in()["section"] == "context"
    assert KINDS["source"].searched_in()["page"] is None  # a page number alone finds too much


