"""What an elderly visitor finds on site and how the unit is run and checked: facilities,
recurring timetables (首末班, every 15 minutes), the operator, and outside inspections."""

from __future__ import annotations

from pydantic import Field

from ..schema import vocab
from ..schema.base import Base, text_list
from ..schema.dates import PublishedDate
from ..schema.fields import ClockPeriod, Text


class Facility(Base):
    kind: vocab.FacilityKind = Field(title="设施类别")
    name: Text | None = Field(
        None, title="名称", description="类别是「其他」时必须写", examples=["助行器"]
    )
    count: int | None = Field(None, title="数量", ge=0)
    count_unit: Text | None = Field(
        None, title="量词", description="不写时为「个」", examples=["副"]
    )
    location: Text | None = Field(None, title="位置", examples=["一楼大厅东侧"])
    leads_to: Text | None = Field(None, title="通往", examples=["二楼各科室（电梯）"])
    note: Text | None = Field(None, title="说明")


class Timetable(Base):
    """A service that runs to a schedule rather than to office hours."""

    name: Text = Field(title="班次或服务名称", examples=["城关—清溪镇班车"])
    days: Text | None = Field(None, title="适用日期", examples=["每天"])
    span: ClockPeriod | None = Field(None, title="首末班时间", examples=["06:00-19:30"])
    interval: Text | None = Field(None, title="间隔", examples=["每 15 分钟一班"])
    times: list[Text] = text_list("发车或服务时刻")
    note: Text | None = Field(None, title="说明")


class Operator(Base):
    name: Text = Field(title="运营单位", examples=["安澜县康乐养老服务有限公司"])
    role: Text | None = Field(None, title="承担的服务", examples=["长者食堂日常运营"])


class Inspection(Base):
    date: PublishedDate = Field(title="日期", examples=["2025-06"])
    kind: vocab.InspectionKind = Field(title="检查方式")
    by: Text | None = Field(None, title="检查或报道单位", examples=["县文明办"])
    finding: Text = Field(title="发现的问题或报道内容")
    rectification: Text | None = Field(None, title="整改情况")
