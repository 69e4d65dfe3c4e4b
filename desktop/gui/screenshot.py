"""``muntada gui --screenshot PATH [--view NAME] [--lang ar|en]``: one view of the open archive as a PNG.

Renders offscreen (no screen needed) with background work run synchronously, so every page is
filled before the picture is taken. Used for the README and ``docs/desktop.md``. Views:
search, browse, record, source, dashboard, import, review, editor, history, brief, settings.
"""

from __future__ import annotations

import os
from pathlib import Path

from archive.errors import MuntadaError

VIEWS = ("search", "browse", "record", "source", "dashboard", "import", "review", "editor", "history", "brief",
         "settings")
WINDOW_SIZE = (1360, 860)


class UnknownViewError(MuntadaError):
    """The screenshot view asked for does not exist."""


def render_screenshot(context, path: Path, view: str = "browse", language: str | None = None,
                      query: str | None = None) -> Path:
    """Render ``view`` of the context's archive into the PNG file ``path``; returns the path."""
    if view not in VIEWS:
        raise UnknownViewError("Unknown view {view}; choose one of: {views}.", view=view, views=", ".join(VIEWS))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from dataclasses import replace

    from desktop.app import MuntadaApp, qt_application
    from desktop.gui import errors

    settings = replace(context.settings, language=language or context.language)
    app = qt_application(settings.language)
    errors.dialogs_enabled = False
    is_default = not context.archive_override and not context.settings.archive_path
    muntada = MuntadaApp(app, settings, context.archive_path, is_default, synchronous=True,
                         locations=context.locations)
    muntada.start()
    if muntada.window is None:
        raise MuntadaError("The archive {path} could not be opened.", path=str(context.archive_path))
    try:
        window = muntada.window
        window.resize(*WINDOW_SIZE)
        widget = _prepare(window, view, query)
        _settle(app)
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not widget.grab().save(str(path)):
            raise MuntadaError("Cannot write {path}.", path=str(path))
        return path
    finally:
        window.close()
        muntada.shutdown()


def _settle(app) -> None:
    for _ in range(5):
        app.processEvents()


def _prepare(window, view: str, query: str | None):
    """Put the window in the state of ``view``; returns the widget to photograph."""
    from archive.importing import service as importing
    from archive.services import events, quotes

    archive = window.workspace.archive
    first_quote = next(iter(quotes.list_quotes(archive)), None)
    if view in ("search", "record", "source", "editor", "history"):
        window.show_page("search")
        window.search.box.setText(query or _default_query(first_quote))
        window.search.run_search()
    if view == "browse":
        window.show_page("browse")
    elif view in ("dashboard", "import"):
        window.show_page(view)
    elif view in ("record", "source") and first_quote is not None:
        window.open_record("quote", first_quote.id)
        if view == "source":
            window.record_view.open_source()
    elif view == "editor" and first_quote is not None:
        window.actions_helper.edit("quote", first_quote.id)
        return window.actions_helper.last_dialog
    elif view == "history" and first_quote is not None:
        window.actions_helper.history("quote", first_quote.id)
        return window.actions_helper.last_dialog
    elif view == "brief":
        first_event = next(iter(events.list_events(archive)), None)
        window.actions_helper.brief("event", first_event.id if first_event else None)
        dialog = window.actions_helper.last_dialog
        dialog.refresh_preview()
        return dialog
    elif view == "settings":
        window.open_settings()
        return window.actions_helper.last_dialog
    elif view == "review":
        window.show_page("import")
        pending = importing.pending_reviews(archive)
        if pending:
            window.actions_helper.review(pending[0].source_id)
            dialog = window.actions_helper.last_dialog
            dialog.table.setCurrentCell(min(1, dialog.table.rowCount() - 1), 2)
            return dialog
    return window


def _default_query(quote) -> str:
    if quote is None:
        return "منتدى"
    words = [word for word in quote.text.split() if len(word) > 4]
    return words[0] if words else quote.text.split()[0]
