"""A print date («أُعدّ في …», «طُبع في …», «Printed on …») is not the date of the event (issue 10).

Our own brief prints «أُعدّ في <today>» on its cover; imported back, that line gave the event today's
date. The sentences here are our own.
"""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from archive.importing.extraction import extract

REPO = Path(__file__).resolve().parents[2]
EVENT = "نظمت وزارة الإعلام منتدى التواصل الحكومي الثاني في مسقط بمشاركة واسعة من الإعلاميين."


@pytest.mark.parametrize("printed", [
    "أُعدّ في 2 ديسمبر 2026",
    "أعد في 2 ديسمبر 2026",
    "طُبع في 2026/12/02",
    "تاريخ الطباعة: 2 ديسمبر 2026",
    "وطبعت بتاريخ 02-12-2026",
    "Prepared on 02/12/2026",
    "Printed on: 2026-12-02",
    "أُعدّ في الأربعاء، 2 ديسمبر 2026",
])
def test_a_print_date_does_not_date_the_event(printed: str) -> None:
    for text in (f"{EVENT}\n{printed}\n", f"منتدى التواصل الحكومي الثاني\n{printed}\n{EVENT}\n"):
        event = extract(text).event
        assert event is not None and event.start_date is None, (printed, event)


def test_the_event_keeps_its_own_date_beside_a_print_date() -> None:
    text = f"منتدى التواصل الحكومي الثاني\nأُعدّ في 2 ديسمبر 2026\n{EVENT[:-1]} يومي 11 و12 أكتوبر 2016.\n"
    event = extract(text).event
    assert event is not None and (event.start_date, event.end_date) == ("2016-10-11", "2016-10-12")


@pytest.mark.parametrize("sentence", [
    "عُقد منتدى التواصل الحكومي الثاني في 2 ديسمبر 2026 بمسقط.",
    "منتدى التواصل الحكومي الثاني أُعدّ له طويلًا، وعُقد في 2 ديسمبر 2026.",
])
def test_a_date_after_other_verbs_still_dates_the_event(sentence: str) -> None:
    event = extract(sentence).event
    assert event is not None and event.start_date == "2026-12-02"


def _muntada(home: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "MUNTADA_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "desktop.cli", "--lang", "ar", *arguments], cwd=REPO,
                          env=environment, capture_output=True, text=True, encoding="utf-8", timeout=120, check=True)


def test_our_own_brief_imported_back_does_not_take_its_print_date(tmp_path: Path) -> None:
    """The demo's first event has a year but no day; its brief's cover says when it was prepared (today)."""
    home = tmp_path / "home"
    brief = tmp_path / "brief.pdf"
    _muntada(home, "demo")
    _muntada(home, "brief", "--event", "1", "-o", str(brief))
    event = json.loads(_muntada(home, "extract", "--json", str(brief)).stdout)["event"]
    assert event["name"] == "منتدى التواصل الحكومي الأول"
    assert event["start_date"] != datetime.date.today().isoformat()
    assert event["start_date"] is None
