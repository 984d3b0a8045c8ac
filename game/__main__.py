"""`python -m game` does what `wigglequest` does."""

import sys

from game.cli import main

sys.exit(main())
