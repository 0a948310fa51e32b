"""优待, 创建标准, 岗位争创, 特色活动, 群众评议, 创建档案 and honours: what a unit does and keeps."""

from __future__ import annotations

from pydantic import Field

from . import vocab
from .fieldtypes import (
    CycleId,
    IsoDate,
    PolicyId,
    Text,
)
from .model_base import Base, Eligibility, Figure, _texts


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


class HonourRevocation(Base):
    date: IsoDate = Field(title="摘牌日期")
    reason: Text = Field(title="摘牌原因")


class Honour(Base):
    level: vocab.HonourLevel = Field(title="级别")
    cycle: CycleId = Field(title="届次", examples=["2021-2023"])
    title: Text = Field("敬老文明号", title="称号")
    awarded: IsoDate | None = Field(None, title="授予日期")
    revoked: HonourRevocation | None = Field(None, title="摘牌")


class ScreenSettings(Base):
    """How the unit's hall display screen behaves."""

    interval: int = Field(15, title="轮播间隔（秒）", ge=5, le=600)
