"""Hall screens and printed boards: the same unit data as the portal, as self-contained HTML files.

Each file inlines its CSS and JavaScript so a kiosk keeps working with nothing else reachable.
A screen's ``version.json`` holds a hash of its page; the page reloads only when that changes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable

from ..plain import Data

VERSION_PLACEHOLDER = "__JINGLAO_SCREEN_VERSION__"
# A board's type: base_pt before fit.js runs, then the largest root size that fits the sheet, up to
# max_pt (A3 = A4 × √2), with its smallest text at min_text_pt or more (else the A4 board says A3).
MIN_TEXT_PT = 10
PAPERS = {
    "A4": {"paper": "A4", "width_mm": 190, "height_mm": 277, "base_pt": 11, "max_pt": 16},
    "A3": {"paper": "A3", "width_mm": 277, "height_mm": 400, "base_pt": 15, "max_pt": 22},
}

# Chromium's kiosk mode for a hall computer: full screen, no error dialogs, no infobars, no
# "restore pages?" bubble after a power cut, nothing kept between runs. The screen's URL follows.
KIOSK_COMMAND = "chromium --kiosk --noerrdialogs --disable-infobars --disable-session-crashed-bubble --incognito"

Render = Callable[..., str]


def unit_signage(page: Render, unit: Data) -> dict[str, str]:
    """Screen, version file, A4 and A3 boards and the service-card sheet of one unit."""
    unit_id = unit["id"]
    draft = page("unit/screen.html.j2", unit=unit, version=VERSION_PLACEHOLDER)
    version = hashlib.sha256(draft.encode("utf-8")).hexdigest()[:16]
    return {
        f"screens/{unit_id}/index.html": draft.replace(VERSION_PLACEHOLDER, version),
        f"screens/{unit_id}/version.json": json.dumps({"version": version}) + "\n",
        f"print/{unit_id}/index.html": page(
            "unit/board.html.j2", unit=unit, **PAPERS["A4"], min_text_pt=MIN_TEXT_PT
        ),
        f"print/{unit_id}/a3/index.html": page(
            "unit/board.html.j2", unit=unit, **PAPERS["A3"], min_text_pt=MIN_TEXT_PT
        ),
        f"print/{unit_id}/cards/index.html": page("unit/cards.html.j2", unit=unit),
    }
