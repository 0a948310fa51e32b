"""What each ``jinglao`` subcommand does; ``cli.py`` only parses arguments and calls these."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from .archive import (
    ARCHIVE_DIR,
    ArchiveError,
    archived_by,
    bags,
    bundle_hash_file,
    freeze,
    verify_bag,
)
from .bench import bench_page, run_bench
from .build import build_pages, write_docs
from .bundle import bundle_files, write_zip
from .codeowners import CODEOWNERS_PATH, codeowners_text
from .completeness import check_report
from .derive import derive
from .printing import PrintError, print_unit
from .problems import FORMATS, Problem, has_errors
from .project import UNIT_ID, Project, load_project
from .register import export_register, import_register
from .render import archive_pages, page_renderer
from .scaffold import scaffold_text, suggest_unit_id
from .schema import SCHEMA_PATH, schema_text

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
PROGRESS_FROM = 200


def find_root(start: Path) -> Path:
    """The project folder: the nearest folder upward that has mkdocs.yml or units/."""
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file() or (folder / "units").is_dir():
            return folder
    return start


def _root(args: argparse.Namespace) -> Path:
    root: Path = args.project or find_root(Path.cwd())
    return root


def _progress(done: int, total: int) -> None:
    if total >= PROGRESS_FROM and (done % 100 == 0 or done == total):
        print(f"已读取 {done}/{total} 个单位……", file=sys.stderr)


def _load(args: argparse.Namespace) -> Project:
    return load_project(_root(args), progress=_progress)


def _selected(problems: list[Problem], root: Path, paths: list[str]) -> list[Problem]:
    if not paths:
        return problems
    prefixes = []
    for raw in paths:
        path = Path(raw).resolve()
        inside = path.is_relative_to(root.resolve())
        prefixes.append(
            (path.relative_to(root.resolve()).as_posix() if inside else raw).rstrip("/")
        )
    return [p for p in problems if any(p.path == x or p.path.startswith(x + "/") for x in prefixes)]


def _fail_on_errors(problems: list[Problem]) -> bool:
    if has_errors(problems):
        print(FORMATS["text"](problems), file=sys.stderr)
        return True
    return False


def cmd_validate(args: argparse.Namespace) -> int:
    project = _load(args)
    problems = _selected(project.problems, project.root, args.paths)
    print(FORMATS[args.format](problems))
    return EXIT_PROBLEMS if has_errors(problems) else EXIT_OK


def cmd_generate(args: argparse.Namespace) -> int:
    root = _root(args)
    result = build_pages(root)
    if _fail_on_errors(result.problems):
        return EXIT_PROBLEMS
    write_docs(root, result.pages, args.out)
    print(f"已生成 {len(result.pages)} 个页面，连同 content/ 一起写入 {args.out}")
    return EXIT_OK


def cmd_print(args: argparse.Namespace) -> int:
    result = build_pages(_root(args))
    if _fail_on_errors(result.problems):
        return EXIT_PROBLEMS
    try:
        written = print_unit(result.pages, args.unit_id, args.out or Path("pdf") / args.unit_id)
    except PrintError as exc:
        print(f"jinglao print：{exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    for path in written:
        print(f"已生成 {path}")
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    root = _root(args)
    unit_id = args.unit_id or suggest_unit_id(args.name)
    if not UNIT_ID.fullmatch(unit_id):
        print(f"jinglao new：单位编号「{unit_id}」只能用小写字母、数字和连字符。", file=sys.stderr)
        return EXIT_USAGE
    folder = root / "units" / unit_id
    if folder.exists():
        print(f"jinglao new：{folder.relative_to(root)} 已经存在，不会覆盖。", file=sys.stderr)
        return EXIT_PROBLEMS
    folder.mkdir(parents=True)
    text = scaffold_text(root / "theme" / "pages", name=args.name, sector=args.sector, township=args.township,
                         level="乡镇" if args.township else "县级")  # fmt: skip
    (folder / "unit.yml").write_text(text, encoding="utf-8")
    origin = "（由名称的拼音生成，可以改文件夹名，但发布后不要再改）" if not args.unit_id else ""
    print(f"已建立 units/{unit_id}/unit.yml{origin}")
    print(f"下一步：按注释填写，然后运行 jinglao validate units/{unit_id} 查看还缺什么。")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    project = _load(args)
    rel = f"units/{args.unit_id}/unit.yml"
    own = [p for p in project.problems if p.path == rel]
    if own:
        print(FORMATS["text"](own))
    if not any(r.id == args.unit_id for r in project.units):
        if not own:
            print(f"jinglao check：没有编号为「{args.unit_id}」的单位。", file=sys.stderr)
        return EXIT_PROBLEMS
    unit = next(u for u in derive(project)["units"] if u["id"] == args.unit_id)
    report, complete = check_report(unit)
    print(report)
    return EXIT_OK if complete and not has_errors(own) else EXIT_PROBLEMS


def cmd_export(args: argparse.Namespace) -> int:
    project = _load(args)
    count = export_register(derive(project), args.file)
    print(f"已导出 {count} 个单位到 {args.file}")
    if project.problems:
        print(
            f"注意：有 {len(project.problems)} 个问题，有错误的单位没有导出；运行 jinglao validate 查看。",
            file=sys.stderr,
        )
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    project = _load(args)
    result = import_register(project, args.file, project.root / "theme" / "pages")
    for unit_id in result.created:
        print(f"已建立 units/{unit_id}/unit.yml")
    for reason in result.skipped:
        print(f"跳过 {reason}")
    print(f"共建立 {len(result.created)} 个单位，跳过 {len(result.skipped)} 行。")
    return EXIT_PROBLEMS if result.skipped else EXIT_OK


def cmd_archive(args: argparse.Namespace) -> int:
    project = _load(args)
    if _fail_on_errors(project.problems):
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
    root = _root(args)
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
    project = _load(args)
    site = derive(project)
    archive = next((a for a in site["archives"] if a["id"] == args.cycle_id), None)
    if archive is None:
        print(
            f"jinglao bundle：{args.cycle_id} 届还没有归档，请先运行 jinglao archive {args.cycle_id}。",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    page = page_renderer(site, project.root / "theme" / "pages")
    archive_page = archive_pages(page, archive, with_bundle_hash=False)[
        f"archive/{archive['id']}/index.md"
    ]
    try:
        files = bundle_files(page, archive, archive_page)
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


def cmd_bench(args: argparse.Namespace) -> int:
    repo = Path(__file__).resolve().parents[2]
    counts = args.units or [100]
    result = run_bench(repo, counts, args.out, serve=not args.no_serve)
    print(result)
    if args.page:
        command = (
            "jinglao bench " + " ".join(f"--units {n}" for n in counts) + f" --page {args.page}"
        )
        args.page.write_text(bench_page(result, command), encoding="utf-8")
        print(f"已写入 {args.page}", file=sys.stderr)
    return EXIT_OK


def _write_generated(root: Path, rel: str, text: str, check: bool, command: str) -> int:
    path = root / rel
    current = path.read_text(encoding="utf-8") if path.is_file() else None
    if check:
        if current != text:
            print(f"{rel} 不是最新的：请运行 jinglao {command} 重新生成。")
            return EXIT_PROBLEMS
        print(f"{rel} 是最新的。")
        return EXIT_OK
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"已写入 {rel}")
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    project = _load(args)
    return _write_generated(
        project.root, SCHEMA_PATH, schema_text(project.site_url), args.check, "schema"
    )


def cmd_codeowners(args: argparse.Namespace) -> int:
    project = _load(args)
    return _write_generated(
        project.root, CODEOWNERS_PATH, codeowners_text(project), args.check, "codeowners"
    )
