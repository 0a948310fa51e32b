"""收费 as published — the text as written, and, where the unit states it, its structure: an
amount or range with its unit (元/次, 元/人·日), parts that add up to a total, a permitted band,
a share of another fee, 据实收取, a refundable deposit, and the condition it applies under."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..schema.base import Base
from ..schema.fields import Text
from .common import Eligibility

FeeKind = Literal["一次性收费", "按期收费", "可退押金", "据实收取"]


class FeePart(Base):
    item: Text = Field(title="分项", examples=["床位费"])
    amount: float = Field(title="金额", ge=0, examples=[1200])
    unit: Text = Field(title="计价单位", examples=["元/月"])


class FeeShare(Base):
    percent: float = Field(title="比例（%）", gt=0, examples=[60])
    of: Text = Field(title="以哪项收费为基数", examples=["护理费"])


class Fee(Base):
    item: Text = Field(title="收费项目")
    price: Text = Field(title="收费标准", examples=["免费", "12元"], description="照原文写")
    amount: float | None = Field(None, title="金额", ge=0)
    up_to: float | None = Field(None, title="金额上限", ge=0, description="写范围时的上限")
    unit: Text | None = Field(None, title="计价单位", examples=["元/次", "元/人·日", "元/月"])
    kind: FeeKind | None = Field(None, title="收费方式")
    parts: list[FeePart] = Field(default_factory=list, title="分项")
    band: Text | None = Field(None, title="允许浮动", examples=["上下浮动不超过 10%"])
    share: FeeShare | None = Field(None, title="按其他收费的比例")
    condition: Text | None = Field(None, title="收费条件", examples=["2 公里以内"])
    applies_to: Eligibility | None = Field(None, title="适用人群")
    note: Text | None = Field(None, title="说明")
