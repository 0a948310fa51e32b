"""Checks of one unit that need more than one field, or the county's lists (townships, policies).

Each rule yields ``Finding``s by key path; ``load.py`` locates them with the positions the YAML
loader recorded. The county's lists come in as plain names, so this layer never reads them itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..problems import Finding, KeyPath, did_you_mean
from .common import TimeSpan
from .disclosure import Procedure
from .model import Unit
from .time_limits import describe, surely_longer


@dataclass(frozen=True)
class CountyLists:
    """What a unit is checked against: the county's township names (None when the county file
    could not be read) and the policy library's ids."""

    townships: list[str] | None
    policy_ids: list[str]


def check_level(unit: Unit, townships: list[str] | None) -> Iterator[Finding]:
    if unit.level == "乡镇" and unit.township is None:
        yield Finding(("level",), "乡镇单位要写明所属乡镇（township）", "例如 township: 清溪镇")
    if unit.level == "县级" and unit.township is not None:
        yield Finding(
            ("township",),
            "县级单位不填写所属乡镇（township）",
            "县直单位请删掉这一行；若是乡镇单位，请把 level 改为 乡镇。",
        )
    if unit.township is not None and townships is not None and unit.township not in townships:
        yield Finding(
            ("township",),
            f"「{unit.township}」不在本县的乡镇名单里",
            did_you_mean(unit.township, townships, cutoff=0.4)
            + "本县乡镇："
            + "、".join(townships),
        )


def check_supervision(unit: Unit) -> Iterator[Finding]:
    has_phone = any(p.role == "投诉监督" for p in unit.phones)
    if not has_phone and not unit.supervision:
        yield Finding(
            ("phones",),
            "至少要公布一个监督渠道",
            "请在 phones 里加一个 role: 投诉监督 的电话，或在 supervision 里写意见箱、电子邮箱等渠道。",
            at_key=True,
        )


def _compare(promised: TimeSpan, statutory: TimeSpan | None, path: KeyPath) -> Iterator[Finding]:
    if statutory is not None and surely_longer(promised, statutory):
        yield Finding(
            path,
            f"承诺时限（{describe(promised)}）比法定时限（{describe(statutory)}）还长",
            "承诺时限只能等于或短于法定时限，请核对后修改。",
        )


def check_time_limits(procedure: Procedure, path: KeyPath) -> Iterator[Finding]:
    limit = procedure.time_limit
    yield from _compare(limit.promised, limit.statutory, (*path, "time_limit", "promised"))
    for i, variant in enumerate(limit.variants):
        statutory = variant.statutory or limit.statutory
        yield from _compare(
            variant.promised, statutory, (*path, "time_limit", "variants", i, "promised")
        )


def _policy_refs(unit: Unit) -> Iterator[tuple[str, KeyPath]]:
    for i, ref in enumerate(unit.disclosure.policies):
        yield ref, ("disclosure", "policies", i)
    for p, proc in enumerate(unit.disclosure.procedures):
        for i, ref in enumerate(proc.legal_basis):
            yield ref, ("disclosure", "procedures", p, "legal_basis", i)
    for b, benefit in enumerate(unit.benefits):
        for i, ref in enumerate(benefit.legal_basis):
            yield ref, ("benefits", b, "legal_basis", i)


def check_policy_refs(unit: Unit, policy_ids: list[str]) -> Iterator[Finding]:
    for ref, path in _policy_refs(unit):
        if ref not in policy_ids:
            yield Finding(
                path,
                f"政策法规库里没有编号为「{ref}」的文件",
                did_you_mean(ref, policy_ids, cutoff=0.4)
                + "编号是 content/policies/ 下的文件名（不含 .md），也是政策页面网址的最后一段；"
                "新文件请先加到 content/policies/。",
            )


def check_procedures(unit: Unit) -> Iterator[Finding]:
    seen: set[str] = set()
    for p, proc in enumerate(unit.disclosure.procedures):
        path: KeyPath = ("disclosure", "procedures", p)
        yield from check_time_limits(proc, path)
        if proc.id is not None:
            if proc.id in seen:
                yield Finding((*path, "id"), f"流程编号「{proc.id}」重复", "每个流程的编号要不同。")
            seen.add(proc.id)


def check_consent(unit: Unit) -> Iterator[Finding]:
    for i, staff in enumerate(unit.disclosure.identification.staff):
        if staff.consent:
            continue
        for key, label in (("name", "姓名"), ("photo", "照片"), ("number", "工号")):
            if getattr(staff, key) is not None:
                yield Finding(
                    ("disclosure", "identification", "staff", i, key),
                    f"没有本人同意，不能公开{label}",
                    "取得本人书面同意后写 consent: true；否则请删掉这一行，只公开岗位和窗口。",
                    at_key=True,
                )


def check_honours(unit: Unit) -> Iterator[Finding]:
    seen: set[tuple[str, str]] = set()
    for i, honour in enumerate(unit.honours):
        key = (honour.level, honour.cycle)
        if key in seen:
            yield Finding(
                ("honours", i),
                f"{honour.cycle} 届的{honour.level}称号写了两次",
                "同一届同一级别只能获得一次。",
            )
        seen.add(key)


def unit_findings(unit: Unit, county: CountyLists) -> list[Finding]:
    return [
        *check_level(unit, county.townships),
        *check_supervision(unit),
        *check_procedures(unit),
        *check_policy_refs(unit, county.policy_ids),
        *check_consent(unit),
        *check_honours(unit),
    ]
