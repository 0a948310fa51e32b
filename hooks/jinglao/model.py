"""The unit data model: what one ``units/<unit-id>/unit.yml`` holds, with Chinese titles.

Field names are English; each ``title`` is the Chinese name shown in error messages, the field
reference page and (later) the JSON Schema. Rules that compare fields or look across files live in
``rules.py``; this module only says what shape each value has.
"""

from __future__ import annotations

from typing import Any, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from . import vocab
from .fieldtypes import (
    ClockPeriod,
    CycleId,
    GitHubHandle,
    IsoDate,
    Phone,
    PolicyId,
    Slug,
    Text,
    Url,
)


class Base(BaseModel):
    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, coerce_numbers_to_str=True, frozen=True
    )


def _texts(title: str, *, required: bool = False) -> Any:
    """A list of texts: required ones must have at least one item, optional ones default empty."""
    if required:
        return Field(title=title, min_length=1)
    return Field(default_factory=list, title=title)


class Figure(Base):
    """A number as a unit states it: 约 3000 人次 (2025年)."""

    value: float = Field(title="数值", ge=0)
    unit: Text = Field(title="单位", examples=["人次"])
    qualifier: vocab.Qualifier | None = Field(None, title="限定词")
    period: Text | None = Field(None, title="统计时段", examples=["2025年"])


class Highlight(Figure):
    label: Text = Field(title="说明", examples=["全年为老年人办理业务"])


class AgeBand(Base):
    """Age bounds with explicit inclusiveness: min/max include the bound, above/below exclude it."""

    min: int | None = Field(None, title="最低年龄（含）", ge=0, le=150)
    above: int | None = Field(None, title="年龄大于（不含）", ge=0, le=150)
    max: int | None = Field(None, title="最高年龄（含）", ge=0, le=150)
    below: int | None = Field(None, title="年龄小于（不含）", ge=0, le=150)

    @model_validator(mode="after")
    def _bounds(self) -> Self:
        if self.min is not None and self.above is not None:
            raise PydanticCustomError("age_both", "min 和 above 只能写一个")
        if self.max is not None and self.below is not None:
            raise PydanticCustomError("age_both", "max 和 below 只能写一个")
        low = self.min if self.min is not None else self.above
        high = self.max if self.max is not None else self.below
        if low is None and high is None:
            raise PydanticCustomError("age_empty", "年龄段至少要写一个界限")
        if low is not None and high is not None and low >= high:
            raise PydanticCustomError("age_order", "年龄段的下限不小于上限")
        return self


class Eligibility(Base):
    age: AgeBand | None = Field(None, title="年龄段")
    categories: list[Text] = _texts("人员类别")
    residence: Text | None = Field(None, title="户籍或居住要求")
    note: Text | None = Field(None, title="说明")


class TimeSpan(Base):
    value: float | None = Field(None, title="时长数值", gt=0, examples=[5])
    unit: vocab.TimeUnit = Field(title="时长单位")

    @model_validator(mode="after")
    def _value_matches_unit(self) -> Self:
        if self.unit == "即办" and self.value is not None:
            raise PydanticCustomError("span_immediate", "「即办」不需要填写时长数值")
        if self.unit != "即办" and self.value is None:
            raise PydanticCustomError("span_value", "缺少时长数值 value")
        return self


class TimeLimitVariant(Base):
    condition: Text = Field(title="适用情形", examples=["农村地区"])
    statutory: TimeSpan | None = Field(None, title="法定时限")
    promised: TimeSpan = Field(title="承诺时限")


class TimeLimit(Base):
    statutory: TimeSpan | None = Field(None, title="法定时限")
    statutory_note: Text | None = Field(None, title="法定时限说明")
    promised: TimeSpan = Field(title="承诺时限")
    variants: list[TimeLimitVariant] = Field(default_factory=list, title="不同情形的时限")
    note: Text | None = Field(None, title="说明")


class Material(Base):
    name: Text = Field(title="材料名称")
    copies: int | None = Field(None, title="份数", ge=1)
    form: vocab.Original | None = Field(None, title="原件或复印件")
    applies_to: Text | None = Field(None, title="哪些情况需要", examples=["委托他人代办时"])
    note: Text | None = Field(None, title="说明")


