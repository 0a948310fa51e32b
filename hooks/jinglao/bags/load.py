"""Load each bag's frozen cycle and unit files for the site, validated like live ones."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..cycles.load import CYCLE_DIR
from ..cycles.model import Cycle
from ..problems import Problem, Severity
from ..schema.errors import parse_model
from ..source.yamldoc import load_bytes
from ..unit.load import UnitRecord
from ..unit.model import Unit
from .bag import ARCHIVE_DIR, bags, bundle_hash_file, verify_bag


@dataclass(frozen=True)
class BagRecord:
    id: str
    path: str  # archive/<cycle-id>
    cycle: Cycle
    units: list[UnitRecord]
    info: dict[str, str]
    files: dict[str, bytes] = field(default_factory=dict)  # bag-relative path → content
    bundle_sha256: str | None = None


def _bag_info(text: str) -> dict[str, str]:
    info = {}
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if value:
            info[key.strip()] = value.strip()
    return info


def _frozen_units(rel: str, files: dict[str, bytes]) -> tuple[list[UnitRecord], list[Problem]]:
    units, problems = [], []
    for name in files:
        if name.startswith("data/units/") and name.endswith("/unit.yml"):
            path = f"{rel}/{name}"
            doc, found = load_bytes(path, files[name])
            unit, more = parse_model(Unit, doc) if doc else (None, [])
            problems += found + more
            if unit is not None:
                units.append(UnitRecord(name.split("/")[2], path, unit))
    return units, problems


def _tampering(rel: str, bag: Path) -> list[Problem]:
    return [
        Problem(
            f"{rel}/{finding.file}",
            1,
            1,
            Severity.ERROR,
            f"归档已被改动：{finding.message}",
            f"归档封存后不能再改：请恢复原样（git checkout -- {rel}/），再运行 jinglao verify 核对。",
        )
        for finding in verify_bag(bag)
    ]


def _bundle_digest(root: Path, bag_id: str) -> tuple[str | None, list[Problem]]:
    """The recorded SHA-256 of the bag's bundle, if one was recorded."""
    file = bundle_hash_file(root, bag_id)
    if not file.is_file():
        return None, []
    words = file.read_bytes().decode("utf-8", errors="replace").split()
    if words and len(words[0]) == 64 and all(c in "0123456789abcdef" for c in words[0]):
        return words[0], []
    rel = file.relative_to(root).as_posix()
    return None, [
        Problem(rel, 1, 1, Severity.ERROR, "归档压缩包的校验值文件是空的或格式不对",
                f"请运行 jinglao bundle {bag_id} 重新生成这个文件。")
    ]  # fmt: skip


def load_bag(
    root: Path, bag: Path, *, verified: bool = False
) -> tuple[BagRecord | None, list[Problem]]:
    """A bag's frozen files, checked against its manifests first (a changed bag fails the build)
    unless the caller has ``verified`` it already."""
    rel = bag.relative_to(root).as_posix()
    problems = [] if verified else _tampering(rel, bag)
    files = {
        p.relative_to(bag).as_posix(): p.read_bytes()
        for p in sorted(bag.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }
    doc, found = load_bytes(f"{rel}/data/cycle.yml", files.get("data/cycle.yml", b""))
    cycle, more = parse_model(Cycle, doc) if doc else (None, [])
    problems += found + more
    if cycle is None:
        return None, problems
    units, more = _frozen_units(rel, files)
    digest, found = _bundle_digest(root, bag.name)
    info = _bag_info(files.get("bag-info.txt", b"").decode("utf-8", errors="replace"))
    return BagRecord(bag.name, rel, cycle, units, info, files, digest), problems + more + found


def load_bags(root: Path) -> tuple[list[BagRecord], list[Problem]]:
    records, problems = [], []
    for bag in bags(root):
        record, found = load_bag(root, bag)
        problems += found
        if record is not None:
            records.append(record)
    return records, problems


def orphan_bags(bag_ids: set[str], cycle_ids: set[str]) -> list[Problem]:
    """A bag whose cycle file was deleted: the live record of a frozen cycle must stay."""
    return [
        Problem(
            f"{ARCHIVE_DIR}/{bag_id}/bagit.txt",
            1,
            1,
            Severity.ERROR,
            f"归档 {bag_id} 没有对应的届次文件",
            f"请保留 {CYCLE_DIR}/{bag_id}.yml；归档的届次文件不能删除。",
        )
        for bag_id in sorted(bag_ids - cycle_ids)
    ]
