"""``python -m desktop.cli``: the same as the ``muntada`` command."""

import sys

from desktop.cli import main

sys.exit(main())
