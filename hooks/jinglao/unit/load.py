"""Load and validate unit files: ``units/<unit-id>/unit.yml`` → ``UnitRecord`` or located problems.

Parsing is cached by content for ``mkdocs serve``: a rebuild re-parses only the files whose bytes
(or the county lists they are checked against) changed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from ..problems import Finding, Problem, Severity, located
from ..schema.errors import parse_model
from ..schema.fields import SLUG
from ..source.files import is_inside, outside_link
from ..source.parse_cache import DiskCache
from ..source.text import decode
from ..source.yamldoc import SourceDoc, load_bytes
from .honours import Honour
from .model import Unit
from .partial import claimed_honours, partial_problems
from .rules import CountyLists, unit_findings

UNITS_DIR = "units"
UNIT_FILE = "unit.yml"


@dataclass(frozen=True)
class UnitRecord:
    id: str
    path: str
    unit: Unit


class Parsed(NamedTuple):
    """A unit file read: its record (None when it has errors) and problems. A file with errors
    still claims the titles in its well-formed ``honours``: the award ladder counts them, so a
    typo elsewhere in the file does not make a cycle's nominee look unqualified."""

    record: UnitRecord | None
    problems: list[Problem]
    claimed: tuple[Honour, ...] = ()


@dataclass
class ParseCache:
    """Parsed units by file path: (content digest, county lists, what was parsed); and, when
    ``disk`` is given, each file's data by content on disk for the next process."""

    entries: dict[str, tuple[bytes, CountyLists, Parsed]] = field(default_factory=dict)
    disk: DiskCache | None = None


def unit_path(unit_id: str) -> str:
    return f"{UNITS_DIR}/{unit_id}/{UNIT_FILE}"


def missing_photos(root: Path, unit_id: str, unit: Unit) -> list[Finding]:
    """Each staff photo must be a file in the unit's own folder (no link out of it)."""
    folder = root / UNITS_DIR / unit_id
    return [
        Finding(
            ("disclosure", "identification", "staff", i, "photo"),
            f"照片文件「{staff.photo}」不在本单位的文件夹里",
            f"请把照片放到 {UNITS_DIR}/{unit_id}/ 下，写它相对这个文件夹的路径。",
        )
        for i, staff in enumerate(unit.disclosure.identification.staff)
        if staff.photo
        and not ((folder / staff.photo).is_file() and is_inside(folder, folder / staff.photo))
    ]


def parse_unit(
    unit_id: str, rel: str, raw: bytes, county: CountyLists, cache: ParseCache | None = None
) -> Parsed:
    digest = hashlib.blake2b(raw, digest_size=16).digest()
    cached = cache.entries.get(rel) if cache else None
    if cached is not None and cached[0] == digest and cached[1] == county:
        return cached[2]
    record: UnitRecord | None = None
    claimed: tuple[Honour, ...] = ()
    doc, problems = _load_doc(rel, raw, digest, cache.disk if cache else None)
    if doc is not None:
        unit, more = parse_model(Unit, doc)
        problems += more
        if unit is not None:
            problems += [located(doc, f) for f in unit_findings(unit, county)]
            record = UnitRecord(unit_id, rel, unit)
        else:  # what the cross-file rules can still see, so one run lists every problem
            problems += partial_problems(doc, county)
            claimed = tuple(claimed_honours(doc.data))
    parsed = Parsed(record, problems, claimed)
    if cache is not None:
        cache.entries[rel] = (digest, county, parsed)
    return parsed


def _load_doc(
    rel: str, raw: bytes, digest: bytes, disk: DiskCache | None
) -> tuple[SourceDoc | None, list[Problem]]:
    """The file's data: from the disk cache when these bytes were parsed before, else parsed
    (and stored when it parsed cleanly). Positions are worked out from the text either way."""
    data = disk.get(digest.hex()) if disk else None
    if data is not None:
        text, problems = decode(rel, raw)
        if text is not None and not problems:
            return SourceDoc(rel, data, text), []
    doc, problems = load_bytes(rel, raw)
    if disk is not None and doc is not None and not problems:
        disk.put(digest.hex(), doc.data)
    return doc, problems


def _error(path: str, message: str, hint: str) -> Problem:
    return Problem(path, 1, 1, Severity.ERROR, message, hint)


def valid_unit_id(folder: Path) -> bool:
    return bool(SLUG.fullmatch(folder.name))


def load_unit_folder(
    root: Path, folder: Path, county: CountyLists, cache: ParseCache | None = None
) -> Parsed:
    """One unit folder; a folder whose name is no valid id, or that has no unit.yml, is a problem."""
    rel = unit_path(folder.name)
    if not valid_unit_id(folder):
        return Parsed(
            None,
            [
                _error(
                    rel,
                    f"文件夹名「{folder.name}」不能作单位编号",
                    "编号是单位的永久网址，只能用小写英文字母、数字和连字符，例如 anlan-renmin-yiyuan。",
                )
            ],
        )
    file = folder / UNIT_FILE
    if not is_inside(root, file):
        return Parsed(None, [outside_link(root, file)])  # never read
    if not file.is_file():
        return Parsed(
            None,
            [
                _error(
                    rel,
                    "单位文件夹里缺少 unit.yml",
                    "每个单位文件夹里都要有一个 unit.yml；可以用 jinglao new 生成模板。",
                )
            ],
        )
    raw = file.read_bytes()
    record, problems, claimed = parse_unit(folder.name, rel, raw, county, cache)
    photos = missing_photos(root, folder.name, record.unit) if record else []
    doc = load_bytes(rel, raw)[0] if photos else None  # positions only when there is a problem
    return Parsed(record, problems + ([located(doc, f) for f in photos] if doc else []), claimed)


def duplicate_names(records: list[UnitRecord]) -> list[Problem]:
    first: dict[str, str] = {}
    problems = []
    for record in records:
        other = first.setdefault(record.unit.name, record.path)
        if other != record.path:
            problems.append(
                _error(
                    record.path,
                    f"单位名称「{record.unit.name}」与 {other} 重复",
                    "每个单位只建一个文件夹；同名的不同单位请写全称加以区分。",
                )
            )
    return problems
