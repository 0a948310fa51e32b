"""The parse cache on disk: each unit file's data by the hash of its bytes, so ``jinglao validate``
(what the pre-commit hook runs) and the build compose YAML again only for files that changed.

Composing YAML is most of the cost of validation (libyaml compose and the walk: about 1.3 s of 1.5 s
at 1,000 units); reading the same data back from one JSON file takes a tenth of that.

The file is untrusted like everything in the working tree: JSON, never pickle (a pickle runs code
when read); read only when it is a regular file inside the project, not a link; anything of the
wrong shape, size or version is ignored and the units are parsed afresh. An entry only stands in
for YAML parsing: the data still goes through the model and every rule, exactly as if it had been
read from the file, so the worst a forged entry can do is what editing that unit file can do.
Only files that parsed without a problem are stored (a problem needs the text's positions, which
come from the file itself).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from .files import is_inside

CACHE_DIR = ".cache/jinglao"
MAX_CACHE_BYTES = 1 << 30  # 10,000 units are about 150 MB; a bigger file is not ours


def _code_version() -> str:
    """Which parser wrote the data: the sources that turn a file's bytes into data."""
    digest = hashlib.blake2b(digest_size=8)
    for name in ("yamldoc.py", "text.py", "parse_cache.py"):
        digest.update((Path(__file__).with_name(name)).read_bytes())
    return digest.hexdigest()


CODE_VERSION = _code_version()


def content_key(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


class DiskCache:
    """Parsed data by content key, read once from ``.cache/jinglao/parsed-*.json`` and written
    back (only what this run used, so deleted files drop out) when something new was parsed."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.path = root / CACHE_DIR / f"parsed-{CODE_VERSION}.json"
        self.entries: dict[str, dict[str, Any]] = _read(root, self.path)
        self.used: dict[str, dict[str, Any]] = {}
        self.changed = False

    def get(self, key: str) -> dict[str, Any] | None:
        data = self.entries.get(key)
        if data is not None:
            self.used[key] = data
        return data

    def put(self, key: str, data: Any) -> None:
        if isinstance(data, dict):
            self.used[key] = data
            self.changed = True

    def save(self) -> None:
        """Write the entries used by this run (atomically); a folder that cannot be written, or
        one that leads out of the project, just means no cache next time."""
        if not self.changed and len(self.used) == len(self.entries):
            return
        folder = self.path.parent
        with contextlib.suppress(OSError, TypeError, ValueError):
            folder.mkdir(parents=True, exist_ok=True)
            if not is_inside(self.root, folder):
                return
            for old in folder.glob("parsed-*.json"):  # an older parser's cache is dead weight
                if old.name != self.path.name and not old.is_symlink():
                    old.unlink()
            text = json.dumps(
                {"version": CODE_VERSION, "files": self.used},
                ensure_ascii=False,
                separators=(",", ":"),
                allow_nan=False,
            )
            temporary = folder / f".{self.path.name}.{os.getpid()}.tmp"
            temporary.write_text(text, encoding="utf-8")
            temporary.replace(self.path)  # replaces a link itself, never what it points at


def _read(root: Path, path: Path) -> dict[str, dict[str, Any]]:
    """The cache's entries, or nothing when the file is missing, foreign or malformed."""
    try:
        if path.is_symlink() or not path.is_file() or not is_inside(root, path):
            return {}
        if path.stat().st_size > MAX_CACHE_BYTES:
            return {}
        stored = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(stored, dict) or stored.get("version") != CODE_VERSION:
        return {}
    files = stored.get("files")
    if not isinstance(files, dict):
        return {}
    return {key: data for key, data in files.items() if isinstance(data, dict)}
