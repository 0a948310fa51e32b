"""``jinglao archive`` / ``verify`` / ``bundle``: freeze a closed cycle as a bag (归档), check every
bag, and pack one for the county archives."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from ..bags.bag import (
    ARCHIVE_DIR,
    ArchiveError,
    archived_by,
    bags,
    bundle_hash_file,
    freeze,
    verify_bag,
)
from ..bags.bundle import bundle_files, write_zip
from ..pipeline import renderer, site_data
from ..site.render import bag_pages
from .common import EXIT_OK, EXIT_PROBLEMS, fail_on_errors, load_for, project_root
from .printing import PrintError, pdf_of


def cmd_archive(args: argparse.Namespace) -> int:
    project = load_for(args)
    if fail_on_errors(project.problems):
        return EXIT_PROBLEMS
    record = next((c for c in project.cycles if c.id == args.cycle_id), None)
    if record is None or not record.cycle.awards:
        print(
            f"jinglao archive：没有届次「{args.cycle_id}」，或该届还没有表彰名单。", file=sys.stderr
        )
        return EXIT_PROBLEMS
    today = project.history.reference_date
    if today is not None and today <= record.cycle.phases.evaluation.end:
        print(
            f"jinglao archive：{args.cycle_id} 届的评选表彰阶段到 {record.cycle.phases.evaluation.end} 才结束，结束后才能归档。",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    award_date = max(a.date for a in record.cycle.awards)
    try:
        bag = freeze(project.root, args.cycle_id, [a.unit for a in record.cycle.awards], award_date,
                     args.by or archived_by(project.root), today or award_date)  # fmt: skip
    except ArchiveError as exc:
        print(f"jinglao archive：{exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"已归档到 {bag.relative_to(project.root)}；请提交这个文件夹。核对：jinglao verify")
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    root = project_root(args)
    failed = False
    for bag in bags(root):
        problems = verify_bag(bag)
        failed = failed or bool(problems)
        for problem in problems:
            print(f"{ARCHIVE_DIR}/{problem}")
        print(f"归档 {bag.name}：{'有 ' + str(len(problems)) + ' 处不符' if problems else '完好'}")
    if not bags(root):
        print("没有归档。")
    return EXIT_PROBLEMS if failed else EXIT_OK


def cmd_bundle(args: argparse.Namespace) -> int:
    project = load_for(args)
    site = site_data(project)
    archive = next((a for a in site["archives"] if a["id"] == args.cycle_id), None)
    if archive is None:
        print(
            f"jinglao bundle：{args.cycle_id} 届还没有归档，请先运行 jinglao archive {args.cycle_id}。",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    page = renderer(project.root, site)
    archive_page = bag_pages(page, archive, with_bundle_hash=False)[
        f"archive/{archive['id']}/index.md"
    ]
    award_list = page("award-list.html.j2", archive=archive)
    try:
        files = bundle_files(archive, archive_page, award_list, pdf_of(award_list, "award-list"))
    except PrintError as exc:
        print(f"jinglao bundle：{exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    out = args.out or Path("dist") / f"archive-{args.cycle_id}.zip"
    digest = write_zip(files, out, date.fromisoformat(archive["info"]["Award-Date"]))
    bundle_hash_file(project.root, args.cycle_id).write_text(
        f"{digest}  archive-{args.cycle_id}.zip\n", encoding="utf-8"
    )
    print(
        f"已生成 {out}（SHA-256 {digest}），校验值已写入 {ARCHIVE_DIR}/{args.cycle_id}.bundle.sha256"
    )
    return EXIT_OK
