"""岗位争创, 特色活动 and 群众评议: drills and star ratings, themed activities, public evaluations."""

from __future__ import annotations

from pydantic import Field

from ..schema import vocab
from ..schema.base import Base, text_list
from ..schema.fields import IsoDate, Text
from .common import Figure


class Drill(Base):
    date: IsoDate = Field(title="日期")
    type: vocab.DrillType = Field(title="类型")
    name: Text = Field(title="名称")
    description: Text | None = Field(None, title="说明")


class StarRating(Base):
    date: IsoDate = Field(title="日期")
    type: vocab.StarRatingType = Field(title="评比类型")
    title: Text = Field(title="称号")
    holder: Text = Field(title="获得岗位或班组")


class Competition(Base):
    drills: list[Drill] = Field(default_factory=list, title="岗位练兵与技能竞赛")
    ratings: list[StarRating] = Field(default_factory=list, title="争星评比")


class Activity(Base):
    date: IsoDate = Field(title="日期")
    type: vocab.ActivityType = Field(title="活动类型")
    title: Text = Field(title="活动名称")
    description: Text | None = Field(None, title="活动内容")
    reach: Figure | None = Field(None, title="服务人数")


class ReviewCounts(Base):
    """好差评: counts of the five review levels."""

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
    ratings: ReviewCounts | None = Field(None, title="好差评")
    findings: list[Text] = text_list("发现的问题")
    improvements: list[Text] = text_list("整改措施")
