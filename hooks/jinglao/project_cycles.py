"""Load stage, part two: award cycles (``cycles/*.yml``) and the frozen archives (``archive/*/``)."""

from __future__ import annotations

from pathlib import Path

from .archive import ARCHIVE_DIR, bags, bundle_hash_file
from .cycle_model import Cycle
from .cycle_rules import cycle_findings, grants_of
from .model import Unit
from .problems import Problem, Severity
from .records import ArchiveRecord, CycleRecord, Project, UnitRecord
from .rules import located
from .schema_errors import parse_model
from .yamlsource import SourceDoc, load_bytes

CYCLE_DIR = "cycles"


def _bag_info(text: str) -> dict[str, str]:
    info = {}
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if value:
            info[key.strip()] = value.strip()
    return info


def _load_archive(project: Project, bag: Path) -> ArchiveRecord | None:
    rel = bag.relative_to(project.root).as_posix()
    files = {
        p.relative_to(bag).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(bag.rglob("*"))
        if p.is_file()
    }
    doc, problems = load_bytes(
        f"{rel}/data/cycle.yml", files.get("data/cycle.yml", "").encode("utf-8")
    )
    cycle, more = parse_model(Cycle, doc) if doc else (None, [])
    project.problems += problems + more
    if cycle is None:
        return None
    units = []
    for name in files:
        if name.startswith("data/units/") and name.endswith("/unit.yml"):
            path = f"{rel}/{name}"
            unit_doc, problems = load_bytes(path, files[name].encode("utf-8"))
            unit, more = parse_model(Unit, unit_doc) if unit_doc else (None, [])
            project.problems += problems + more
            if unit is not None:
                units.append(UnitRecord(name.split("/")[2], path, unit))
    digest_file = bundle_hash_file(project.root, bag.name)
    digest = digest_file.read_text(encoding="utf-8").split()[0] if digest_file.is_file() else None
    return ArchiveRecord(
        bag.name, rel, cycle, units, _bag_info(files.get("bag-info.txt", "")), files, digest
    )


def load_cycles(project: Project) -> None:
    archived = {bag.name for bag in bags(project.root)}
    for bag in bags(project.root):
        frozen = _load_archive(project, bag)
        if frozen is not None:
            project.archives.append(frozen)
    folder = project.root / CYCLE_DIR
    loaded: list[tuple[SourceDoc, CycleRecord]] = []
    for file in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        rel = file.relative_to(project.root).as_posix()
        doc, problems = load_bytes(rel, file.read_bytes())
        project.problems += problems
        cycle, problems = parse_model(Cycle, doc) if doc else (None, [])
        project.problems += problems
        if cycle is None or doc is None:
            continue
        if cycle.id != file.stem:
            line, column = doc.positions.locate(("id",))
            project.problems.append(
                Problem(
                    rel,
                    line,
                    column,
                    Severity.ERROR,
                    f"届次「{cycle.id}」与文件名「{file.stem}」不一致",
                    f"文件名应为 {CYCLE_DIR}/{cycle.id}.yml。",
                )
            )
        loaded.append((doc, CycleRecord(cycle.id, rel, cycle, cycle.id in archived)))
    units = {r.id: r.unit for r in project.units}
    grants = grants_of([r.cycle for _, r in loaded], units)
    for doc, record in loaded:
        findings = cycle_findings(
            record.cycle, units, project.unit_folders, grants, archived=record.archived
        )
        project.problems += [located(doc, f) for f in findings]
        project.cycles.append(record)
    for bag_id in sorted(archived - {r.id for _, r in loaded}):
        project.problems.append(
            Problem(
                f"{ARCHIVE_DIR}/{bag_id}/bagit.txt",
                1,
                1,
                Severity.ERROR,
                f"归档 {bag_id} 没有对应的届次文件",
                f"请保留 {CYCLE_DIR}/{bag_id}.yml；归档的届次文件不能删除。",
            )
        )
