"""``python -m tpatlas`` runs the command line (and, with no command, the window)."""

import sys

from tpatlas.cli import main

sys.exit(main())
