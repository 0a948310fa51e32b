"""Steps and fees in words every output shares: a branch reads as a branch (或 …；不成功的 …),
a range and its starting event travel with a step's time, and a fee keeps its condition."""

from __future__ import annotations

from ..plain import Data
from . import wording
from .fees import Fee
from .steps import Step, StepPath, StepTime
from .time_limits import describe


def step_time(time: StepTime) -> str:
    """发车前 12—72小时; 到达现场后 2小时; 3个工作日."""
    text = describe(time)
    if time.up_to is not None and time.value is not None:
        text = f"{wording.number(time.value)}—{describe(time.model_copy(update={'value': time.up_to}))}"
    return f"{time.anchor} {text}" if time.anchor else text


def _path(path: StepPath) -> str:
    text = f"{path.when}：{path.name}" if path.when else path.name
    extras = [path.description, f"另需{'、'.join(path.materials)}" if path.materials else None]
    extras.append(step_time(path.time_limit) if path.time_limit else None)
    # after a comma, not in brackets: material names carry their own (村（社区）证明)
    return "，".join([text, *(x for x in extras if x)])


def step_line(step: Step) -> str:
    """One step for a screen or board line: name, then its branches, in the order they run."""
    parts = [step.name + ("（可选）" if step.optional else "")]
    if step.time_limit:
        parts.append(step_time(step.time_limit))
    if step.alternatives:
        parts.append("可选：" + " 或 ".join(_path(p) for p in step.alternatives))
    parts += [_path(p) for p in step.fallbacks]
    if step.proxy:
        parts.append(step.proxy)
    return "；".join(parts)


def step_view(step: Step) -> Data:
    return step.model_dump(mode="json") | {
        "time_limit": step_time(step.time_limit) if step.time_limit else None,
        "alternatives": [_path(p) for p in step.alternatives],
        "fallbacks": [_path(p) for p in step.fallbacks],
        "line": step_line(step),
    }


def fee_text(fee: Fee) -> str:
    """收费项目 标准（条件；方式；分项；浮动；比例；适用人群），说明 — as the unit stated it."""
    details = [fee.condition, fee.kind if fee.kind and fee.kind not in fee.price else None]
    if fee.parts and not all(p.item in fee.price for p in fee.parts):  # not said twice
        details.append(
            " + ".join(f"{p.item} {wording.number(p.amount)} {p.unit}" for p in fee.parts)
        )
    if fee.share and fee.share.of not in fee.price:
        details.append(f"按{fee.share.of}的 {wording.number(fee.share.percent)}%")
    details += [fee.band, wording.eligibility(fee.applies_to) if fee.applies_to else None]
    shown = "；".join(d for d in details if d)
    text = f"{fee.item} {fee.price}" + (f"（{shown}）" if shown else "")
    return f"{text}，{fee.note}" if fee.note else text
