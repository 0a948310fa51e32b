"""One procedure as every output shows it: the promised limit carries its kind and exclusions,
and what the unit declared 未公布 reads 未公布 — never a blank or a made-up figure."""

from __future__ import annotations

from collections.abc import Sequence

from ..plain import Data
from ..schema.unpublished import unpublished_text
from . import wording
from .disclosure import Procedure, Result, TimeLimit
from .duties import recurring_text
from .step_view import fee_text, step_view
from .time_limits import describe

OTHER = "其他"  # a vocabulary's catch-all: never printed as if it were a name


def named(choices: Sequence[str]) -> list[str]:
    return [c for c in choices if c != OTHER]


def promised_text(limit: TimeLimit) -> str:
    """平均 3个工作日（不含鉴定时间）: the figure with everything that qualifies it."""
    text = describe(limit.promised)
    if limit.kind and limit.promised.unit != "即办":  # 「最长 即办」 says nothing
        text = f"{limit.kind} {text}"
    if limit.excludes:
        text += "（不含" + "、".join(e.removeprefix("不含") for e in limit.excludes) + "）"
    return text


def time_limit_view(limit: TimeLimit | str) -> Data:
    if isinstance(limit, str):
        text = unpublished_text(limit)
        return {"promised": text, "statutory": None, "statutory_note": None, "note": None,
                "variants": [], "unpublished": True}  # fmt: skip
    return {
        "promised": promised_text(limit),
        "statutory": describe(limit.statutory) if limit.statutory else None,
        "statutory_note": limit.statutory_note,
        "note": limit.note,
        "unpublished": False,
        "variants": [
            {
                "condition": v.condition,
                "promised": describe(v.promised),
                "statutory": describe(v.statutory) if v.statutory else None,
            }
            for v in limit.variants
        ],
    }


def _result(result: Result | str) -> tuple[str, str]:
    """What the applicant gets, and how it reaches them (both 未公布 read as such)."""
    if isinstance(result, str):
        return unpublished_text(result), ""
    return result.description, "、".join(named(result.delivery))


def procedure_view(index: int, proc: Procedure) -> Data:
    data = proc.model_dump(mode="json")
    data["anchor"] = f"proc-{proc.id or index + 1}"
    data["time_limit"] = time_limit_view(proc.time_limit)
    data["steps"] = [step_view(s) for s in proc.steps]
    data["fees"] = [f.model_dump(mode="json") | {"text": fee_text(f)} for f in proc.fees]
    data["visits_text"] = wording.visits(proc.visits)
    data["recurring"] = [recurring_text(r) for r in proc.recurring]
    description, data["delivery_text"] = _result(proc.result)
    data["result"] = {"description": description}
    return data
