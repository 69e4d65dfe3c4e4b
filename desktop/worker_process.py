"""What every worker process of the app does first: end itself when the app's process ends.

A worker started by ``TaskRunner.run_in_process`` would otherwise outlive an app that was
killed or crashed, keeping the archive and its search index open (on Windows, locking their
files for the next start). No Qt here: the worker does not load it.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from multiprocessing.connection import wait


def exit_with_parent() -> None:
    """Start a watcher that ends this process as soon as its parent process is gone."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        wait([parent.sentinel])
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()
