"""The kind registry describes every editable kind, and forms derive from the ``*Input`` dataclasses."""

from __future__ import annotations

import dataclasses

from archive.kinds import EDITABLE_KINDS, KIND_LABELS
from archive.kinds.fields import NOT_IN_FORMS
from archive.kinds.registry import INDEXED_KINDS, KINDS, by_list_name
from archive.kinds.relations import SHOWN_NAMES


def test_the_registry_holds_every_editable_kind_with_its_types() -> None:
    assert set(KINDS) == set(EDITABLE_KINDS)
    for kind, spec in KINDS.items():
        assert spec.label == KIND_LABELS[kind]
        assert by_list_name(spec.list_name) is spec
        assert dataclasses.is_dataclass(spec.input_type) and dataclasses.is_dataclass(spec.record_type)
        assert "id" in {field.name for field in dataclasses.fields(spec.record_type)}


def test_every_input_field_is_in_the_form_or_set_otherwise() -> None:
    for kind, spec in KINDS.items():
        shown = {field.name for field in spec.form()}
        every = {field.name for field in dataclasses.fields(spec.input_type)}
        assert every - shown <= NOT_IN_FORMS, kind
        assert all(field.label for field in spec.form(new=True))


def test_link_fields_point_at_kinds_of_the_registry() -> None:
    for spec in KINDS.values():
        for field in spec.form():
            if field.widget in ("link", "links"):
                assert field.link_kind in KINDS, (spec.kind, field.name)


def test_relations_name_kinds_of_the_registry_and_indexed_documents() -> None:
    for relation in SHOWN_NAMES:
        assert relation.named in KINDS
        assert relation.shown_by in INDEXED_KINDS or relation.passes_on


def test_a_kinds_name_and_its_list_name_are_the_same_word_in_english_and_arabic_keeps_its_term() -> None:
    """"Figure 12" in a list headed "Figures" (not "Statistic 12"); Arabic keeps الإحصائية for one record."""
    from archive.i18n import tr

    assert tr(KINDS["statistic"].label, language="en") == "Figure"
    assert tr(KINDS["statistic"].plural_label, language="en") == "Figures"
    assert tr(KINDS["statistic"].label, language="ar") == "الإحصائية"
    assert tr("Added {kind} {id}.", language="ar", kind=tr(KINDS["statistic"].label, language="ar"), id=3) \
        == "تمت إضافة الإحصائية رقم 3."
