"""``jinglao bundle``: one deterministic zip of an archived cycle for the county archives.

It holds the bag, the archive page as generated, a printable award list and its PDF. Entries are
sorted and stamped with the award date; the PDF's own dates are set to the award date too, so
bundling twice on one machine gives the same bytes (a different Chromium may lay out differently).
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from datetime import date
from pathlib import Path

from ..plain import Data

_PDF_DATE = re.compile(rb"\((D:\d{14}[^)]*)\)")


def _stable_pdf(pdf: bytes, day: date) -> bytes:
    """Replace the PDF's creation and modification dates, keeping every byte offset the same."""

    def fixed(match: re.Match[bytes]) -> bytes:
        original = match.group(1)
        stamp = f"D:{day:%Y%m%d}000000".encode()
        return b"(" + (stamp + original[len(stamp) :]) + b")"

    return _PDF_DATE.sub(fixed, pdf)


def bundle_files(
    bag: Data, archive_page: str, award_list: str, award_list_pdf: bytes
) -> dict[str, bytes]:
    """The zip's entries: the bag's files, the archive page, the award list and its PDF."""
    day = date.fromisoformat(bag["info"]["Award-Date"])
    files = {f"bag/{name}": text.encode("utf-8") for name, text in bag["files"].items()}
    files["pages/index.md"] = archive_page.encode("utf-8")
    files["pages/award-list.html"] = award_list.encode("utf-8")
    files["award-list.pdf"] = _stable_pdf(award_list_pdf, day)
    return files


def write_zip(files: dict[str, bytes], out: Path, day: date) -> str:
    """Write the zip with sorted entries and fixed stamps; return its SHA-256."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=(day.year, day.month, day.day, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name], compresslevel=9)
    return hashlib.sha256(out.read_bytes()).hexdigest()
