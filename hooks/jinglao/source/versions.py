"""Every committed version of each unit file, read from git in a few commands and cached on disk.

One ``git log --raw`` over ``units/`` names, per unit, the blob of each version of its
``unit.yml``; one ``git cat-file --batch`` reads the blobs that must be compared and are not yet
cached. Each blob is parsed by the same YAML reader as the working files (data only: no tags,
aliases or merge keys run anything) and stored as JSON under ``.cache/jinglao/blobs/``, keyed by
its hash; what two versions differ by is kept in one JSON file too, so a build where nothing
changed reads no blob at all. Never pickle: the cache is data, read like any untrusted input.
"""

from __future__ import annotations

import json
import os
import subprocess
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from .files import is_inside
from .git import git
from .text import decode
from .yamldoc import parse_text

_RECORD, _FIELD = "\x1e", "\x1f"
CACHE_DIR = ".cache/jinglao"
VERSIONS_KEPT = 11  # the page shows ten changes: the ten newest versions and the one before
_NO_BLOB = "0" * 40
UNIT_FILE_NAME = "unit.yml"


class Version(NamedTuple):
    """One committed state of a unit file."""

    date: date
    commit: str
    blob: str


def _blobs_by_unit(log: str) -> dict[str, list[Version]]:
    """The versions of each unit's file, newest first, from ``git log --raw`` output."""
    found: dict[str, list[Version]] = {}
    for record in log.split(_RECORD):
        head, _, raw = record.partition("\n")
        if _FIELD not in head:
            continue
        commit, day = head.split(_FIELD, 1)
        for line in raw.splitlines():
            meta, _, path = line.partition("\t")
            parts, names = meta.split(), path.split("/")
            if len(parts) < 5 or len(names) != 3 or names[2] != UNIT_FILE_NAME:
                continue
            blob = parts[3]
            if blob != _NO_BLOB:  # a deletion leaves no version to show
                version = Version(date.fromisoformat(day), commit[:10], blob)
                found.setdefault(names[1], []).append(version)
    return found


def _parse(raw: bytes) -> Any:
    """A version's data, or None when it is not a readable unit file (over 1 MiB, not UTF-8,
    not YAML): such a version is not compared."""
    text, _ = decode(UNIT_FILE_NAME, raw)
    if text is None:
        return None
    try:
        doc, _ = parse_text(UNIT_FILE_NAME, text)
    except (RecursionError, ValueError):
        return None
    # the reader's scalars are text, numbers, booleans and null: JSON holds them as they are
    return doc.data if doc is not None else None


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


def _cache_folder(root: Path, name: str) -> Path | None:
    """A folder under ``.cache/jinglao``, or None when a link would lead it out of the repo."""
    folder = root / CACHE_DIR / name
    return folder if is_inside(root, folder) else None


def _write_json(path: Path, data: Any) -> None:
    """Written whole or not at all; a read-only checkout still builds, it only parses again."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}")
        partial.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        partial.replace(path)
    except (OSError, TypeError, ValueError):
        pass


class BlobStore:
    """Parsed unit files by blob hash: in memory, then ``.cache/jinglao/blobs/<hash>.json``,
    then git (many at once with :meth:`prefetch`)."""

    def __init__(self, root: Path) -> None:
        self.root, self.folder = root, _cache_folder(root, "blobs")
        self.data: dict[str, Any] = {}

    def _cached(self, blob: str) -> tuple[bool, Any]:
        if self.folder is None:
            return False, None
        try:
            return True, json.loads((self.folder / f"{blob}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False, None

    def prefetch(self, blobs: set[str]) -> None:
        missing = []
        for blob in sorted(blobs - self.data.keys()):
            hit, value = self._cached(blob)
            if hit:
                self.data[blob] = value
            else:
                missing.append(blob)
        for blob, text in _read_blobs(self.root, missing).items():
            self.data[blob] = _parse(text)
            if self.folder is not None:
                _write_json(self.folder / f"{blob}.json", self.data[blob])

    def get(self, blob: str) -> Any:
        if blob not in self.data:
            self.prefetch({blob})
        return self.data.get(blob)


class PairCache:
    """What one version changed from another, by ``old..new`` blob hashes, in one JSON file.
    Only the pairs a build used are written back, so the file never outgrows the history shown."""

    def __init__(self, root: Path, version: int) -> None:
        """``version``: of the comparison; pairs compared by another one are not reused."""
        folder = _cache_folder(root, "")
        self.path = folder / f"revisions-v{version}.json" if folder is not None else None
        self.data: dict[str, Any] = {}
        self.used: set[str] = set()
        self.added = False
        try:
            loaded = json.loads(self.path.read_text(encoding="utf-8")) if self.path else {}
        except (OSError, ValueError):
            loaded = {}
        if isinstance(loaded, dict):
            self.data = loaded

    def put(self, key: str, value: Any) -> None:
        self.data[key], self.added = value, True

    def save(self) -> None:
        if self.path is not None and (self.added or self.used != self.data.keys()):
            _write_json(self.path, {k: self.data[k] for k in sorted(self.used)})


def unit_versions(root: Path) -> dict[str, list[Version]]:
    """Unit id → the newest versions of its file, newest first; empty outside git."""
    log = git(
        root,
        "log",
        f"--format={_RECORD}%H{_FIELD}%cs",
        "--raw",
        # the published branch's own steps: a merged pull request is one version, dated when
        # it was merged (published), compared with what was published before it
        "--first-parent",
        "--diff-merges=first-parent",
        "--no-abbrev",
        "--no-renames",
        "--relative",
        "--",
        "units/",
    )
    if log is None:
        return {}
    return {u: found[:VERSIONS_KEPT] for u, found in _blobs_by_unit(log).items()}
