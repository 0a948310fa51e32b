"""The unit data model: what one ``units/<unit-id>/unit.yml`` holds, with Chinese titles.

Field names are English; each ``title`` is the Chinese name shown in error messages, the field
reference page and the JSON Schema. The parts live beside this file (``disclosure.py``,
``benefits.py``, ``creation.py``, ``activities.py``, ``honours.py``, ``common.py``); rules that
compare fields or look across files live in ``rules.py``; this module only says what shape each
value has. To add a field, follow the checklist in ``unit/__init__.py``.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field

from ..schema import vocab
from ..schema.base import Base
from ..schema.fields import GitHubHandle, IsoDate, Text, Url
from ..schema.unpublished import Maybe, TextOr
from .activities import Activity, Competition, Evaluation
from .benefits import Benefit
from .commitments import Commitment
from .common import Highlight
from .creation import CreationArchive, CreationStandards
from .disclosure import Disclosure, ElderlyWindow, OpeningHours, PhoneNumber, SupervisionChannel
from .duties import Sites, Staffing
from .honours import Honour
from .on_site import Facility, Inspection, Operator, Timetable
from .validity import UnitStatus


class ScreenSettings(Base):
    """How the unit's hall display screen behaves."""

    interval: int = Field(15, title="轮播间隔（秒）", ge=5, le=600)


class Unit(Base):
    """Everything one service unit discloses."""

    # opening_hours is required unless the unit states it is suspended or closed (rules.py);
    # the JSON Schema says the same so that editors flag it too.
    model_config = Base.model_config | ConfigDict(
        json_schema_extra={"anyOf": [{"required": ["opening_hours"]}, {"required": ["status"]}]}
    )

    name: Text = Field(title="单位名称", examples=["安澜县人民医院"])
    short_name: Text | None = Field(None, title="简称")
    sector: vocab.Sector = Field(title="行业类别")
    level: vocab.Level = Field(title="层级")
    township: Text | None = Field(
        None, title="所属乡镇", description="层级是「乡镇」时必填，写本县乡镇名单里的名称"
    )
    village: Text | None = Field(None, title="所在村（社区）")
    address: Maybe[Text] = Field(title="地址", examples=["安澜县城关镇解放路 88 号"])
    website: Url | None = Field(None, title="网站")
    intro: Text = Field(title="单位简介", examples=["一两句话介绍本单位和为老服务窗口"])
    status: UnitStatus | None = Field(None, title="单位状态", description="暂停服务或已关闭时填写")
    opening_hours: Maybe[OpeningHours] | None = Field(
        None, title="办公时间", description="必须填写；单位暂停服务或已关闭时可以不写"
    )
    elderly_window: Maybe[ElderlyWindow] = Field(title="为老服务窗口")
    timetables: list[Timetable] = Field(default_factory=list, title="班次时间")
    facilities: list[Facility] = Field(default_factory=list, title="适老设施")
    staffing: list[Staffing] = Field(default_factory=list, title="人员配备")
    sites: Sites | None = Field(None, title="受理点", description="在多处设点受理时填写")
    operator: Operator | None = Field(
        None, title="运营单位", description="服务由其他单位运营时填写"
    )
    phones: Maybe[Annotated[list[PhoneNumber], Field(min_length=1)]] = Field(
        title="电话",
        description="至少要有一个用途为「投诉监督」的电话，或在 supervision 里写其他监督渠道",
    )
    supervision: list[SupervisionChannel] = Field(default_factory=list, title="其他监督渠道")
    commitments: list[TextOr[Commitment]] = Field(
        title="公开承诺",
        min_length=1,
        description="每条写一行原文；要写明类型（禁止、岗位职责、服务指标、覆盖数据）或数据范围时，分项写",
    )
    disclosure: Disclosure = Field(
        title="公开事项",
        description="《实施方案》要求公开的六项：政策法规、服务内容、办事流程、办结时限、办理结果、服务标准",
    )
    benefits: list[Benefit] = Field(default_factory=list, title="老年人优待政策")
    highlights: list[Highlight] = Field(default_factory=list, title="服务数据")
    creation: CreationStandards | None = Field(None, title="创建标准")
    competition: Competition | None = Field(None, title="岗位争创")
    activities: list[Activity] = Field(default_factory=list, title="特色活动")
    evaluations: list[Evaluation] = Field(default_factory=list, title="群众评议")
    inspections: list[Inspection] = Field(default_factory=list, title="检查与报道")
    archive: CreationArchive | None = Field(None, title="创建档案")
    honours: list[Honour] = Field(default_factory=list, title="所获荣誉")
    maintainers: list[GitHubHandle] = Field(
        default_factory=list,
        title="资料维护人",
        description="GitHub 用户名，例如 @anlan-yiyuan-office；合并请求会请他们审核",
    )
    screen: ScreenSettings = Field(default_factory=ScreenSettings, title="大厅显示屏")
    confirmed: IsoDate | None = Field(
        None, title="最近确认日期", description="内容没有变化、但已核对仍然有效的日期"
    )
