"""Importing an article and reviewing its proposals; exporting a brief with a preview; all as a user would."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QTimer

from archive.importing import service as importing
from archive.services import quotes
from tests.desktop.conftest import OWN_ARTICLES
from tests.desktop.test_search_flow import type_text

ARTICLE = OWN_ARTICLES / "ona-oman-media-forum-third.txt"


@pytest.fixture
def article() -> Path:
    if not ARTICLE.exists():
        pytest.skip(f"our own annotated article is missing: {ARTICLE}")
    return ARTICLE


def test_import_review_accept_then_find_the_new_quote(qtbot, window, filled, article):
    window.show_page("import")
    window.importer.import_paths([article])
    dialog = window.actions_helper.last_dialog  # one article imported: its review opens
    assert dialog is not None and dialog.isVisible()
    quote_rows = [row for row, (name, _i) in enumerate(dialog.rows) if name == "quotes"]
    assert quote_rows, "the extraction proposed no quote"
    dialog.table.setCurrentCell(quote_rows[0], 2)
    selections = dialog.article.extraSelections()
    proposal = dialog.proposals["quotes"][0]
    assert selections[-1].cursor.selectionStart() == proposal["start"]
    assert selections[-1].cursor.selectionEnd() == proposal["end"]
    dialog.set_all(True)
    dialog.save()
    assert not dialog.isVisible() and dialog.accepted_records.quote_ids
    assert importing.pending_reviews(filled.archive) == []
    new_quote = quotes.get_quote(filled.archive, dialog.accepted_records.quote_ids[0])
    assert new_quote.source is not None and new_quote.source_start == proposal["start"]

    window.focus_search()
    words = [word for word in new_quote.text.split() if len(word) > 4][:2]
    type_text(window.search.box, " ".join(words))
    qtbot.waitUntil(lambda: any(hit.kind == "quote" and hit.id == new_quote.id for hit in window.search.model.hits),
                    timeout=3000)


def test_review_corrections_reject_and_link_to_a_known_person(qtbot, window, filled, article):
    window.importer.import_paths([article])
    dialog = window.actions_helper.last_dialog
    quote_rows = [row for row, (name, _i) in enumerate(dialog.rows) if name == "quotes"]
    dialog.set_all(False)
    dialog.set_accepted(quote_rows[0], True)
    known = next(choice for choice in dialog.speaker_choices() if choice.name == "سالم بن ناصر الهاشمي")
    dialog.set_speaker(quote_rows[0], known)
    dialog.save()
    accepted = dialog.accepted_records
    assert len(accepted.quote_ids) == 1 and accepted.event_id is None and not accepted.statistic_ids
    assert quotes.get_quote(filled.archive, accepted.quote_ids[0]).speaker.id == filled.speaker_id


def test_pasted_text_is_imported_and_waits_for_review(qtbot, window, filled, article):
    window.importer.import_text(article.read_text(encoding="utf-8"), "لصق")
    assert window.actions_helper.last_dialog is not None
    window.actions_helper.last_dialog.reject()
    assert window.importer.pending.count() == 1


def test_a_bad_file_is_reported_not_raised(qtbot, window, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    window.importer.import_paths([empty])
    assert "empty.txt" in window.importer.report.text()


def test_brief_dialog_previews_the_first_page_and_saves_the_pdf(qtbot, window, filled, tmp_path):
    window.actions_helper.brief("event", filled.event_id)
    dialog = window.actions_helper.last_dialog
    dialog.refresh_preview()
    assert dialog.preview.pixmap() is not None and not dialog.preview.pixmap().isNull()
    assert dialog.preview.pixmap().width() > 300
    target = tmp_path / "brief.pdf"
    dialog.save_to(target)
    text = "".join(page.extract_text() for page in pypdf.PdfReader(target).pages)
    assert "2024" in text
    assert dialog.save_button.isEnabled() and dialog.print_button.isEnabled()


def test_brief_sections_and_language_change_the_pdf(qtbot, window, filled, tmp_path):
    window.actions_helper.brief("person", filled.speaker_id)
    dialog = window.actions_helper.last_dialog
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    for name, box in dialog.sections.items():
        box.setChecked(name in ("cover", "quotes"))
    dialog.refresh_preview()
    assert dialog.options().language == "en" and dialog.options().sections == frozenset({"cover", "quotes"})
    dialog.save_to(tmp_path / "speaker.pdf")
    assert (tmp_path / "speaker.pdf").read_bytes().startswith(b"%PDF")


def test_printing_paints_every_page(qtbot, window, filled, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    window.actions_helper.brief("event", filled.event_id)
    dialog = window.actions_helper.last_dialog
    dialog.refresh_preview()
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printed = dialog.print_to(printer)
    assert printed == dialog.brief.page_count
    assert len(pypdf.PdfReader(tmp_path / "printed.pdf").pages) == printed


SESSION_ARTICLE = """ملتقى الاتصال المؤسسي يناقش إدارة الأزمات

