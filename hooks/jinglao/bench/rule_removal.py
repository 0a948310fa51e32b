"""Remove each rule in turn and run the tests that should notice: a rule whose removal leaves
the suite green has no test. A developer's tool, not run in CI (it takes minutes):

    .venv/bin/python -m jinglao.bench.rule_removal [--only NAME] [--tests PATH …]

Each mutation runs in a copy of the repository, so the working tree is never touched.
"""

from __future__ import annotations

import argparse
import ast
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
RULE_FILES = (
    "hooks/jinglao/unit/rules.py", "hooks/jinglao/cycles/rules.py",
    "hooks/jinglao/cycles/ladder.py", "hooks/jinglao/cycles/people.py",
    "hooks/jinglao/cycles/standards.py", "hooks/jinglao/cycles/tally.py",
    "hooks/jinglao/cycles/reviews.py", "hooks/jinglao/unit/age_bands.py",
)  # fmt: skip
TESTS = [
    "tests/test_validate_cases.py", "tests/test_cycles.py", "tests/test_core.py",
    "tests/test_hostile.py", "tests/test_contributor.py", "tests/test_shapes.py",
]  # fmt: skip


@dataclass(frozen=True)
class Mutation:
    name: str
    file: str
    old: str
    new: str


# Rules that are a line rather than a function.
LINES = [
    Mutation("workdays: weekend days worked (调休)", "hooks/jinglao/cycles/workdays.py",
             "if day in on or (", "if ("),
    Mutation("time limits: holiday slack", "hooks/jinglao/unit/time_limits.py",
             "return low, (value * 7 / 5 + 9) * 1440.0", "return low, low"),
    Mutation("cycles: archived-cycle exemption", "hooks/jinglao/cycles/rules.py",
             "if not archived:", "if True:"),
    Mutation("cycles: phases may overlap (only the starts are in order)", "hooks/jinglao/cycles/rules.py",
             "        if a.start > b.start:\n", "        if a.start > b.start or a.end > b.end:\n"),
    Mutation("cycles: a stated count is what the quota is checked against", "hooks/jinglao/cycles/rules.py",
             "(t.level, t.actual, ", "(t.level, t.listed, "),
    Mutation("unit: variant time limits", "hooks/jinglao/unit/rules.py",
             "enumerate(limit.variants)", "enumerate([])"),
    Mutation("text: control characters", "hooks/jinglao/schema/fields.py",
             "    if found:\n", "    if False:\n"),
    Mutation("files: links out of content/, theme/, archive/", "hooks/jinglao/source/files.py",
             "        if not is_inside(root, link)\n", "        if False\n"),
    Mutation("units: a unit file linked out of the repository", "hooks/jinglao/unit/load.py",
             "    if not is_inside(root, file):\n", "    if False:\n"),
    Mutation("generate: output folder guard", "hooks/jinglao/pipeline.py",
             "    check_output_folder(root, out)\n    if out.exists()", "    if out.exists()"),
    Mutation("open data: formula cells", "hooks/jinglao/site/open_data.py",
             "return \"'\" + text if", "return text if"),
    Mutation("bags: verified on every build", "hooks/jinglao/bags/load.py",
             "[] if verified else _tampering(rel, bag)", "[]"),
]  # fmt: skip


def rule_functions() -> list[Mutation]:
    """Every ``check_*`` rule, emptied: its first statement becomes ``return``."""
    mutations = []
    for rel in RULE_FILES:
        source = (REPO / rel).read_text(encoding="utf-8")
        lines = source.splitlines(keepends=True)
        for node in ast.parse(source).body:
            if isinstance(node, ast.FunctionDef) and node.name.startswith("check_"):
                first = node.body[0]
                head = "".join(lines[node.lineno - 1 : first.lineno - 1])  # def … up to the body
                indent = " " * first.col_offset
                mutations.append(Mutation(f"{Path(rel).parent.name}: {node.name}", rel, head,
                                          f"{head}{indent}return\n"))  # fmt: skip
    return mutations


LEFT_OUT = {".venv", ".git", "site", ".cache", "test-artifacts", "dist", "node_modules"}


def _left_out(folder: str, names: list[str]) -> set[str]:
    """What the copy leaves out: build output and tools at the top, caches everywhere."""
    top = LEFT_OUT if Path(folder) == REPO else {"node_modules"}
    return {n for n in names if n in top or n == "__pycache__"}


def run_tests(mutation: Mutation | None, tests: list[str]) -> subprocess.CompletedProcess[str]:
    """pytest on a copy of the repository, with ``mutation`` applied."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "repo"
        shutil.copytree(REPO, copy, symlinks=True, ignore=_left_out)
        node_modules = REPO / "tests/browser/node_modules"
        if node_modules.is_dir():
            (copy / "tests/browser/node_modules").symlink_to(node_modules)
        if mutation is not None:
            target = copy / mutation.file
            text = target.read_text(encoding="utf-8")
            assert text.count(mutation.old) == 1, (
                f"{mutation.name}: the text to change is not unique"
            )
            target.write_text(text.replace(mutation.old, mutation.new), encoding="utf-8")
        for git in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "copy"]):  # history too
            subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *git],
                           cwd=copy, capture_output=True, check=True)  # fmt: skip
        command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider",
                   "-k", "not mkdocs_build", *tests]  # fmt: skip
        env = dict(os.environ, PYTHONPATH=str(copy / "hooks"))
        return subprocess.run(
            command, cwd=copy, env=env, capture_output=True, text=True, check=False
        )


def main() -> int:
    parser = argparse.ArgumentParser(description="逐条去掉校验规则，看测试能否发现。")
    parser.add_argument("--only", help="只测名称中含这段文字的规则")
    parser.add_argument("--tests", nargs="*", default=TESTS, help="要运行的测试文件")
    args = parser.parse_args()
    mutations = [m for m in rule_functions() + LINES if not args.only or args.only in m.name]
    baseline = run_tests(None, args.tests)
    if baseline.returncode != 0:
        print("未改动时测试就没有通过：\n" + baseline.stdout[-3000:])
        return 2
    gaps = []
    for mutation in mutations:
        result = run_tests(mutation, args.tests)
        if result.returncode not in (0, 1):  # not a test failure: the mutation broke the run
            print(f"运行出错：{mutation.name}\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
            return 2
        gaps += [mutation.name] if result.returncode == 0 else []
        print(
            f"{'没有测试发现' if result.returncode == 0 else '测试发现了'}：{mutation.name}",
            flush=True,
        )
    print(f"共 {len(mutations)} 条规则，{len(gaps)} 条去掉后测试仍全部通过。")
    return 1 if gaps else 0


if __name__ == "__main__":
    sys.exit(main())
