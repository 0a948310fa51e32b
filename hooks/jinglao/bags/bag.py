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
AWARD_LIST = "award-list"  # data/award-list.html and .pdf, made once when the cycle is archived


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


def add_to_bag(bag: Path, files: dict[str, bytes], note: str) -> None:
    """Put generated files into a bag being made (under data/), say so in its provenance, and
    hash them into the manifests."""
    provenance_file = bag / "data" / "provenance.json"
    provenance = json.loads(provenance_file.read_text(encoding="utf-8"))
    for name, content in files.items():
        (bag / "data" / name).write_bytes(content)
        provenance[name] = {"来源": note}
    provenance_file.write_text(
        json.dumps(provenance, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    bagit.Bag(str(bag)).save(manifests=True)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class BagFinding:
    """One difference between a bag and its manifests: the bag-relative file and what is wrong."""

    file: str
    message: str


def _manifest(bag: Path, name: str) -> tuple[dict[str, str], list[BagFinding]]:
    """A manifest's entries (path → digest); an entry that points out of the bag is a finding."""
    entries, findings = {}, []
    text = (bag / name).read_bytes().decode("utf-8", errors="replace")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        digest, _, entry = line.partition(" ")
        entry = entry.strip().lstrip("*")
        inside = (bag / entry).resolve().is_relative_to(bag.resolve())
        if not entry or Path(entry).is_absolute() or ".." in Path(entry).parts or not inside:
            findings.append(
                BagFinding(name, f"第 {number} 行的「{entry}」指向归档以外，不予核对（清单被改动）")
            )
            continue
        entries[entry] = digest
    return entries, findings


def _listed(bag: Path) -> tuple[dict[str, str], dict[str, str], list[BagFinding]]:
    payload: dict[str, str] = {}
    tags: dict[str, str] = {}
    findings = []
    for name, into in zip(MANIFESTS, (payload, tags), strict=True):
        if not (bag / name).is_file():
            findings.append(BagFinding(name, "清单文件不见了"))
            continue
        entries, found = _manifest(bag, name)
        into.update(entries)
        findings += found
    return payload, tags, findings


def _files(bag: Path) -> set[str]:
    return {p.relative_to(bag).as_posix() for p in bag.rglob("*") if p.is_file() or p.is_symlink()}


def verify_bag(bag: Path) -> list[BagFinding]:
    """Every difference between the bag and its manifests; empty when intact. Hashes only, so
    the build can afford it on every run."""
    payload, tags, findings = _listed(bag)
    for name, digest in sorted(payload.items()):
        path = bag / name
        if path.is_symlink():
            findings.append(BagFinding(name, "是一个链接，归档里只能有文件本身"))
        elif not path.is_file():
            findings.append(BagFinding(name, "文件不见了"))
        elif _sha256(path) != digest:
            findings.append(BagFinding(name, "内容被改动（SHA-256 与清单不符）"))
    for name, digest in sorted(tags.items()):
        path = bag / name
        if not path.is_file() or path.is_symlink():
            findings.append(BagFinding(name, "文件不见了"))
        elif _sha256(path) != digest:
            findings.append(
                BagFinding(name, f"与 {MANIFESTS[1]} 记录的不符：这个文件或 {MANIFESTS[1]} 被改动")
            )
    for name in sorted(_files(bag) - set(payload) - set(tags) - set(MANIFESTS)):
        findings.append(BagFinding(name, "清单里没有这个文件（被后来加进去的）"))
    return findings


def bags(root: Path) -> list[Path]:
    folder = root / ARCHIVE_DIR
    if not folder.is_dir():
        return []
    inside = [p for p in folder.iterdir() if p.is_dir() and not p.is_symlink()]
    return sorted(p for p in inside if (p / "bagit.txt").is_file())


def bundle_hash_file(root: Path, cycle_id: str) -> Path:
    return root / ARCHIVE_DIR / f"{cycle_id}.bundle.sha256"
