"""``python -m generator`` — same as the ``digest`` command."""

import sys

from .cli import main

sys.exit(main())
