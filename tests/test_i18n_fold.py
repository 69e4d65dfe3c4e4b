"""The fold tool: JSON catalogues folded into the .po, messages of the code added, a .mo compiled."""

from __future__ import annotations

import gettext
import io
from pathlib import Path

from tools.fold_translations import (
    ARABIC_PLURAL_FORMS,
    ARGPARSE_COMMENT,
    Extracted,
    FoldReport,
    add_new_messages,
    compiled,
    drop_obsolete,
    fold_json,
    messages_in_fstrings,
    read_catalogue,
    template,
)


def test_json_fills_a_message_added_from_the_code_and_never_overrides_the_po(tmp_path: Path) -> None:
    catalog = read_catalogue(tmp_path / "missing.po")  # a new, empty Arabic catalogue
    catalog.add("Kept", "محفوظ")
    code = template([Extracted("New {name}", None, "desktop/x.py:3"), Extracted("Kept", None, "archive/y.py:9")])
    report = FoldReport()
    add_new_messages(catalog, code, report)
    assert report.added == 1 and catalog.get("New {name}").string == ""
    fold_json(catalog, {tmp_path / "a.json": {"New {name}": "جديد {name}", "Kept": "آخر", "Only JSON": "فقط"}},
              prefer_json=False, report=report)
    assert catalog.get("New {name}").string == "جديد {name}"
    assert catalog.get("Kept").string == "محفوظ" and report.conflicts == [("Kept", "محفوظ", "آخر")]
    assert catalog.get("Only JSON").string == "فقط" and report.folded == 2


def test_a_plural_from_the_code_gets_six_forms_and_compiles_with_arabic_rules(tmp_path: Path) -> None:
    catalog = read_catalogue(tmp_path / "missing.po")
    add_new_messages(catalog, template([Extracted(("{n} day", "{n} days"), None, "x.py:1")]), FoldReport())
    entry = catalog.get(("{n} day", "{n} days"))
    assert entry.string == ("",) * 6
    entry.string = ("لا أيام", "يوم واحد", "يومان", "{n} أيام", "{n} يومًا", "{n} يوم")
    translations = gettext.GNUTranslations(io.BytesIO(compiled(catalog)))
    assert translations.info()["plural-forms"] == ARABIC_PLURAL_FORMS
    assert [translations.ngettext("{n} day", "{n} days", n) for n in (0, 1, 2, 7, 30, 200)] == [
        "لا أيام", "يوم واحد", "يومان", "{n} أيام", "{n} يومًا", "{n} يوم"]


def test_an_entry_the_code_dropped_keeps_its_translation_but_not_an_empty_one(tmp_path: Path) -> None:
    catalog = read_catalogue(tmp_path / "missing.po")
    catalog.add("Built at run time", "يُبنى وقت التشغيل", locations=[("old.py", 1)])
    catalog.add("Never translated", "", locations=[("old.py", 2)])
    report = FoldReport()
    add_new_messages(catalog, template([]), report)
    assert catalog.get("Built at run time").locations == [] and report.unused == 1
    assert catalog.get("Never translated") is None


def test_drop_obsolete_drops_what_the_code_no_longer_has_but_keeps_argparse_words(tmp_path: Path) -> None:
    catalog = read_catalogue(tmp_path / "missing.po")
    catalog.add("Still used {name}", "ما زال مستعملًا {name}")
    catalog.add("Gone", "ذهب")
    catalog.add(("{n} gone", "{n} gone ones"), ("لا شيء", "واحد", "اثنان", "{n} أشياء", "{n} شيئًا", "{n} شيء"))
    catalog.add("Title", "المنصب", context="person")  # the code still has "Title", but in another context
    catalog.add("usage: ", "الاستخدام: ")  # argparse's own, of the running Python
    catalog.add("option '%(option)s' is deprecated", "الخيار '%(option)s' مهمل",  # of a newer Python's argparse
                auto_comments=[f"{ARGPARSE_COMMENT} (Python 3.11-3.13)"])
    code = template([Extracted("Still used {name}", None, "desktop/x.py:3"),
                     Extracted("Title", "source", "desktop/y.py:4")])
    report = FoldReport()
    drop_obsolete(catalog, code, report, in_fstrings=set())
    kept = {(entry.context, entry.id if isinstance(entry.id, str) else tuple(entry.id))
            for entry in catalog if entry.id}
    assert kept == {(None, "Still used {name}"), (None, "usage: "), (None, "option '%(option)s' is deprecated")}
    assert sorted(report.dropped) == sorted(["Gone", "person: Title", "('{n} gone', '{n} gone ones')"])


def test_drop_obsolete_keeps_a_message_translated_inside_an_f_string(tmp_path: Path) -> None:
    """Babel never sees ``tr(N_('mine'))`` inside an f-string: its translation must stay (it was dropped once)."""
    (tmp_path / "desktop").mkdir()
    (tmp_path / "desktop" / "conflicts.py").write_text(
        "def line(mine):\n    return f\"{tr(N_('mine'))} = {mine}\"\n", encoding="utf-8")
    for package in ("archive", "search"):
        (tmp_path / package).mkdir()
    assert messages_in_fstrings(tmp_path) == {"mine"}
    catalog = read_catalogue(tmp_path / "missing.po")
    catalog.add("mine", "نسختي")
    catalog.add("theirs", "نسخة الخادم")
    report = FoldReport()
    drop_obsolete(catalog, template([]), report, in_fstrings=messages_in_fstrings(tmp_path))
    assert catalog.get("mine") is not None and catalog.get("theirs") is None and report.dropped == ["theirs"]
