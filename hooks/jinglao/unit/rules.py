"""Checks of one unit that need more than one field, or the county's lists (townships, policies).

Each rule yields ``Finding``s by key path; ``load.py`` locates them with the positions the YAML
loader recorded. The county's lists come in as plain names, so this layer never reads them itself.
The cross-file rules take plain values (a township, policy references), so ``partial.py`` runs
them on a file that fails its model too.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from ..problems import Finding, KeyPath, did_you_mean
from ..schema.unpublished import given, listed
from . import wording
from .age_bands import check_benefits
from .common import TimeSpan
from .disclosure import Procedure
from .fees import Fee
from .model import Unit
from .time_limits import describe, surely_longer


@dataclass(frozen=True)
class CountyLists:
    """What a unit is checked against: the county's township names (None when the county file
    could not be read) and the policy library's ids."""

    townships: list[str] | None
    policy_ids: list[str]


# Where a unit cites the policy library; "*" stands for every item of a list.
POLICY_REFS: tuple[KeyPath, ...] = (
    ("disclosure", "policies", "*"),
    ("disclosure", "procedures", "*", "legal_basis", "*"),
    ("benefits", "*", "legal_basis", "*"),
)


def values_at(node: Any, pattern: KeyPath, path: KeyPath = ()) -> Iterator[tuple[Any, KeyPath]]:
    """The values at a pattern of ``POLICY_REFS``'s kind, in a unit or in its plain data; a part
    that is not there (or not a list, such as 未公布) has none."""
    if not pattern:
        yield node, path
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        items = node if isinstance(node, list | tuple) else []
        for i, item in enumerate(items):
            yield from values_at(item, rest, (*path, i))
        return
    if isinstance(node, dict):
        child = node.get(head)
    else:
        child = getattr(node, str(head), None) if isinstance(node, BaseModel) else None
    if child is not None:
        yield from values_at(child, rest, (*path, head))


def check_level(unit: Unit) -> Iterator[Finding]:
    if unit.level == "乡镇" and unit.township is None:
        yield Finding(("level",), "乡镇单位要写明所属乡镇（township）", "例如 township: 清溪镇")
    if unit.level == "县级" and unit.township is not None:
        yield Finding(
            ("township",),
            "县级单位不填写所属乡镇（township）",
            "县直单位请删掉这一行；若是乡镇单位，请把 level 改为 乡镇；"
            "市、省或中央在本县设的窗口，把 level 改为 市级、省级或中央驻县（所在乡镇可写可不写）。",
        )


def unknown_township(township: str, townships: list[str]) -> tuple[str, str]:
    """The message and hint for a township not in ``units/county.yml``: the closest name, the
    list, and how the county office adds a township that really is missing."""
    hint = (
        did_you_mean(township, townships, cutoff=0.4)
        + "本县乡镇："
        + "、".join(townships)
        + "。如果确是本县乡镇而名单里没有（例如新设或合并的乡镇），请县创建办在 units/county.yml 的 "
        "townships 下加一行，例如 - {name: 新丰镇, slug: xinfeng}，再提交本单位资料。"
    )
    return f"「{township}」不在本县的乡镇名单里", hint


def check_township(township: str | None, townships: list[str] | None) -> Iterator[Finding]:
    if township is not None and townships is not None and township not in townships:
        yield Finding(("township",), *unknown_township(township, townships))


def check_opening(unit: Unit) -> Iterator[Finding]:
    if unit.opening_hours is None and unit.status is None:
        yield Finding(
            ("opening_hours",),
            "缺少必填项「办公时间」（opening_hours）",
            "照原文写作息时间；还没有公布的写「未公布」；单位暂停服务或已关闭时，写 status 说明即可。",
            at_key=True,
        )


def check_supervision(unit: Unit) -> Iterator[Finding]:
    has_phone = any(p.role == "投诉监督" for p in listed(unit.phones))
    if not has_phone and not unit.supervision and given(unit.phones) is not None:
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
    limit = given(procedure.time_limit)
    if limit is None:
        return
    yield from _compare(limit.promised, limit.statutory, (*path, "time_limit", "promised"))
    for i, variant in enumerate(limit.variants):
        statutory = variant.statutory or limit.statutory
        yield from _compare(
            variant.promised, statutory, (*path, "time_limit", "variants", i, "promised")
        )


def policy_refs(unit: Unit) -> Iterator[tuple[str, KeyPath]]:
    for pattern in POLICY_REFS:
        for ref, path in values_at(unit, pattern):
            yield str(ref), path


def check_policy_refs(
    refs: Iterable[tuple[str, KeyPath]], policy_ids: list[str]
) -> Iterator[Finding]:
    for ref, path in refs:
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
    for p, proc in enumerate(listed(unit.disclosure.procedures)):
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
    seen: set[tuple[str, str, str]] = set()
    for i, honour in enumerate(unit.honours):
        key = (honour.level, honour.round_text, honour.title)
        if key in seen:
            yield Finding(
                ("honours", i),
                f"{honour.round_text}的{honour.level}{honour.title}称号写了两次",
                "同一届同一级别只能获得一次。",
            )
        seen.add(key)


def _fee_findings(fee: Fee, path: KeyPath) -> Iterator[Finding]:
    if fee.up_to is not None and (fee.amount is None or fee.up_to <= fee.amount):
        yield Finding(
            (*path, "up_to"),
            "金额上限 up_to 要大于金额 amount",
            "例如 amount: 60, up_to: 90 表示 60 至 90 元。",
        )
    same_unit = fee.parts and all(p.unit == fee.unit for p in fee.parts)
    if fee.amount is not None and same_unit:
        total = sum(p.amount for p in fee.parts)
        if abs(total - fee.amount) > 0.005:
            yield Finding(
                (*path, "amount"),
                f"「{fee.item}」各分项合计 {wording.number(total)} {fee.unit}，与金额 {wording.number(fee.amount)} {fee.unit} 不符",
                "请对照原文核对分项和合计；原文本来就对不上的，只写 price 原文，不写 amount。",
            )


def check_fees(unit: Unit) -> Iterator[Finding]:
    for p, proc in enumerate(listed(unit.disclosure.procedures)):
        for f, fee in enumerate(proc.fees):
            yield from _fee_findings(fee, ("disclosure", "procedures", p, "fees", f))


def unit_findings(unit: Unit, county: CountyLists) -> list[Finding]:
    return [
        *check_level(unit),
        *check_township(unit.township, county.townships),
        *check_supervision(unit),
        *check_procedures(unit),
        *check_policy_refs(policy_refs(unit), county.policy_ids),
        *check_consent(unit),
        *check_honours(unit),
        *check_benefits(unit.benefits),
        *check_fees(unit),
        *check_opening(unit),
    ]
