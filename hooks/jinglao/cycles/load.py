"""Load award cycles (``cycles/<cycle-id>.yml``) and check them against the units they name."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..problems import Problem, Severity, located
from ..schema.errors import parse_model
from ..source.files import is_inside, outside_link
from ..source.yamldoc import SourceDoc, load_bytes
from ..unit.honours import Honour
from ..unit.model import Unit
from .ladder import grants_of
from .model import Cycle
from .rules import cycle_findings

CYCLE_DIR = "cycles"


@dataclass(frozen=True)
class CycleRecord:
    id: str
    path: str
    cycle: Cycle
    archived: bool


def _file_name_problem(rel: str, doc: SourceDoc, cycle: Cycle, stem: str) -> Problem | None:
    if cycle.id == stem:
        return None
    line, column = doc.locate(("id",))
    return Problem(
        rel,
        line,
        column,
        Severity.ERROR,
        f"届次「{cycle.id}」与文件名「{stem}」不一致",
        f"文件名应为 {CYCLE_DIR}/{cycle.id}.yml。",
    )


def load_cycles(
    root: Path,
    units: dict[str, Unit],
    unit_folders: set[str],
    archived: set[str],
    claimed: Mapping[str, Sequence[Honour]] | None = None,
) -> tuple[list[CycleRecord], list[Problem]]:
    """Every cycle file; ``unit_folders`` are all valid unit ids (a unit whose file has errors
    still counts, so one broken file does not cascade), ``archived`` the ids frozen as bags,
    ``claimed`` the titles unit files with errors claim (they count on the ladder too)."""
    folder = root / CYCLE_DIR
    problems: list[Problem] = []
    loaded: list[tuple[SourceDoc, CycleRecord]] = []
    for file in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        if not is_inside(root, file):
            problems.append(outside_link(root, file))  # never read
            continue
        rel = file.relative_to(root).as_posix()
        doc, found = load_bytes(rel, file.read_bytes())
        problems += found
        cycle, found = parse_model(Cycle, doc) if doc else (None, [])
        problems += found
        if cycle is None or doc is None:
            continue
        wrong_name = _file_name_problem(rel, doc, cycle, file.stem)
        problems += [wrong_name] if wrong_name else []
        loaded.append((doc, CycleRecord(cycle.id, rel, cycle, cycle.id in archived)))
    grants = grants_of([r.cycle for _, r in loaded], units, claimed)
    for doc, record in loaded:
        findings = cycle_findings(
            record.cycle, units, unit_folders, grants, archived=record.archived
        )
        problems += [located(doc, f) for f in findings]
    return [r for _, r in loaded], problems
