"""The rules of an award cycle: dates, quotas, 公示 and eligibility; the upward-only ladder is in
``ladder.py``, the 敬老模范人物 nominees in ``people.py``."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator
from datetime import date

from ..problems import Finding, KeyPath, closest
from ..schema.vocab import HONOUR_LEVELS
from ..unit.completeness import completeness
from ..unit.model import Unit
from .ladder import Grant, check_ladder, check_skips, unit_label
from .model import PHASES, Cycle, LevelQuotas
from .people import check_people, check_person_awards
from .reviews import check_review_deadline, check_review_outcomes, check_review_units
from .standards import check_deductions, check_floors, check_total_points
from .tally import check_named_counts, unit_tallies
from .workdays import working_days

MIN_PUBLICITY_DAYS = 5


def check_phases(cycle: Cycle) -> Iterator[Finding]:
    first, last = int(cycle.id[:4]), int(cycle.id[5:])
    low, high = date(first, 1, 1), date(last, 12, 31)
    phases = [(key, getattr(cycle.phases, key)) for key in PHASES]
    for key, period in phases:
        if not (low <= period.start <= high and low <= period.end <= high):
            yield Finding(
                ("phases", key),
                f"「{PHASES[key]}」阶段不在 {cycle.id} 届的三年之内",
                f"日期应在 {low} 至 {high} 之间。",
            )
        if period.start > period.end:
            yield Finding(
                ("phases", key, "end"),
                f"「{PHASES[key]}」阶段的结束日期早于开始日期",
                "请核对日期。",
            )
    for (key_a, a), (key_b, b) in itertools.pairwise(phases):
        # Phases overlap as notices state them (评选 starts while 创建实施 runs on): only a
        # later phase that begins before the earlier one is out of order.
        if a.start > b.start:
            yield Finding(
                ("phases", key_b),
                f"「{PHASES[key_b]}」阶段排在「{PHASES[key_a]}」之前了",
                "三个阶段依次开始：全面部署 → 创建实施 → 评选表彰。阶段可以重叠（例如创建实施期间"
                "开始评选），照通知写即可，但后一阶段不能比前一阶段开始得早。",
            )


def _unknown(unit_id: str, known: set[str], path: KeyPath) -> Finding | None:
    if unit_id in known:
        return None
    close = closest(unit_id, sorted(known))
    hint = (f"是不是「{close}」？" if close else "") + "单位编号就是 units/ 下的文件夹名。"
    return Finding(path, f"没有编号为「{unit_id}」的单位", hint)


def check_references(cycle: Cycle, known: set[str]) -> Iterator[Finding]:
    """Ids must name unit folders (a folder whose file has errors still counts: no cascade)."""
    nominees = cycle.publicity.nominees if cycle.publicity else []
    refs: list[tuple[str, KeyPath]] = [
        (n.unit, ("publicity", "nominees", i, "unit")) for i, n in enumerate(nominees)
    ]
    people = cycle.publicity.people if cycle.publicity else []
    refs += [(p.unit, ("publicity", "people", i, "unit")) for i, p in enumerate(people) if p.unit]
    refs += [(a.unit, ("awards", i, "unit")) for i, a in enumerate(cycle.awards)]
    refs += [(r.unit, ("revocations", i, "unit")) for i, r in enumerate(cycle.revocations)]
    for unit_id, path in refs:
        finding = _unknown(unit_id, known, path)
        if finding:
            yield finding


def _archive_rule(name: str, missing: list[str], level: str) -> tuple[str, str]:
    """The message and hint for an incomplete archive, worded for the level put up for."""
    lacks = f"「{name}」的创建档案不齐全（缺{'、'.join(missing)}）"
    if level == HONOUR_LEVELS[0]:
        return (
            f"{lacks}，不能参加本届县级评选",
            "按《实施方案》，未提交创建工作资料的单位不参与本次县级评比表彰；请单位先补齐 archive。",
        )
    return (
        f"{lacks}，不能向{level}推荐",
        f"向{level}推荐要随推荐材料报送单位的创建档案；请单位先补齐 archive，再列入推荐名单。",
    )


def check_archives(cycle: Cycle, units: dict[str, Unit]) -> Iterator[Finding]:
    """未提交创建工作资料的单位不参与县级评比 (plan, 五(二)); nor is it recommended upward."""
    for i, nominee in enumerate(cycle.publicity.nominees if cycle.publicity else []):
        unit = units.get(nominee.unit)
        if unit is None:
            continue
        missing = completeness(unit).archive_missing
        if missing:
            message, hint = _archive_rule(unit.name, missing, nominee.level)
            yield Finding(
                ("publicity", "nominees", i, "unit"), message, hint, subjects=(nominee.unit,)
            )


def check_publicity(cycle: Cycle, units: dict[str, Unit]) -> Iterator[Finding]:
    publicity = cycle.publicity
    if publicity is None:
        if cycle.awards or cycle.person_awards:
            yield Finding(
                ("awards" if cycle.awards else "person_awards",),
                "表彰前必须公示，本届缺少公示（publicity）",
                "请补充公示的起止日期、地点、反映方式和电话。",
                at_key=True,
            )
        return
    days = working_days(publicity.start, publicity.end, cycle.holidays, cycle.workdays)
    if days < MIN_PUBLICITY_DAYS:
        yield Finding(
            ("publicity", "end"),
            f"公示只有 {days} 个工作日，不足 {MIN_PUBLICITY_DAYS} 个工作日",
            "公示期不少于 5 个工作日（周末和 holidays 里的节假日不算）。",
        )
    nominated = {(n.unit, n.level) for n in publicity.nominees}
    for i, award in enumerate(cycle.awards):
        if award.date <= publicity.end:
            yield Finding(
                ("awards", i, "date"),
                f"表彰日期 {award.date} 不在公示结束（{publicity.end}）之后",
                "公示期满、没有异议后才能表彰。",
            )
        if (award.unit, award.level) not in nominated:
            yield Finding(
                ("awards", i, "unit"),
                f"「{award.unit}」的{award.level}称号没有经过公示",
                "表彰名单中的每个单位都要先列入公示名单。",
                subjects=(award.unit,),
            )


def _over_quota(
    counts: list[tuple[str, int, KeyPath]], quotas: LevelQuotas, people: bool
) -> Iterator[Finding]:
    """Each level's count against its quota, units and 敬老模范人物 worded apart; ``counts``
    holds (level, count, where the count is written)."""
    who, per, where = (
        ("敬老模范人物", "名", "quotas 的「个人」") if people else ("", "个", "quotas ")
    )
    for level, count, listed in counts:
        quota = quotas.for_level(level)
        example = f"{{个人: {{{level}: {count}}}}}" if people else f"{{{level}: {count}}}"
        if quota is None:
            yield Finding(
                ("notice", "quotas"),
                f"评选通知没有写{who}{level}名额，无法核对{level}{who}的 {count} {per}表彰或推荐",
                f"在 {where}里加上「{level}: 名额」，例如 quotas: {example}。",
            )
        elif count > quota:
            yield Finding(
                listed,
                f"{level}{who}表彰 {count} {per}，超过名额 {quota} {per}",
                "请核对表彰名单或评选通知里的名额（quotas）。",
                at_key=True,
            )


def check_quotas(cycle: Cycle) -> Iterator[Finding]:
    """Units and people are counted apart; people only when the notice sets their quotas. A
    number stated without names (named_counts) counts the listed units among it."""
    if cycle.notice is None:
        if cycle.awards:
            yield Finding(
                ("awards",),
                "有表彰名单却没有评选通知（notice），无法核对名额",
                "请补充评选通知及各级名额。",
                at_key=True,
            )
        return
    quotas = cycle.notice.quotas
    units: list[tuple[str, int, KeyPath]] = [
        (t.level, t.actual, ("awards",) if t.stated is None else ("named_counts", t.level))
        for t in unit_tallies(cycle)
        if t.actual
    ]
    yield from _over_quota(units, quotas, people=False)
    if quotas.people is not None:
        people = Counter[str](a.level for a in cycle.person_awards)
        listed: list[tuple[str, int, KeyPath]] = [
            (level, count, ("person_awards",)) for level, count in people.items()
        ]
        yield from _over_quota(listed, quotas.people, people=True)


def check_repeats(cycle: Cycle, units: dict[str, Unit]) -> Iterator[Finding]:
    seen: set[tuple[str, str]] = set()
    for i, award in enumerate(cycle.awards):
        if (award.unit, award.level) in seen:
            yield Finding(
                ("awards", i),
                f"「{unit_label(units, award.unit)}」在本届两次获得{award.level}称号",
                "同一单位每届每个级别只能获得一次。",
                subjects=(award.unit,),
            )
        seen.add((award.unit, award.level))


def check_revocations(cycle: Cycle, units: dict[str, Unit]) -> Iterator[Finding]:
    awarded = {(a.unit, a.level): a.date for a in cycle.awards}
    for i, revocation in enumerate(cycle.revocations):
        key = (revocation.unit, revocation.level)
        if key not in awarded:
            yield Finding(
                ("revocations", i),
                f"本届没有授予「{unit_label(units, revocation.unit)}」{revocation.level}称号，无法摘牌",
                "摘牌要写明撤销的是哪一届、哪一级的称号：写在授予该称号的那一届的文件里。",
                subjects=(revocation.unit,),
            )
        elif revocation.date < awarded[key]:
            yield Finding(
                ("revocations", i, "date"),
                "摘牌日期早于授予日期",
                "请核对日期。",
                subjects=(revocation.unit,),
            )


def cycle_findings(
    cycle: Cycle, units: dict[str, Unit], known: set[str], grants: list[Grant], *, archived: bool
) -> list[Finding]:
    findings = [
        *check_phases(cycle),
        *check_references(cycle, known),
        *check_ladder(cycle, grants, units),
        *check_skips(cycle, grants, units),
        *check_publicity(cycle, units),
        *check_quotas(cycle),
        *check_people(cycle),
        *check_person_awards(cycle),
        *check_repeats(cycle, units),
        *check_revocations(cycle, units),
        *check_deductions(cycle),
        *check_floors(cycle),
        *check_total_points(cycle),
        *check_named_counts(cycle),
        *check_review_deadline(cycle),
        *check_review_units(cycle, units),
        *check_review_outcomes(cycle, units),
    ]
    if not archived:  # an archived cycle was checked against the data as it stood then
        findings += check_archives(cycle, units)
    return findings
