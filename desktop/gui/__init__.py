"""The Qt desktop application: windows, item models, dialogs and background tasks.

The only package that knows Qt. Widgets never touch the database or the index on the GUI
thread: work goes through ``desktop.gui.tasks.TaskRunner`` and results come back by signal.
"""
