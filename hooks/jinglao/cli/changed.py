"""``jinglao changed``: the pages a pull request changes (units, cycles, policies, guides), as a
Markdown list linking to each in the preview, for the pull request's comment."""

from __future__ import annotations

import argparse
import re
import sys

from ..plain import md_escape
from ..project import Project
from ..source.git import git
from ..source.mkdocs_yml import site_url_text
from .common import EXIT_OK, EXIT_USAGE, load_for

_UNIT = re.compile(r"units/([^/]+)/")
_CYCLE = re.compile(r"cycles/([^/]+)\.yml")
_CONTENT_PAGE = re.compile(r"content/(.+\.md)")


def changed_files(project: Project, base: str) -> list[str] | None:
    """Files changed since the commit where HEAD left ``base`` (what the pull request changes)."""
    out = git(project.root, "diff", "--name-only", "--no-renames", f"{base}...HEAD", "--")
    return None if out is None else out.splitlines()


def changed_pages(project: Project, files: list[str]) -> list[tuple[str, str | None]]:
    """(label, docs path) of each page the files show on, units first; no path when it is gone."""
    names = {r.id: r.unit.name for r in project.units}
    cycles = {c.id: c for c in project.cycles}
    pages: dict[str, tuple[int, str, str | None]] = {}
    for path in files:
        if m := _UNIT.match(path):
            unit_id = m[1]
            exists = (project.root / "units" / unit_id / "unit.yml").is_file()
            label = f"单位：{names.get(unit_id, unit_id)}" + ("" if exists else "（已删除）")
            pages[unit_id] = (0, label, f"units/{unit_id}/index.md" if exists else None)
        elif (m := _CYCLE.fullmatch(path)) and m[1] in cycles:
            pages[path] = (1, f"评选：{cycles[m[1]].cycle.heading}", f"cycles/{m[1]}/index.md")
        elif (m := _CONTENT_PAGE.fullmatch(path)) and (project.root / path).is_file():
            pages[path] = (2, f"页面：{m[1]}", m[1])
    return [(label, src) for _, label, src in sorted(pages.values(), key=lambda p: p[0])]


def cmd_changed(args: argparse.Namespace) -> int:
    project = load_for(args)
    files = changed_files(project, args.base)
    if files is None:
        print(
            f"jinglao changed：无法与 {args.base} 比较（不是 git 仓库，或没有这个提交）",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if args.site_url is not None:
        project.site_url = site_url_text(args.site_url)
    address = project.address
    lines = []
    for label, src in changed_pages(project, files):
        url = address.absolute(src) or address.url(src) if src else ""
        lines.append(f"- [{md_escape(label)}]({url})" if url else f"- {md_escape(label)}")
    print("\n".join(lines) if lines else "这次没有改动单位资料或网站页面。")
    return EXIT_OK
