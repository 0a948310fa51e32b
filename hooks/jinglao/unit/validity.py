"""Validity over time: a commitment, a schedule, a service, a procedure or a benefit holds from a
date (as published: 2025年3月1日起, 2025-03, or none), may end, may be suspended (暂停，恢复时间另行
通知), and may say what it replaced. Pages show what holds on the build's date and keep the rest
as a labelled record; nothing is silently dropped."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from ..schema.base import Base
from ..schema.dates import PublishedDate, earliest
from ..schema.fields import Text


class Validity(Base):
    since: PublishedDate | None = Field(None, title="起始日期", examples=["2025年3月1日起"])
    until: PublishedDate | None = Field(None, title="截止日期", examples=["2025-12-31"])
    status: Literal["有效", "暂停"] = Field("有效", title="状态")
    resume: Text | None = Field(None, title="恢复时间", examples=["另行通知"])
    replaces: Text | None = Field(None, title="调整前", examples=["预约时间原为 08:00-18:00"])


class UnitStatus(Base):
    """The unit as a whole: 暂停服务 or 已关闭 — then it need not publish opening hours."""

    state: Literal["暂停服务", "已关闭"] = Field(title="状态")
    since: PublishedDate | None = Field(None, title="起始日期")
    resume: Text | None = Field(None, title="恢复时间", examples=["另行通知"])
    note: Text | None = Field(None, title="说明")


Phase = Literal["current", "future", "ended", "suspended"]


def phase(valid: Validity | None, today: date | None) -> Phase:
    """Where an item stands on ``today`` (the build's date; unknown reads as current)."""
    if valid is None:
        return "current"
    if valid.until and today and earliest(valid.until) < today:
        return "ended"
    if valid.status == "暂停":
        return "suspended"
    if valid.since and today and earliest(valid.since) > today:
        return "future"
    return "current"


def validity_note(valid: Validity | None, today: date | None) -> str:
    """（自 2025年3月1日起）, （2025-06 起实行）, （暂停，恢复时间另行通知）, or ""."""
    if valid is None:
        return ""
    state = phase(valid, today)
    if state == "suspended":
        return f"（暂停{'，恢复时间' + valid.resume if valid.resume else ''}）"
    if state == "future" and valid.since:
        return f"（{since_text(valid.since)}实行）"
    if state == "ended" and valid.until:
        return f"（已于 {valid.until} 停止）"
    return f"（{since_text(valid.since)}）" if valid.since else ""


def since_text(text: str) -> str:
    return text if text.endswith(("起", "以来")) else f"自 {text} 起"
