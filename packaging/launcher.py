"""Entry point of the frozen Windows app: the same as the ``muntada`` command.

``freeze_support`` comes first: the app searches in a worker process (``desktop.search_worker``),
and a frozen program started as that worker must run the worker, not the app.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()

    from desktop.cli import main

    sys.exit(main())
