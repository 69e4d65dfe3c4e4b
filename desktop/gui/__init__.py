"""The Qt desktop application: windows, item models, dialogs and background tasks.

The only package that knows Qt. Widgets never touch the database or the index on the GUI
thread: work goes through ``desktop.gui.tasks.TaskRunner`` and results come back by signal.
"""

from desktop.gui.none_references import keep_none_alive

keep_none_alive()  # before any window: PySide6 6.12 on Python 3.11 uses None's references up (see there)
