"""Awards counted by level: units listed by name and the numbers a document states (「命名 60
家」), against the notice's quotas. One count for the rules, the cycle page and the archive."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..problems import Finding
from ..schema.vocab import HONOUR_LEVELS
from .model import Cycle, LevelQuotas


@dataclass(frozen=True)
class Tally:
    """One level: how many the list names, how many the document states, and the quota."""

    level: str
    listed: int
    stated: int | None  # named_counts; None when the file states no number
    quota: int | None
    recommended: bool  # 推荐 upward rather than conferred (命名)

    @property
    def actual(self) -> int:
        """The stated number counts the listed units among it; never fewer than are listed."""
        return self.listed if self.stated is None else max(self.stated, self.listed)


def _recommended(level: str, kinds: Sequence[str]) -> bool:
    """推荐 when every listed award is a recommendation; with none listed, above the county."""
    return all(k == "推荐" for k in kinds) if kinds else level != HONOUR_LEVELS[0]


def unit_tallies(cycle: Cycle) -> list[Tally]:
    """Each level that has a quota, a listed award or a stated number, from the county upward."""
    quotas = cycle.notice.quotas if cycle.notice else None
    tallies = []
    for level in HONOUR_LEVELS:
        kinds = [a.kind for a in cycle.awards if a.level == level]
        stated = cycle.named_counts.for_level(level) if cycle.named_counts else None
        quota = quotas.for_level(level) if quotas else None
        if kinds or stated is not None or quota is not None:
            tallies.append(Tally(level, len(kinds), stated, quota, _recommended(level, kinds)))
    return tallies


def people_tallies(cycle: Cycle) -> list[Tally]:
    """敬老模范人物 by level: only listed by name, against their own quotas when set."""
    quotas: LevelQuotas | None = cycle.notice.quotas.people if cycle.notice else None
    tallies = []
    for level in HONOUR_LEVELS:
        kinds = [a.kind for a in cycle.person_awards if a.level == level]
        quota = quotas.for_level(level) if quotas else None
        if kinds or quota is not None:
            tallies.append(Tally(level, len(kinds), None, quota, _recommended(level, kinds)))
    return tallies


def has_results(cycle: Cycle) -> bool:
    """Awards were made: listed units or people, or a number stated without names."""
    stated = cycle.named_counts is not None and any(
        cycle.named_counts.for_level(level) is not None for level in HONOUR_LEVELS
    )
    return bool(cycle.awards or cycle.person_awards or stated)


def check_named_counts(cycle: Cycle) -> Iterator[Finding]:
    """A stated number includes the units listed at that level: it is never fewer."""
    for tally in unit_tallies(cycle):
        if tally.stated is not None and tally.stated < tally.listed:
            yield Finding(
                ("named_counts", tally.level),
                f"{tally.level}命名数量写的是 {tally.stated} 个，表彰名单（awards）里已列出 "
                f"{tally.listed} 个{tally.level}单位",
                "命名数量是本届这一级的总数，包括 awards 里列出的单位；请按表彰文件核对。",
            )


def _plan(tally: Tally, per: str, notice: bool) -> str:
    verb = "推荐" if tally.recommended else "命名"
    actual = f"实际{verb} {tally.actual} {per}"
    if tally.stated is not None and tally.stated > tally.listed:
        actual += f"（名单列出 {tally.listed} {per}）" if tally.listed else "（名单未列出单位）"
    if tally.quota is None:
        return actual + ("，通知未写名额" if notice else "")
    return f"计划{'推荐' if tally.recommended else ''} {tally.quota} {per}，{actual}"


def plan_lines(cycle: Cycle) -> list[str]:
    """「县级：计划 5 个，实际命名 4 个（名单列出 3 个）」 for each level, people after units."""
    notice = cycle.notice is not None
    lines = [f"{t.level}：{_plan(t, '个', notice)}" for t in unit_tallies(cycle)]
    return lines + [
        f"敬老模范人物{t.level}：{_plan(t, '名', notice)}" for t in people_tallies(cycle)
    ]


def stated_note(tally: Tally, where: str = "下面") -> str | None:
    """「共命名 4 个，下面列出在本平台的 3 个」 where a stated number passes the listed units."""
    if tally.stated is None or tally.stated <= tally.listed:
        return None
    verb = "推荐" if tally.recommended else "命名"
    if not tally.listed:
        return f"{tally.level}共{verb} {tally.stated} 个，表彰文件没有列出单位名单"
    return f"{tally.level}共{verb} {tally.stated} 个，{where}列出在本平台的 {tally.listed} 个"
