"""岗位争创, 特色活动 and 群众评议: drills and star ratings, themed activities, public evaluations."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from ..schema import vocab
from ..schema.base import Base, text_list
from ..schema.dates import PublishedDate, earliest
from ..schema.fields import Text
from ..schema.unpublished import Maybe, is_unpublished
from .common import Figure


class Drill(Base):
    date: PublishedDate = Field(title="日期")
    type: vocab.DrillType = Field(title="类型")
    name: Text = Field(title="名称")
    description: Text | None = Field(None, title="说明")


class StarRating(Base):
    date: PublishedDate = Field(title="日期")
    type: vocab.StarRatingType = Field(title="评比类型")
    title: Text = Field(title="称号")
    holder: Text = Field(title="获得岗位或班组")


class Competition(Base):
    drills: list[Drill] = Field(default_factory=list, title="岗位练兵与技能竞赛")
    ratings: list[StarRating] = Field(default_factory=list, title="争星评比")


class Activity(Base):
    date: PublishedDate = Field(title="日期", examples=["2025-10-29"])
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


class Share(Base):
    """One row of a published distribution: a share in percent, or a count, or both."""

    label: Text = Field(title="类别", examples=["15 分钟以内"])
    percent: float | None = Field(None, title="占比（%）", ge=0, le=100, examples=[72.4])
    count: int | None = Field(None, title="人数或件数", ge=0)


class Distribution(Base):
    title: Text = Field(title="统计项目", examples=["等候时间"])
    shares: list[Share] = Field(title="分布", min_length=1)


class Evaluation(Base):
    date: Maybe[PublishedDate] = Field(title="日期", examples=["2025-10"])
    method: vocab.EvaluationMethod = Field(title="评议方式")
    title: Text = Field(title="名称")
    sample: Figure | None = Field(None, title="样本量")
    satisfaction: float | None = Field(None, title="满意度（%）", ge=0, le=100, examples=[98.5])
    ratings: ReviewCounts | None = Field(None, title="好差评")
    distributions: list[Distribution] = Field(default_factory=list, title="分项结果")
    findings: list[Text] = text_list("发现的问题")
    improvements: list[Text] = text_list("整改措施")


def dated(evaluation: Evaluation) -> date:
    """Sort key: the evaluation's date; one whose date is 未公布 sorts as the oldest."""
    return date.min if is_unpublished(evaluation.date) else earliest(evaluation.date)
