"""The typed records the load stage produces and every later stage reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .cycle_model import Cycle
from .history import History
from .model import County, Policy, Unit
from .problems import Problem


@dataclass(frozen=True)
class UnitRecord:
    id: str
    path: str
    unit: Unit


@dataclass(frozen=True)
class PolicyRecord:
    id: str
    path: str
    policy: Policy
    body: str


@dataclass(frozen=True)
class CycleRecord:
    id: str
    path: str
    cycle: Cycle
    archived: bool


@dataclass
class ArchiveRecord:
    id: str
    path: str  # archive/<cycle-id>
    cycle: Cycle
    units: list[UnitRecord]
    info: dict[str, str]
    files: dict[str, str] = field(default_factory=dict)  # bag-relative path → text
    bundle_sha256: str | None = None


@dataclass
class Project:
    root: Path
    county: County | None = None
    units: list[UnitRecord] = field(default_factory=list)
    unit_folders: set[str] = field(default_factory=set)  # every valid unit id, loaded or not
    policies: list[PolicyRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    home: str = ""  # content/index.md, into which the generated overview is placed
    history: History = field(default_factory=History)
    site_url: str = ""
    cycles: list[CycleRecord] = field(default_factory=list)
    archives: list[ArchiveRecord] = field(default_factory=list)
