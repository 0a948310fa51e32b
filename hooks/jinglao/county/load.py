"""Load the county file and the policy library, each validated, every problem located."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..problems import Problem, Severity, located
from ..schema.errors import parse_model
from ..schema.fields import SLUG
from ..source.files import is_inside, outside_link
from ..source.text import decode
from ..source.yamldoc import load_bytes, parse_text, split_front_matter
from .model import County, Policy
from .rules import policy_findings

COUNTY_FILE = "units/county.yml"
POLICY_DIR = "content/policies"


@dataclass(frozen=True)
class PolicyRecord:
    id: str
    path: str
    policy: Policy
    body: str


def _error(path: str, message: str, hint: str) -> Problem:
    return Problem(path, 1, 1, Severity.ERROR, message, hint)


def load_county(root: Path) -> tuple[County | None, list[Problem]]:
    path = root / COUNTY_FILE
    if not is_inside(root, path):
        return None, [outside_link(root, path)]  # never read
    if not path.is_file():
        return None, [
            _error(
                COUNTY_FILE,
                "缺少县的基本信息文件",
                "请建立 units/county.yml，写明县名、领导小组办公室和乡镇名单。",
            )
        ]
    doc, problems = load_bytes(COUNTY_FILE, path.read_bytes())
    if doc is None:
        return None, problems
    county, more = parse_model(County, doc)
    return county, problems + more


def load_policy(root: Path, file: Path) -> tuple[PolicyRecord | None, list[Problem]]:
    rel = file.relative_to(root).as_posix()
    if not SLUG.fullmatch(file.stem):
        return None, [
            _error(
                rel,
                f"政策文件名「{file.stem}」不能作编号",
                "文件名只用小写拼音、数字和连字符，例如 laonianren-quanyi-baozhangfa.md",
            )
        ]
    text, problems = decode(rel, file.read_bytes())
    if text is None:
        return None, problems
    parts = split_front_matter(text)
    if parts is None:
        return None, [
            _error(
                rel,
                "政策页面缺少开头的资料区（---）",
                "第一行写 ---，接着写 title、issuer、level 等，再用 --- 结束。",
            )
        ]
    front, body = parts
    doc, problems = parse_text(rel, front, line_offset=1)
    if doc is None:
        return None, problems
    policy, problems = parse_model(Policy, doc)
    problems += [located(doc, f) for f in policy_findings(policy)] if policy else []
    return (PolicyRecord(file.stem, rel, policy, body) if policy else None), problems


def load_policies(root: Path) -> tuple[list[PolicyRecord], list[Problem]]:
    folder = root / POLICY_DIR
    records, problems = [], []
    for file in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        if file.name != "index.md" and is_inside(root, file):  # links: see links_leaving
            record, found = load_policy(root, file)
            problems += found
            if record is not None:
                records.append(record)
    return records, problems
