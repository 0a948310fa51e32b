"""The unit data model: what one ``units/<unit-id>/unit.yml`` holds, with Chinese titles.

Field names are English; each ``title`` is the Chinese name shown in error messages, the field
reference page and the JSON Schema. The parts live in model_base.py, model_disclosure.py and
model_creation.py; rules that compare fields or look across files live in
``rules.py``; this module only says what shape each value has.
"""

from __future__ import annotations

from pydantic import Field

from . import vocab
from .fieldtypes import (
    GitHubHandle,
    IsoDate,
    Phone,
    Slug,
    Text,
    Url,
)
from .model_base import AgeBand, Base, Eligibility, Figure, Highlight, TimeSpan, _texts
from .model_creation import (
    Activity,
    Archive,
    ArchivePlan,
    Aspects,
    Benefit,
    BenefitTier,
    Competition,
    CreationStandards,
    Drill,
    Evaluation,
    GroupMember,
    Honour,
    HonourRevocation,
    Rating,
    RatingCounts,
    ScheduleItem,
    ScreenSettings,
    Systems,
)
from .model_disclosure import (
    Disclosure,
    ElderlyWindow,
    Fee,
    Identification,
    Material,
    OpeningHours,
    PhoneNumber,
    Procedure,
    Result,
    Schedule,
    Service,
    ServiceStandard,
    Staff,
    Step,
    SupervisionChannel,
    TimeLimit,
    TimeLimitVariant,
)

__all__ = [
    "Activity",
    "AgeBand",
    "Archive",
    "ArchivePlan",
    "Aspects",
    "Base",
    "Benefit",
    "BenefitTier",
    "Competition",
    "County",
    "CreationStandards",
    "Disclosure",
    "Drill",
    "ElderlyWindow",
    "Eligibility",
    "Evaluation",
    "Fee",
    "Figure",
    "GroupMember",
    "Highlight",
    "Honour",
    "HonourRevocation",
    "Identification",
    "Material",
    "OpeningHours",
    "PhoneNumber",
    "Policy",
    "Procedure",
    "Rating",
    "RatingCounts",
    "Result",
    "Schedule",
    "ScheduleItem",
    "ScreenSettings",
    "Service",
    "ServiceStandard",
    "Staff",
    "Step",
    "SupervisionChannel",
    "Systems",
    "TimeLimit",
    "TimeLimitVariant",
    "TimeSpan",
    "Township",
    "Unit",
]


class Unit(Base):
    """Everything one service unit discloses."""

    name: Text = Field(title="单位名称", examples=["安澜县人民医院"])
    short_name: Text | None = Field(None, title="简称")
    sector: vocab.Sector = Field(title="行业类别")
    level: vocab.Level = Field(title="层级")
    township: Text | None = Field(None, title="所属乡镇")
    village: Text | None = Field(None, title="所在村（社区）")
    address: Text = Field(title="地址", examples=["安澜县城关镇解放路 88 号"])
    website: Url | None = Field(None, title="网站")
    intro: Text = Field(title="单位简介", examples=["一两句话介绍本单位和为老服务窗口"])
    opening_hours: OpeningHours = Field(title="办公时间")
    elderly_window: ElderlyWindow = Field(title="为老服务窗口")
    phones: list[PhoneNumber] = Field(title="电话", min_length=1)
    supervision: list[SupervisionChannel] = Field(default_factory=list, title="其他监督渠道")
    commitments: list[Text] = _texts("公开承诺", required=True)
    disclosure: Disclosure = Field(title="公开事项")
    benefits: list[Benefit] = Field(default_factory=list, title="老年人优待政策")
    highlights: list[Highlight] = Field(default_factory=list, title="服务数据")
    creation: CreationStandards | None = Field(None, title="创建标准")
    competition: Competition | None = Field(None, title="岗位争创")
    activities: list[Activity] = Field(default_factory=list, title="特色活动")
    evaluations: list[Evaluation] = Field(default_factory=list, title="群众评议")
    archive: Archive | None = Field(None, title="创建档案")
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


class Township(Base):
    name: Text = Field(title="乡镇名称")
    slug: Slug = Field(title="网址名")


class County(Base):
    """``units/county.yml``: the county the portal serves."""

    name: Text = Field(title="县名")
    office: Text = Field(title="创建活动领导小组办公室")
    office_phone: Phone = Field(title="办公室电话")
    office_team: GitHubHandle | None = Field(
        None, title="县创建办的 GitHub 团队", examples=["@anlan-laoling/office"]
    )
    townships: list[Township] = Field(title="乡镇", min_length=1)


class Policy(Base):
    """Front matter of ``content/policies/<policy-id>.md``."""

    title: Text = Field(title="标题")
    short_title: Text | None = Field(None, title="简称")
    issuer: Text = Field(title="发布机关")
    number: Text | None = Field(None, title="文号")
    date: IsoDate | None = Field(None, title="发布日期")
    level: Text = Field(title="层级", examples=["国家", "省", "市", "县"])
