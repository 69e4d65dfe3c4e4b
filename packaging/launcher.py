"""Entry point of the built program (``Muntada.exe`` and ``muntada-cli.exe``): the ``muntada`` command.

``freeze_support`` comes first: the app searches in a worker process (``desktop.search_worker``),
and a frozen program started as that worker must run the worker, not the app.
With ``MUNTADA_STARTUP_PROBE`` set to an archive, the program measures its own start-up on it
instead (``startup_probe``; used by ``bench/startup.py --frozen``).
"""

import multiprocessing
import os
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    if os.environ.get("MUNTADA_STARTUP_PROBE"):
        from startup_probe import main as probe

        sys.exit(probe())

    from desktop.cli import main

    sys.exit(main())
