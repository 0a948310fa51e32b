"""Stage 3 for award cycles: timelines, 公示, award lists, and the titles each unit holds."""

from __future__ import annotations

from datetime import date

from ..plain import Data
from ..schema.vocab import HONOUR_LEVELS
from ..unit.load import UnitRecord
from .aftercare_view import reviews_view, revocation_note, withdrawals_view
from .load import CycleRecord
from .model import PHASES, Cycle, Person
from .notice_view import notice_view
from .tally import has_results, plan_lines, stated_note, unit_tallies
from .workdays import working_days


def _state(start: date, end: date, today: date | None) -> str:
    if today is None:
        return ""
    return "未开始" if today < start else "已结束" if today > end else "进行中"


def _current_phase(cycle: Cycle, today: date | None) -> str:
    """The phase under way; overlapping phases name the latest begun first, and a gap between
    phases says which comes next."""
    if today is None:
        return "（构建时没有参考日期）"
    periods = [(label, getattr(cycle.phases, key)) for key, label in PHASES.items()]
    running = [label for label, p in periods if p.start <= today <= p.end]
    if running:
        also = f"（{'、'.join(running[:-1])}阶段同时进行）" if len(running) > 1 else ""
        return f"{running[-1]}阶段{also}"
    if today < min(p.start for _, p in periods):
        return "尚未开始"
    upcoming = [(p.start, label) for label, p in periods if p.start > today]
    if upcoming:
        start, label = min(upcoming)
        return f"{label}阶段 {start} 开始"
    return "本届已结束"


def _phase(cycle: Cycle, key: str, label: str, today: date | None) -> Data:
    period = getattr(cycle.phases, key)
    return {
        "label": label,
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "state": _state(period.start, period.end, today),
    }


def _revoked(cycle: Cycle) -> dict[tuple[str, str], Data]:
    return {(r.unit, r.level): revocation_note(r) for r in cycle.revocations}


def _action(level: str) -> str:
    """A county title is conferred (表彰); higher ones are recommended upward (推荐)."""
    return "表彰" if level == HONOUR_LEVELS[0] else "推荐"


def _skip_notes(cycle: Cycle) -> dict[tuple[str, str], Data]:
    """越级推荐 on record, by (unit, level): shown on the nominee and on its award alike."""
    nominees = cycle.publicity.nominees if cycle.publicity else []
    return {(n.unit, n.level): n.skip.model_dump(mode="json") for n in nominees if n.skip}


def _person(person: Person | None, names: dict[str, str]) -> Data:
    """Post and unit always; name and deeds only with the person's consent (never otherwise)."""
    if person is None:  # an award that matches no publicised person: nothing to show of them
        return {"name": None, "deeds": None, "post": None, "unit": None, "unit_name": None}
    public = person.consent
    return {
        "name": person.name if public else None,
        "deeds": person.deeds if public else None,
        "post": person.post,
        "unit": person.unit,
        "unit_name": names.get(person.unit, person.unit) if person.unit else person.unit_name,
    }


def _summary(publicity: Data | None, cycle: Cycle) -> list[str]:
    """「公示已结束 · 县级 3 个 · 敬老模范人物 1 名」 for the list of cycles; numbers stated
    without names count."""
    parts = [publicity["state"]] if publicity and publicity["state"] else []
    parts += [f"{t.level} {t.actual} 个" for t in unit_tallies(cycle) if t.actual]
    people = len(cycle.person_awards)
    return parts + ([f"敬老模范人物 {people} 名"] if people else [])


def _awards_by_level(cycle: Cycle, awards: list[Data]) -> list[Data]:
    """Listed awards by level, and what a stated number adds: 「共命名 60 个，名单未列出单位」."""
    groups = []
    for t in unit_tallies(cycle):
        listed = [a for a in awards if a["level"] == t.level]
        if not listed and not t.stated:
            continue
        groups.append({"level": t.level, "awards": listed, "note": stated_note(t)})
    return groups


