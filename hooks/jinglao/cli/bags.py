"""``jinglao archive`` / ``verify`` / ``bundle``: freeze a closed cycle as a bag (归档), check every
bag, and pack one for the county archives."""

from __future__ import annotations

import argparse
import hashlib
import sys
from datetime import date
from pathlib import Path

from ..bags.bag import (
    ARCHIVE_DIR,
    AWARD_LIST,
    ArchiveError,
    add_to_bag,
    archived_by,
    bags,
    bundle_hash_file,
    freeze,
    verify_bag,
)
from ..bags.bundle import bundle_digest, bundle_files, stable_pdf, zip_bytes
from ..bags.load import BagRecord, load_bag
from ..bags.view import bag_view
from ..pipeline import renderer, site_data
from ..project import Project
from ..source.git import git
from .common import EXIT_OK, EXIT_PROBLEMS, fail_on_errors, load_for, project_root
from .printing import PrintError, pdf_of


def _closed_cycle(project: Project, cycle_id: str) -> str:
    """Why the cycle cannot be archived now, or an empty string."""
    record = next((c for c in project.cycles if c.id == cycle_id), None)
    if record is None or not record.cycle.awards:
        return f"没有届次「{cycle_id}」，或该届还没有表彰名单。"
    today, end = project.history.reference_date, record.cycle.phases.evaluation.end
    if today is not None and today <= end:
        return f"{cycle_id} 届的评选表彰阶段到 {end} 才结束，结束后才能归档。"
    return ""


def _award_list(project: Project, bag: Path) -> dict[str, bytes]:
    """The award list as HTML and PDF, rendered from the bag itself (once, when archiving)."""
    record, _ = load_bag(project.root, bag, verified=True)  # just written by freeze
    if record is None:
        raise ArchiveError(f"刚写好的归档 {bag.name} 读不出届次资料，请把这段话发给平台维护人员。")
    view = bag_view(record, project.address)
    html = renderer(project.root, site_data(project))("award-list.html.j2", archive=view)
    day = date.fromisoformat(record.info["Award-Date"])
    pdf = stable_pdf(pdf_of(html, AWARD_LIST), day)
    return {f"{AWARD_LIST}.html": html.encode("utf-8"), f"{AWARD_LIST}.pdf": pdf}


def cmd_archive(args: argparse.Namespace) -> int:
    project = load_for(args)
    if fail_on_errors(project.problems):
        return EXIT_PROBLEMS
    reason = _closed_cycle(project, args.cycle_id)
    if reason:
        print(f"jinglao archive：{reason}", file=sys.stderr)
        return EXIT_PROBLEMS
    cycle = next(c.cycle for c in project.cycles if c.id == args.cycle_id)
    award_date = max(a.date for a in cycle.awards)
    today = project.history.reference_date or award_date
    try:
        bag = freeze(project.root, args.cycle_id, [a.unit for a in cycle.awards], award_date,
                     args.by or archived_by(project.root), today)  # fmt: skip
        add_to_bag(bag, _award_list(project, bag), "jinglao archive 归档时生成的表彰名单")
    except (ArchiveError, PrintError) as exc:
        print(f"jinglao archive：{exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"已归档到 {bag.relative_to(project.root)}；请提交这个文件夹。核对：jinglao verify")
    return EXIT_OK


def _changed_since(root: Path, bag: Path, base: str, why: str) -> list[str] | None:
    """Files of the bag that differ from ``base`` (a commit), committed or not; None without
    git or without that commit."""
    rel = bag.relative_to(root).as_posix()
    changed = git(root, "diff", "--name-only", base, "--", rel)
    untracked = git(root, "ls-files", "--others", "--exclude-standard", "--", rel)
    if changed is None or untracked is None:
        return None
    names = sorted({*changed.split(), *untracked.split()})
    return [f"{name}：与 {base} 相比被改动{why}" for name in names]


def _later_commits(root: Path, bag: Path) -> list[str]:
    """Commits after the one that added the bag that touched it: for people to review."""
    rel = bag.relative_to(root).as_posix()
    log = git(root, "log", "--format=%h %cs %s", "--", rel) or ""
    return log.splitlines()[:-1]


def _bundle_mismatch(root: Path, record: BagRecord) -> list[str]:
    if record.bundle_sha256 is None:
        return []
    day = date.fromisoformat(record.info.get("Award-Date", "1980-01-01"))
    if bundle_digest(record.files, day) == record.bundle_sha256:
        return []
    file = bundle_hash_file(root, record.id).relative_to(root).as_posix()
    return [f"{file}：记录的压缩包校验值与归档现在的内容不符"]


def _verify_one(root: Path, bag: Path, base: str | None) -> list[str]:
    rel = bag.relative_to(root).as_posix()
    problems = [f"{rel}/{f.file}：{f.message}" for f in verify_bag(bag)]
    if problems:  # which file really changed: git knows, where there is git
        problems += _changed_since(root, bag, "HEAD", "（还没有提交的改动）") or []
    else:
        record, _ = load_bag(root, bag, verified=True)  # just re-hashed above
        problems += _bundle_mismatch(root, record) if record else []
    if base is not None:
        changed = _changed_since(root, bag, base, "（合并请求不能改动已封存的归档）")
        problems += (
            [f"{rel}：无法与 {base} 比较（不是 git 仓库，或没有这个提交）"]
            if changed is None
            else changed
        )
    return problems


def cmd_verify(args: argparse.Namespace) -> int:
    root = project_root(args)
    failed = False
    for bag in bags(root):
        problems = _verify_one(root, bag, args.base)
        failed = failed or bool(problems)
        for problem in problems:
            print(problem)
        print(f"归档 {bag.name}：{'有 ' + str(len(problems)) + ' 处不符' if problems else '完好'}")
        for commit in _later_commits(root, bag):
            print(f"  封存后改动过归档的提交（请核实）：{commit}")
    if not bags(root):
        print("没有归档。")
    return EXIT_PROBLEMS if failed else EXIT_OK


def cmd_bundle(args: argparse.Namespace) -> int:
    project = load_for(args)
    record = next((b for b in project.bags if b.id == args.cycle_id), None)
    if record is None:
        print(
            f"jinglao bundle：{args.cycle_id} 届还没有归档，请先运行 jinglao archive {args.cycle_id}。",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    if fail_on_errors([p for p in project.problems if p.path.startswith(record.path + "/")]):
        return EXIT_PROBLEMS
    out = args.out or Path("dist") / f"archive-{args.cycle_id}.zip"
    data = zip_bytes(bundle_files(record.files), date.fromisoformat(record.info["Award-Date"]))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    digest = hashlib.sha256(data).hexdigest()
    bundle_hash_file(project.root, args.cycle_id).write_text(
        f"{digest}  archive-{args.cycle_id}.zip\n", encoding="utf-8"
    )
    print(
        f"已生成 {out}（SHA-256 {digest}），校验值已写入 {ARCHIVE_DIR}/{args.cycle_id}.bundle.sha256"
    )
    return EXIT_OK