class Step(Base):
    name: Text = Field(title="步骤名称")
    description: Text | None = Field(None, title="步骤说明")
    who: Text | None = Field(None, title="办理岗位")
    time_limit: TimeSpan | None = Field(None, title="本步骤时限")


class Fee(Base):
    item: Text = Field(title="收费项目")
    price: Text = Field(title="收费标准", examples=["免费", "12元"])
    applies_to: Eligibility | None = Field(None, title="适用人群")
    note: Text | None = Field(None, title="说明")


class Result(Base):
    delivery: list[vocab.Delivery] = Field(title="结果送达方式", min_length=1)
    description: Text = Field(title="办理结果")


class Procedure(Base):
    id: Slug | None = Field(None, title="流程编号")
    name: Text = Field(title="事项名称")
    window: Text | None = Field(None, title="办理窗口")
    conditions: list[Text] = _texts("办理条件")
    materials: list[Material] = Field(default_factory=list, title="申请材料")
    steps: list[Step] = Field(title="办理步骤", min_length=1)
    fees: list[Fee] = Field(default_factory=list, title="收费")
    visits: int | None = Field(None, title="最多跑几次", ge=0)
    time_limit: TimeLimit = Field(title="办结时限")
    result: Result = Field(title="办理结果")
    legal_basis: list[PolicyId] = Field(default_factory=list, title="办理依据")
    phone: Phone | None = Field(None, title="咨询电话")


class Service(Base):
    name: Text = Field(title="服务名称")
    description: Text = Field(title="服务说明")


class ServiceStandard(Base):
    name: Text = Field(title="标准名称")
    content: Text = Field(title="标准内容")


class Staff(Base):
    post: Text = Field(title="岗位")
    window: Text | None = Field(None, title="窗口")
    number: Text | None = Field(None, title="工号")
    name: Text | None = Field(None, title="姓名")
    photo: Text | None = Field(None, title="照片文件")
    consent: bool = Field(False, title="本人书面同意公开姓名、照片和工号")


class Identification(Base):
    methods: list[vocab.IdentityMethod] = Field(title="明示身份方式", min_length=1)
    staff: list[Staff] = Field(default_factory=list, title="窗口人员")


class Disclosure(Base):
    policies: list[PolicyId] = Field(title="政策法规", min_length=1)
    services: list[Service] = Field(title="服务内容", min_length=1)
    procedures: list[Procedure] = Field(title="办事流程", min_length=1)
    standards: list[ServiceStandard] = Field(title="服务标准", min_length=1)
    channels: list[vocab.Channel] = Field(title="公开渠道", min_length=1)
    identification: Identification = Field(title="工作人员明示身份")


class PhoneNumber(Base):
    role: vocab.PhoneRole = Field(title="电话用途")
    number: Phone = Field(title="电话号码", examples=["0599-7654321"])
    hours: Text | None = Field(None, title="接听时间")


class SupervisionChannel(Base):
    kind: vocab.ChannelKind = Field(title="监督渠道")
    detail: Text = Field(title="渠道说明")


class Schedule(Base):
    name: Text | None = Field(None, title="作息名称", examples=["夏季"])
    applies: Text | None = Field(None, title="适用日期", examples=["5月1日至9月30日"])
    days: Text = Field(title="适用星期", examples=["周一至周五"])
    periods: list[ClockPeriod] = Field(title="时段", min_length=1, examples=[["08:00-12:00"]])


class OpeningHours(Base):
    schedules: list[Schedule] = Field(title="作息时间", min_length=1)
    exceptions: list[Text] = _texts("例外安排")


class ElderlyWindow(Base):
    location: Text = Field(title="位置", examples=["门诊大厅一楼 1 号窗口"])
    services: list[Text] = _texts("提供的服务")


class BenefitTier(Base):
    who: Eligibility = Field(title="适用人群")
    content: Text = Field(title="优待内容")


class Benefit(Base):
    name: Text = Field(title="优待项目")
    category: vocab.BenefitCategory = Field(title="优待类别")
    forms: list[vocab.BenefitForm] = Field(title="优待形式", min_length=1)
    tiers: list[BenefitTier] = Field(title="分档优待", min_length=1)
    credentials: list[Text] = _texts("凭证")
    legal_basis: list[PolicyId] = Field(default_factory=list, title="政策依据")
    note: Text | None = Field(None, title="说明")