نزوى - الشبيبة

نظمت الجمعية العمانية للاتصال ملتقى الاتصال المؤسسي الثالث في جامعة نزوى بمشاركة مسؤولي الاتصال في الجهات الحكومية.

وفي ورشة عمل بعنوان «خطط الاتصال وقت الأزمات» قالت الدكتورة عائشة بنت سالم الرواحية إن سرعة الرد تحمي ثقة الجمهور.

وفي الجلسة الحوارية أوضح المهندس ماجد بن خلفان العبري أن 70% من الشائعات تنتشر في الساعات الأولى.
"""


def test_review_lists_proposed_sessions_and_keeps_only_the_accepted_ones(qtbot, window, filled):
    from archive.services import sessions

    window.importer.import_text(SESSION_ARTICLE, "لصق")
    dialog = window.actions_helper.last_dialog
    session_rows = [row for row, (name, _i) in enumerate(dialog.rows) if name == "sessions"]
    assert len(session_rows) == 2, dialog.proposals.get("sessions")
    assert dialog.table.item(session_rows[0], 2).text() == "خطط الاتصال وقت الأزمات"
    dialog.table.setCurrentCell(session_rows[0], 2)  # its span is highlighted like any proposal
    proposal = dialog.proposals["sessions"][0]
    assert dialog.article.extraSelections()[-1].cursor.selectionStart() == proposal["start"]

    dialog.set_accepted(session_rows[1], False)
    dialog.table.item(session_rows[0], 2).setText("ورشة خطط الاتصال في الأزمات")
    dialog.save()
    accepted = dialog.accepted_records
    made = sessions.list_sessions(filled.archive, accepted.event_id)
    assert [(row.kind, row.title) for row in made] == [("workshop", "ورشة خطط الاتصال في الأزمات")]
    workshop_quotes = [quotes.get_quote(filled.archive, quote_id) for quote_id in accepted.quote_ids]
    assert [quote.session.id for quote in workshop_quotes if quote.session] == [made[0].id]


TWO_PEOPLE = ("افتتح وزير الإعلام سالم بن خالد الراشدي الملتقى صباح اليوم بحضور رئيسة اللجنة المنظمة هدى بنت ناصر "
              "الخالدية.\nوقالت الخالدية إن الملتقى يجمع 300 مشارك من 12 دولة.\n")


def test_the_speaker_is_chosen_among_the_people_the_article_names_with_their_posts(qtbot, window, filled):
    """The extraction gave the quote to one person of the article; the officer knows another said it and picks
    him from the article's people (his post comes with him), the archive's people following."""
    window.importer.import_text(TWO_PEOPLE, "لصق")
    dialog = window.actions_helper.last_dialog
    row = next(row for row, (name, _i) in enumerate(dialog.rows) if name == "quotes")
    assert dialog.table.item(row, 3).text() == "هدى بنت ناصر الخالدية"
    labels = [choice.label for choice in dialog.speaker_choices()]
    assert labels[:2] == ["سالم بن خالد الراشدي — وزير الإعلام", "هدى بنت ناصر الخالدية — رئيسة اللجنة المنظمة"]
    assert "سالم بن ناصر الهاشمي" in labels[2:]  # a person of the archive, after the article's own

    opened_on = []

    def pick_the_minister():
        asking = dialog.speaker_dialog
        opened_on.append(asking.textValue())  # the list opens on the quote's present speaker
        asking.setTextValue(labels[0])
        asking.accept()
    QTimer.singleShot(0, pick_the_minister)
    dialog.table.setCurrentCell(row, 2)
    dialog.choose_speaker_of_current()
    assert opened_on == ["هدى بنت ناصر الخالدية — رئيسة اللجنة المنظمة"]
    assert (dialog.table.item(row, 3).text(), dialog.table.item(row, 4).text()) == ("سالم بن خالد الراشدي",
                                                                                    "وزير الإعلام")
    dialog.set_all(False)
    dialog.set_accepted(row, True)
    dialog.save()
    saved = quotes.get_quote(filled.archive, dialog.accepted_records.quote_ids[0])
    assert saved.speaker.name == "سالم بن خالد الراشدي" and saved.speaker_title == "وزير الإعلام"
