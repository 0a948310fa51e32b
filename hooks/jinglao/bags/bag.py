"""The record of a closed award cycle: a BagIt bag (RFC 8493) in ``archive/<cycle-id>/``.

In code these are *bags*; the word *archive* alone is the unit's 创建档案. The Chinese UI calls a
bag 归档 and the unit's archive 创建档案.

``freeze`` writes the award list and every awarded unit's file as it stood on the award date
(from git where it can, else the working copy, and says which). ``verify`` re-hashes every bag
against its manifests without any project code beyond hashlib, naming each changed, added or
missing file. Anyone can also check a bag with ``bagit.py --validate`` or ``sha256sum -c``.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import bagit

from ..source.git import git

ARCHIVE_DIR = "archive"
MANIFESTS = ("manifest-sha256.txt", "tagmanifest-sha256.txt")


class ArchiveError(Exception):
    """A Chinese message for whoever ran the command."""


@dataclass(frozen=True)
class Source:
    path: str  # in the repository, e.g. units/x/unit.yml
    text: str
    commit: str | None  # None: taken from the working copy


def source_at(root: Path, rel: str, day: date) -> Source:
    """The file as it stood at the end of ``day``: from git history when it has it."""
    commit = (
        git(root, "log", "-1", "--format=%H", f"--before={day.isoformat()}T23:59:59", "--", rel)
        or ""
    ).strip()
    if commit:
        text = git(root, "show", f"{commit}:{rel}")
        if text is not None:
            return Source(rel, text, commit)
    return Source(rel, (root / rel).read_text(encoding="utf-8"), None)


def archived_by(root: Path) -> str:
    name = (git(root, "config", "user.name") or "").strip()
    return name or os.environ.get("USER", "") or "未知"


def freeze(
    root: Path, cycle_id: str, unit_ids: list[str], award_date: date, by: str, bagging_date: date
) -> Path:
    """Write the bag for a cycle; refuses to touch an existing archive."""
    target = root / ARCHIVE_DIR / cycle_id
    if target.exists():
        raise ArchiveError(
            f"{ARCHIVE_DIR}/{cycle_id} 已经存在。归档一经生成不再改动；如确需重做，请先由县创建办书面批准并手工删除。"
        )
    sources = [source_at(root, f"cycles/{cycle_id}.yml", award_date)]
    sources += [source_at(root, f"units/{u}/unit.yml", award_date) for u in sorted(set(unit_ids))]
    head = (git(root, "rev-parse", "HEAD") or "").strip() or "无（不在 git 仓库中）"
    provenance = {
        s.path: {"来源": "git 历史", "提交": s.commit}
        if s.commit
        else {"来源": "工作区（git 历史中没有该日期的版本）"}
        for s in sources
    }
    with tempfile.TemporaryDirectory() as tmp:
        payload = Path(tmp) / cycle_id
        for source in sources:
            name = "cycle.yml" if source.path.startswith("cycles/") else source.path
            (payload / name).parent.mkdir(parents=True, exist_ok=True)
            (payload / name).write_text(source.text, encoding="utf-8")
        (payload / "provenance.json").write_text(
            json.dumps(provenance, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        info = {
            "Source-Organization": "敬老文明号公开承诺平台",
            "External-Description": f"{cycle_id} 届敬老文明号表彰名单及获奖单位当时的公开资料",
            "Bagging-Date": bagging_date.isoformat(),
            "Cycle-Id": cycle_id,
            "Award-Date": award_date.isoformat(),
            "Source-Commit": head,
            "Archived-By": by,
        }
        bagit.make_bag(str(payload), info, checksums=["sha256"])
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(payload), target)
    return target


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def _manifest(path: Path) -> dict[str, str]:
    entries = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            digest, _, name = line.partition(" ")
            entries[name.strip().lstrip("*")] = digest
    return entries


def verify_bag(bag: Path) -> list[str]:
    """Every difference between the bag and its manifests, in Chinese; empty when intact."""

    def rel(name: str) -> str:
        return f"{bag.name}/{name}"

    problems = []
    listed: dict[str, str] = {}
    for manifest in MANIFESTS:
        if not (bag / manifest).is_file():
            problems.append(f"{rel(manifest)}：清单文件不见了")
            continue
        listed.update(_manifest(bag / manifest))
    for name, digest in sorted(listed.items()):
        path = bag / name
        if not path.is_file():
            problems.append(f"{rel(name)}：文件不见了")
        elif _sha256(path) != digest:
            problems.append(f"{rel(name)}：内容被改动（SHA-256 与清单不符）")
    present = {p.relative_to(bag).as_posix() for p in bag.rglob("*") if p.is_file()}
    for name in sorted(present - set(listed) - set(MANIFESTS)):
        problems.append(f"{rel(name)}：清单里没有这个文件（被后来加进去的）")
    return problems


def bags(root: Path) -> list[Path]:
    folder = root / ARCHIVE_DIR
    return (
        sorted(p for p in folder.iterdir() if (p / "bagit.txt").is_file())
        if folder.is_dir()
        else []
    )


def bundle_hash_file(root: Path, cycle_id: str) -> Path:
    return root / ARCHIVE_DIR / f"{cycle_id}.bundle.sha256"
