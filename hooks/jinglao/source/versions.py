"""Every committed version of each unit file, read from git in two commands and cached on disk.

One ``git log --raw`` over ``units/`` names, per unit, the blob of each version of its
``unit.yml``; one ``git cat-file --batch`` reads the blobs not yet cached. Each blob is parsed as
YAML data only (safe loader: no tags, no code) and stored as JSON under
``.cache/jinglao/versions/<blob>.json``, keyed by its hash, so a later build parses nothing it
has seen. A version that is not valid YAML is kept as ``None``; the diff skips it.
"""

from __future__ import annotations

import json
import subprocess
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from .files import is_inside
from .git import Version, git

_RECORD, _FIELD = "\x1e", "\x1f"
CACHE_DIR = ".cache/jinglao/versions"
VERSIONS_KEPT = 11  # the page shows ten changes: the ten newest versions and the one before
_NO_BLOB = "0" * 40
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _blobs_by_unit(log: str) -> dict[str, list[tuple[str, date, str]]]:
    """(commit, date, blob) per unit id, newest first, from ``git log --raw`` output."""
    found: dict[str, list[tuple[str, date, str]]] = {}
    for record in log.split(_RECORD):
        head, _, raw = record.partition("\n")
        if _FIELD not in head:
            continue
        commit, day = head.split(_FIELD, 1)
        for line in raw.splitlines():
            meta, _, path = line.partition("\t")
            parts, names = meta.split(), path.split("/")
            if len(parts) < 5 or len(names) != 3 or names[2] != "unit.yml":
                continue
            blob = parts[3]
            if blob != _NO_BLOB:  # a deletion leaves no version to show
                found.setdefault(names[1], []).append((commit, date.fromisoformat(day), blob))
    return found


def _plain(value: Any) -> Any:
    """YAML data as JSON can hold it: dates as ISO text, keys as text."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def _parse(text: bytes) -> Any:
    try:
        return _plain(yaml.load(text.decode("utf-8"), Loader=_Loader))  # a safe loader: data only
    except (yaml.YAMLError, UnicodeDecodeError, RecursionError):
        return None


def _read_blobs(root: Path, blobs: list[str]) -> dict[str, bytes]:
    """The contents of ``blobs``, read by one ``git cat-file --batch``."""
    if not blobs:
        return {}
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "cat-file", "--batch"],
            input="".join(f"{b}\n" for b in blobs).encode(),
            capture_output=True,
            check=False,
        )
    except OSError:
        return {}
    out, found, at = result.stdout, {}, 0
    for blob in blobs:
        end = out.find(b"\n", at)
        header = out[at:end].split()
        if end < 0 or len(header) != 3:
            break
        size = int(header[2])
        found[blob] = out[end + 1 : end + 1 + size]
        at = end + 1 + size + 1
    return found


class BlobCache:
    """Parsed unit files by blob hash, as JSON files under ``.cache/`` (never pickle)."""

    def __init__(self, root: Path) -> None:
        self.folder = root / CACHE_DIR
        # a .cache link leading out of the repository is never read nor written
        self.usable = is_inside(root, self.folder)

    def get(self, blob: str) -> tuple[bool, Any]:
        if not self.usable:
            return False, None
        try:
            return True, json.loads((self.folder / f"{blob}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False, None

    def put(self, blob: str, data: Any) -> None:
        if not self.usable:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            (self.folder / f"{blob}.json").write_text(
                json.dumps(data, ensure_ascii=False), encoding="utf-8"
            )
        except (OSError, TypeError, ValueError):
            pass  # a read-only checkout still builds; it only parses again next time


def _load(root: Path, blobs: set[str]) -> dict[str, Any]:
    cache, data, missing = BlobCache(root), {}, []
    for blob in sorted(blobs):
        hit, value = cache.get(blob)
        if hit:
            data[blob] = value
        else:
            missing.append(blob)
    for blob, text in _read_blobs(root, missing).items():
        data[blob] = _parse(text)
        cache.put(blob, data[blob])
    return data


def read_versions(root: Path) -> dict[str, list[Version]]:
    """Unit id → its newest versions, newest first; empty outside git."""
    log = git(
        root,
        "log",
        f"--format={_RECORD}%H{_FIELD}%cs",
        "--raw",
        "--no-abbrev",
        "--no-renames",
        "--relative",
        "--",
        "units/",
    )
    if log is None:
        return {}
    by_unit = {u: found[:VERSIONS_KEPT] for u, found in _blobs_by_unit(log).items()}
    data = _load(root, {blob for found in by_unit.values() for _, _, blob in found})
    return {
        unit_id: [Version(day, commit[:10], data.get(blob)) for commit, day, blob in found]
        for unit_id, found in by_unit.items()
    }