def cycle_view(record: CycleRecord, names: dict[str, str], today: date | None) -> Data:
    cycle = record.cycle
    revoked, skips = _revoked(cycle), _skip_notes(cycle)
    awards = [
        a.model_dump(mode="json")
        | {"name": names.get(a.unit, a.unit), "revoked": revoked.get((a.unit, a.level)),
           "skip": skips.get((a.unit, a.level))}
        for a in cycle.awards
    ]  # fmt: skip
    people = {(p.name, p.level): p for p in cycle.publicity.people} if cycle.publicity else {}
    person_awards = [
        _person(people.get((a.name, a.level)), names)
        | {"level": a.level, "date": a.date.isoformat(), "kind": a.kind}
        for a in cycle.person_awards
    ]
    publicity = None
    if cycle.publicity is not None:
        p = cycle.publicity
        publicity = p.model_dump(mode="json", exclude={"people"}) | {
            "state": {"进行中": "公示中", "已结束": "公示已结束", "未开始": "尚未公示"}.get(
                _state(p.start, p.end, today), ""
            ),
            "working_days": working_days(p.start, p.end, cycle.holidays, cycle.workdays),
            "nominees": [
                n.model_dump(mode="json")
                | {
                    "name": names.get(n.unit, n.unit),
                    "action": _action(n.level),
                    "skip": skips.get((n.unit, n.level)),
                }
                for n in p.nominees
            ],
            "people": [
                _person(person, names) | {"level": person.level, "action": _action(person.level)}
                for person in p.people
            ],
        }
    results = has_results(cycle)
    return {
        "id": record.id,
        "title": cycle.title,
        "round": cycle.round,
        "label": cycle.label,
        "heading": cycle.heading,
        "archived": record.archived,
        "current_phase": _current_phase(cycle, today),
        "phases": [_phase(cycle, key, label, today) for key, label in PHASES.items()],
        "notice": notice_view(cycle.notice),
        "publicity": publicity,
        "has_results": results,
        "plan": plan_lines(cycle) if results else [],
        "awards_by_level": _awards_by_level(cycle, awards),
        "person_awards": person_awards,
        "summary": _summary(publicity, cycle),
        "reviews": reviews_view(cycle, names),
        "withdrawals": withdrawals_view(cycle, names),
    }


def _title(
    cycle: str, level: str, kind: str, day: date | None, revoked: Data | None, source: str
) -> Data:
    return {
        "cycle": cycle, "level": level, "kind": kind,
        "date": day.isoformat() if day else None, "revoked": revoked, "source": source,
        "held": revoked is None and kind == "授予",  # a recommendation is no title yet
        "title": "敬老文明号", "status": "已撤销" if revoked else "已命名", "when": f"{cycle} 届",
    }  # fmt: skip


def titles_by_unit(cycles: list[CycleRecord], units: list[UnitRecord]) -> dict[str, list[Data]]:
    """Every title each unit holds or held, revoked ones marked, never dropped; by cycle, then
    level from the county upward."""
    titles: dict[str, list[Data]] = {}
    for record in cycles:
        revoked = _revoked(record.cycle)
        for award in record.cycle.awards:
            titles.setdefault(award.unit, []).append(
                _title(record.id, award.level, award.kind, award.date,
                       revoked.get((award.unit, award.level)), "cycle")
                | {"when": record.cycle.label}
            )  # fmt: skip
    for unit in units:
        for h in unit.unit.honours:
            gone = (
                {"date": h.revoked.date.isoformat(), "reason": h.revoked.reason}
                if h.revoked
                else None
            )
            titles.setdefault(unit.id, []).append(
                _title(h.cycle or "", h.level, "授予", h.awarded, gone, "unit")
                | {"title": h.title, "status": h.status, "held": h.held, "when": h.round_text}
            )
    order = {level: i for i, level in enumerate(HONOUR_LEVELS)}
    return {
        unit_id: sorted(held, key=lambda t: (t["cycle"], order[t["level"]]))
        for unit_id, held in titles.items()
    }


def cycles_data(cycles: list[CycleRecord], names: dict[str, str], today: date | None) -> Data:
    return {
        "cycles": [
            cycle_view(r, names, today) for r in sorted(cycles, key=lambda r: r.id, reverse=True)
        ],
        "reference_date": today.isoformat() if today else None,
    }