class Aspects(Base):
    leadership: list[Text] = _texts("领导班子")
    workforce: list[Text] = _texts("工作队伍")
    benefit_system: list[Text] = _texts("惠老制度")
    elderly_service: list[Text] = _texts("为老服务")
    mechanism: list[Text] = _texts("工作机制")
    public_evaluation: list[Text] = _texts("群众评价")


class Systems(Base):
    study: list[Text] = _texts("学习制度")
    management: list[Text] = _texts("管理制度")
    post_responsibility: list[Text] = _texts("岗位责任制度")


class CreationStandards(Base):
    aspects: Aspects = Field(default_factory=Aspects, title="六个方面的创建标准")
    systems: Systems = Field(default_factory=Systems, title="三项内部制度")
    industry_standards: list[Text] = _texts("行业服务标准和达标要求")


class Drill(Base):
    date: IsoDate = Field(title="日期")
    type: vocab.DrillType = Field(title="类型")
    name: Text = Field(title="名称")
    description: Text | None = Field(None, title="说明")


class Rating(Base):
    date: IsoDate = Field(title="日期")
    type: vocab.RatingType = Field(title="评比类型")
    title: Text = Field(title="称号")
    holder: Text = Field(title="获得岗位或班组")


class Competition(Base):
    drills: list[Drill] = Field(default_factory=list, title="岗位练兵与技能竞赛")
    ratings: list[Rating] = Field(default_factory=list, title="争星评比")


class Activity(Base):
    date: IsoDate = Field(title="日期")
    type: vocab.ActivityType = Field(title="活动类型")
    title: Text = Field(title="活动名称")
    description: Text | None = Field(None, title="活动内容")
    reach: Figure | None = Field(None, title="服务人数")


class RatingCounts(Base):
    very_satisfied: int = Field(0, title="非常满意", ge=0)
    satisfied: int = Field(0, title="满意", ge=0)
    fairly_satisfied: int = Field(0, title="基本满意", ge=0)
    dissatisfied: int = Field(0, title="不满意", ge=0)
    very_dissatisfied: int = Field(0, title="非常不满意", ge=0)


class Evaluation(Base):
    date: IsoDate = Field(title="日期")
    method: vocab.EvaluationMethod = Field(title="评议方式")
    title: Text = Field(title="名称")
    sample: Figure | None = Field(None, title="样本量")
    satisfaction: float | None = Field(None, title="满意度（%）", ge=0, le=100)
    ratings: RatingCounts | None = Field(None, title="好差评")
    findings: list[Text] = _texts("发现的问题")
    improvements: list[Text] = _texts("整改措施")


class ArchivePlan(Base):
    title: Text = Field(title="方案名称")
    date: IsoDate = Field(title="印发日期")


class ScheduleItem(Base):
    period: Text = Field(title="时间段", examples=["2月至3月"])
    task: Text = Field(title="工作安排")


class GroupMember(Base):
    role: Text = Field(title="小组职务", examples=["组长"])
    post: Text = Field(title="本单位职务", examples=["院长"])


class Archive(Base):
    plan: ArchivePlan | None = Field(None, title="创建方案")
    schedule: list[ScheduleItem] = Field(default_factory=list, title="进度安排")
    leading_group: list[GroupMember] = Field(default_factory=list, title="领导小组")
    contents: list[Text] = _texts("创建内容")
    results: list[Text] = _texts("创建成效")


class Revocation(Base):
    date: IsoDate = Field(title="摘牌日期")
    reason: Text = Field(title="摘牌原因")


class Honour(Base):
    level: vocab.HonourLevel = Field(title="级别")
    cycle: CycleId = Field(title="届次", examples=["2021-2023"])
    title: Text = Field("敬老文明号", title="称号")
    awarded: IsoDate | None = Field(None, title="授予日期")
    revoked: Revocation | None = Field(None, title="摘牌")


class ScreenSettings(Base):
    """How the unit's hall display screen behaves."""

    interval: int = Field(15, title="轮播间隔（秒）", ge=5, le=600)


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
