"""敬老模范人物: people put up in a cycle beside the units. A name and deeds are published only
with the person's written consent, so no message here prints a name: the location says who."""

from __future__ import annotations

from collections.abc import Iterator

from ..problems import Finding
from .model import Cycle


def check_people(cycle: Cycle) -> Iterator[Finding]:
    for i, person in enumerate(cycle.publicity.people if cycle.publicity else []):
        if not person.consent:
            yield Finding(
                ("publicity", "people", i, "name"),
                "没有本人书面同意，不能公示这位敬老模范人物的姓名和事迹",
                "取得本人书面同意后写 consent: true；没有同意的，不能列入公示名单。",
                at_key=True,
            )
        if person.unit and person.unit_name:
            yield Finding(
                ("publicity", "people", i, "unit_name"),
                "同时写了单位编号（unit）和单位名称（unit_name）",
                "本平台有的单位只写 unit，本平台没有的单位才写 unit_name；请删掉一个。",
                at_key=True,
            )


def check_person_awards(cycle: Cycle) -> Iterator[Finding]:
    """Each person conferred or recommended was publicised at that level, and after 公示 ended;
    at most once per level (a cycle without 公示 is reported by ``check_publicity``)."""
    publicity = cycle.publicity
    if publicity is None:
        return
    publicised = {(p.name, p.level) for p in publicity.people}
    seen: set[tuple[str, str]] = set()
    for i, award in enumerate(cycle.person_awards):
        if award.date <= publicity.end:
            yield Finding(
                ("person_awards", i, "date"),
                f"表彰日期 {award.date} 不在公示结束（{publicity.end}）之后",
                "公示期满、没有异议后才能表彰。",
            )
        key = (award.name, award.level)
        if key not in publicised:
            yield Finding(
                ("person_awards", i, "name"),
                f"这位敬老模范人物的{award.level}称号没有经过公示",
                "表彰名单中的每个人都要先列入公示名单（publicity 的 people），姓名和级别要一致。",
            )
        elif key in seen:
            yield Finding(
                ("person_awards", i),
                f"这位敬老模范人物在本届两次获得{award.level}称号",
                "同一个人每届每个级别只能获得一次。",
            )
        seen.add(key)
