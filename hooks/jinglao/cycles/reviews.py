"""复查 after the fact: a review covers units named in this cycle, its deadline to fix (限期整改)
falls after it, and a review that ended in withdrawal has the withdrawal on record."""

from __future__ import annotations

from collections.abc import Iterator

from ..problems import Finding, did_you_mean
from ..unit.model import Unit
from .ladder import unit_label
from .model import Cycle


def check_review_deadline(cycle: Cycle) -> Iterator[Finding]:
    for i, review in enumerate(cycle.reviews):
        if review.deadline is not None and review.deadline <= review.date:
            yield Finding(
                ("reviews", i, "deadline"),
                f"限期整改日期 {review.deadline} 不在复查日期（{review.date}）之后",
                "限期整改的日期是复查以后给单位整改的最后一天，请按复查通报核对。",
            )


def check_review_units(cycle: Cycle, units: dict[str, Unit]) -> Iterator[Finding]:
    """A review covers units this cycle conferred a title on (a recommendation is no title)."""
    named = {a.unit for a in cycle.awards if a.kind == "授予"}
    for i, review in enumerate(cycle.reviews):
        for j, unit_id in enumerate(review.units):
            if unit_id not in named:
                yield Finding(
                    ("reviews", i, "units", j),
                    f"本届没有授予「{unit_label(units, unit_id)}」称号，不在本届的复查之列",
                    did_you_mean(unit_id, sorted(named), cutoff=0.8)
                    + "复查写在授予该称号的那一届的文件里，units 写本届获得称号的单位编号。",
                    subjects=(unit_id,),
                )


def check_review_outcomes(cycle: Cycle, units: dict[str, Unit]) -> Iterator[Finding]:
    """复查结论「撤销称号」: each unit has its 摘牌 in ``revocations``, on or after the review."""
    for i, review in enumerate(cycle.reviews):
        if review.outcome != "撤销称号":
            continue
        for unit_id in review.units:
            dates = [r.date for r in cycle.revocations if r.unit == unit_id]
            if not any(day >= review.date for day in dates):
                yield Finding(
                    ("reviews", i, "outcome"),
                    f"复查结论是撤销称号，但 revocations 里没有「{unit_label(units, unit_id)}」"
                    f"在 {review.date} 以后的摘牌记录",
                    "撤销称号要在 revocations 里写一条摘牌记录（单位、级别、日期、原因，可写文号和"
                    "是否收回牌匾）；还没有结论的，删掉 outcome。",
                    subjects=(unit_id,),
                )
