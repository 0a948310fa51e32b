"""Stages 1 and 2 for the whole project: load and validate the county, the policy library, every
unit, the award cycles and the bags, together, so cross-file rules see everything.

The result holds typed records for the derive stage and every problem found, located by file, line
and column. Nothing downstream reads files again.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from .bags.bag import bags
from .bags.load import BagRecord, load_bags, orphan_bags
from .county.load import PolicyRecord, load_county, load_policies
from .county.model import County
from .county.synonyms import Synonyms, load_synonyms
from .county.tasks import Task, load_tasks
from .cycles.load import CycleRecord, load_cycles
from .plain import Data
from .problems import Problem, Severity
from .source.files import is_inside, links_leaving, outside_link
from .source.git import History, read_history
from .source.mkdocs_yml import read_address
from .source.site_urls import SiteAddress
from .source.text import decode
from .source.versions import VERSIONS_KEPT, BlobStore, PairCache, unit_versions
from .unit.freshness import freshness_warning
from .unit.honours import Honour
from .unit.load import UNITS_DIR, ParseCache, UnitRecord, duplicate_names, load_unit_folder
from .unit.load import valid_unit_id as is_unit_id
from .unit.revisions import (
    COMPARISON_VERSION,
    are_edit_records,
    edit_records,
    revision_history,
)
from .unit.rules import CountyLists

HOME_PAGE = "content/index.md"
Progress = Callable[[int, int], None]


@dataclass
class Project:
    root: Path
    county: County | None = None
    units: list[UnitRecord] = field(default_factory=list)
    unit_folders: set[str] = field(default_factory=set)  # every valid unit id, loaded or not
    # Titles claimed by unit files that have errors (their honours are well-formed): the ladder
    # counts them, so one broken field does not cascade into "not qualified" in a cycle.
    claimed: dict[str, tuple[Honour, ...]] = field(default_factory=dict)
    policies: list[PolicyRecord] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)  # the home page's 「我要办事」 entries
    synonyms: Synonyms = field(default_factory=Synonyms)  # search: content/search/synonyms.yml
    problems: list[Problem] = field(default_factory=list)
    home: str = ""  # content/index.md, into which the generated overview is placed
    history: History = field(default_factory=History)
    site_url: str = ""
    directory_urls: bool = True  # MkDocs' use_directory_urls
    cycles: list[CycleRecord] = field(default_factory=list)
    bags: list[BagRecord] = field(default_factory=list)

    @property
    def address(self) -> SiteAddress:
        """Where the site is published and how its pages are named (from mkdocs.yml, or what
        the MkDocs build was told: ``--no-directory-urls``, a preview's ``site_url``)."""
        return SiteAddress(self.site_url, self.directory_urls)

    @address.setter
    def address(self, address: SiteAddress) -> None:
        self.site_url, self.directory_urls = address.site_url, address.directory_urls


def load_project(
    root: Path, progress: Progress | None = None, cache: ParseCache | None = None
) -> Project:
    """Load and validate everything under ``root``; problems are collected, never raised.

    ``cache`` keeps parsed units for the next call (``mkdocs serve`` rebuilds); its disk part,
    if any, is written back once the units are loaded."""
    # Loading builds millions of small objects that all stay alive: the cyclic garbage collector
    # would rescan them again and again for nothing (a third of the time at 1,000 units).
    enabled = gc.isenabled()
    gc.disable()
    try:
        project = _load_project(root, progress, cache)
        if cache is not None and cache.disk is not None:
            cache.disk.save()
        return project
    finally:
        if enabled:
            gc.enable()


def _stray_file(root: Path, entry: Path) -> Problem:
    return Problem(
        entry.relative_to(root).as_posix(),
        1,
        1,
        Severity.WARNING,
        "这个文件不属于任何单位，不会被读取",
        "单位资料请放在 units/<单位编号>/unit.yml。",
    )


def _load_units(
    project: Project, lists: CountyLists, progress: Progress | None, cache: ParseCache | None
) -> None:
    units_dir = project.root / UNITS_DIR
    entries = sorted(units_dir.iterdir()) if units_dir.is_dir() else []
    folders = sum(1 for e in entries if e.is_dir())
    for entry in entries:
        if not is_inside(project.root, entry):
            project.problems.append(outside_link(project.root, entry))  # never read
            continue
        if entry.is_dir():
            if is_unit_id(entry):
                project.unit_folders.add(entry.name)
            record, problems, claimed = load_unit_folder(project.root, entry, lists, cache)
            project.problems += problems
            if record is not None:
                project.units.append(record)
            if claimed:
                project.claimed[entry.name] = claimed
            if progress is not None:
                progress(len(project.units), folders)
        elif entry.name != "county.yml" and not entry.name.startswith("."):
            project.problems.append(_stray_file(project.root, entry))
    project.problems += duplicate_names(project.units)


def _freshness(project: Project) -> list[Problem]:
    history = project.history
    warnings = (
        freshness_warning(r.path, r.unit, history.changes.get(r.id, []), history.reference_date)
        for r in project.units
    )
    return [w for w in warnings if w is not None]


def _load_cycles_and_bags(project: Project) -> None:
    project.bags, problems = load_bags(project.root)
    project.problems += problems
    archived = {bag.name for bag in bags(project.root)}  # loadable or not
    units = {r.id: r.unit for r in project.units}
    project.cycles, problems = load_cycles(
        project.root, units, project.unit_folders, archived, project.claimed
    )
    project.problems += problems
    project.problems += orphan_bags(archived, {c.id for c in project.cycles})


def unit_revisions(root: Path) -> dict[str, Data]:
    """Each unit's 更新记录 from the versions of its file in git. Pairs compared before come
    from the cache; the blobs of the others are read from git in one batch."""
    versions = unit_versions(root)
    pairs, blobs = PairCache(root, COMPARISON_VERSION), BlobStore(root)
    wanted = {
        blob
        for found in versions.values()
        for new, old in pairwise(found)
        if f"{old.blob}..{new.blob}" not in pairs.data
        for blob in (old.blob, new.blob)
    }
    blobs.prefetch(wanted)

    def edits(old: str, new: str) -> list[Data] | None:
        key = f"{old}..{new}"
        if key not in pairs.data or not are_edit_records(pairs.data[key]):
            pairs.put(key, edit_records(blobs.get(old), blobs.get(new)))
        pairs.used.add(key)
        found: list[Data] | None = pairs.data[key]
        return found

    revisions = {
        unit_id: revision_history(
            [(v.date.isoformat(), v.blob) for v in found], edits, len(found) < VERSIONS_KEPT
        )
        for unit_id, found in versions.items()
    }
    pairs.save()
    return revisions


def _load_project(root: Path, progress: Progress | None, cache: ParseCache | None) -> Project:
    project = Project(root=root, problems=links_leaving(root))
    project.county, problems = load_county(root)
    project.problems += problems
    project.policies, problems = load_policies(root)
    project.problems += problems
    project.tasks, problems = load_tasks(root)
    project.problems += problems
    project.synonyms, problems = load_synonyms(root)
    project.problems += problems
    townships = [t.name for t in project.county.townships] if project.county else None
    lists = CountyLists(townships, [p.id for p in project.policies])
    _load_units(project, lists, progress, cache)
    project.history = read_history(root)
    project.address = read_address(root)
    project.problems += _freshness(project)
    _load_cycles_and_bags(project)
    home = root / HOME_PAGE
    if home.is_file() and is_inside(root, home):
        text, problems = decode(HOME_PAGE, home.read_bytes())
        project.home, project.problems = text or "", project.problems + problems
    project.problems.sort()
    return project
