"""``python -m jinglao.cli``: the same as the ``jinglao`` command."""

import sys

from .main import main

sys.exit(main())
