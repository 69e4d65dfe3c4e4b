"""The officer's correction of who speaks wins over the extraction's reading of a ministry or a group."""

from __future__ import annotations

from pathlib import Path

from archive.services import quotes
from desktop.gui import review

ARTICLE = "أكدت وزارة الإعلام أن الملتقى يعكس اهتمام الدولة بتطوير الخطاب الإعلامي الحكومي في المرحلة المقبلة.\n"


def test_a_person_typed_over_a_ministrys_quote_is_the_speaker(window, filled, tmp_path: Path) -> None:
    article = tmp_path / "ministry.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    window.importer.import_paths([article])
    dialog = window.actions_helper.last_dialog
    [row] = [row for row, (name, _i) in enumerate(dialog.rows) if name == "quotes"]
    dialog.table.item(row, review.WHO).setText("سالم بن خلفان الحارثي")
    dialog.save()
    [quote_id] = dialog.accepted_records.quote_ids
    saved = quotes.get_quote(filled.archive, quote_id)
    assert saved.speaker is not None and saved.speaker.name == "سالم بن خلفان الحارثي"
