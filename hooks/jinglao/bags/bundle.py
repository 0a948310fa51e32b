"""``jinglao bundle``: one deterministic zip of an archived cycle for the county archives.

It holds the bag exactly as committed — the award list and its PDF were rendered into the bag once,
when the cycle was archived — so the zip is a pure function of committed bytes: any machine, with
or without Chromium, gives the same SHA-256. Entries are sorted and stamped with the award date.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from datetime import date

_PDF_DATE = re.compile(rb"\((D:\d{14}[^)]*)\)")


def stable_pdf(pdf: bytes, day: date) -> bytes:
    """Replace the PDF's creation and modification dates, keeping every byte offset the same."""

    def fixed(match: re.Match[bytes]) -> bytes:
        original = match.group(1)
        stamp = f"D:{day:%Y%m%d}000000".encode()
        return b"(" + (stamp + original[len(stamp) :]) + b")"

    return _PDF_DATE.sub(fixed, pdf)


def bundle_files(bag_files: dict[str, bytes]) -> dict[str, bytes]:
    """The zip's entries: every file of the bag, under bag/."""
    return {f"bag/{name}": content for name, content in bag_files.items()}


def zip_bytes(files: dict[str, bytes], day: date) -> bytes:
    """The zip with sorted entries and fixed stamps."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=(day.year, day.month, day.day, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name], compresslevel=9)
    return buffer.getvalue()


def bundle_digest(bag_files: dict[str, bytes], day: date) -> str:
    return hashlib.sha256(zip_bytes(bundle_files(bag_files), day)).hexdigest()
