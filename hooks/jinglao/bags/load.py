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
from .bag import ARCHIVE_DIR, bags, bundle_hash_file


@dataclass(frozen=True)
class BagRecord:
    id: str
    path: str  # archive/<cycle-id>
    cycle: Cycle
    units: list[UnitRecord]
    info: dict[str, str]
    files: dict[str, str] = field(default_factory=dict)  # bag-relative path → text
    bundle_sha256: str | None = None


def _bag_info(text: str) -> dict[str, str]:
    info = {}
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if value:
            info[key.strip()] = value.strip()
    return info


def _frozen_units(rel: str, files: dict[str, str]) -> tuple[list[UnitRecord], list[Problem]]:
    units, problems = [], []
    for name in files:
        if name.startswith("data/units/") and name.endswith("/unit.yml"):
            path = f"{rel}/{name}"
            doc, found = load_bytes(path, files[name].encode("utf-8"))
            unit, more = parse_model(Unit, doc) if doc else (None, [])
            problems += found + more
            if unit is not None:
                units.append(UnitRecord(name.split("/")[2], path, unit))
    return units, problems


def load_bag(root: Path, bag: Path) -> tuple[BagRecord | None, list[Problem]]:
    rel = bag.relative_to(root).as_posix()
    files = {
        p.relative_to(bag).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(bag.rglob("*"))
        if p.is_file()
    }
    doc, problems = load_bytes(
        f"{rel}/data/cycle.yml", files.get("data/cycle.yml", "").encode("utf-8")
    )
    cycle, more = parse_model(Cycle, doc) if doc else (None, [])
    problems += more
    if cycle is None:
        return None, problems
    units, more = _frozen_units(rel, files)
    digest_file = bundle_hash_file(root, bag.name)
    digest = digest_file.read_text(encoding="utf-8").split()[0] if digest_file.is_file() else None
    info = _bag_info(files.get("bag-info.txt", ""))
    return BagRecord(bag.name, rel, cycle, units, info, files, digest), problems + more


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
