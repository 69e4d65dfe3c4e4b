"""Entry point of the frozen Windows app: the same as the ``muntada`` command."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
