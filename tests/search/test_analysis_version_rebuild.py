"""An index built by the previous analysis (version 1: Persian and Urdu letters not folded) is rebuilt when
``muntada search`` opens it, with its progress shown on a terminal, and then finds the Persian spellings."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

from archive.location import index_folder_for
from archive.services import people, quotes
from archive.services.records import PersonInput, QuoteInput
from desktop.cli import main
from search.analysis import ANALYSIS_VERSION
from search.storage import FORMAT_FILE


def _search_on_a_terminal(archive_path: Path, *words: str) -> tuple[str, str]:
    """``muntada search --json`` in its own process, its stderr a terminal: (stdout, what the terminal got)."""
    controller, terminal = pty.openpty()
    try:
        completed = subprocess.run(
            [sys.executable, "-m", "desktop.cli", "--archive", str(archive_path), "--lang", "en", "search", *words,
             "--json"], stdout=subprocess.PIPE, stderr=terminal, text=True, timeout=120, check=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        os.close(terminal)
        terminal = -1
        shown = b""
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the terminal's other end is closed: all is read
                break
            if not chunk:
                break
            shown += chunk
    finally:
        if terminal >= 0:
            os.close(terminal)
        os.close(controller)
    return completed.stdout, shown.decode("utf-8", "replace")


def test_an_index_of_the_previous_analysis_is_rebuilt_with_progress(archive) -> None:
    speaker = people.create_person(archive, PersonInput(name="خالد الفاضل", title="وزیر النفط"))
    quote = quotes.create_quote(archive, QuoteInput(text="ستعمل ھیئة الطاقة مع الشرڪة الوطنیة", speaker_id=speaker.id))
    archive.close()
    assert main(["--archive", str(archive.path), "--lang", "en", "reindex"]) == 0
    format_file = index_folder_for(archive.path) / FORMAT_FILE
    built = json.loads(format_file.read_text(encoding="utf-8"))
    assert built["analysis"] == ANALYSIS_VERSION == 2
    format_file.write_text(json.dumps({**built, "analysis": 1}), encoding="utf-8")  # as the previous version left it

    output, terminal = _search_on_a_terminal(archive.path, "هيئة", "الشركة")
    assert "Indexing" in terminal and "Traceback" not in terminal
    assert json.loads(format_file.read_text(encoding="utf-8"))["analysis"] == ANALYSIS_VERSION
    assert ("quote", quote.id) in {(hit["kind"], hit["id"]) for hit in json.loads(output)["hits"]}
