"""老年人优待: the preferential treatment a unit gives elderly people, by age band."""

from __future__ import annotations

from pydantic import Field

from ..schema import vocab
from ..schema.base import Base, text_list
from ..schema.fields import PolicyId, Text
from .common import Eligibility
from .validity import Validity


class BenefitTier(Base):
    who: Eligibility = Field(title="适用人群")
    content: Text = Field(title="优待内容")


class Benefit(Base):
    name: Text = Field(title="优待项目")
    category: vocab.BenefitCategory = Field(title="优待类别")
    forms: list[vocab.BenefitForm] = Field(title="优待形式", min_length=1)
    tiers: list[BenefitTier] = Field(title="分档优待", min_length=1)
    delivery: list[vocab.BenefitDelivery] = Field(default_factory=list, title="兑现方式")
    funded_by: Text | None = Field(None, title="资金来源", examples=["县财政"])
    limits: list[Text] = text_list("使用限制")
    where: Text | None = Field(None, title="办理地点", examples=["各营业网点柜台"])
    channels: list[Text] = text_list("办理渠道")
    credentials: list[Text] = text_list("凭证")
    legal_basis: list[PolicyId] = Field(
        default_factory=list, title="政策依据", examples=[["laonianren-quanyi-baozhangfa"]]
    )
    valid: Validity | None = Field(None, title="有效期")
    note: Text | None = Field(None, title="说明")
