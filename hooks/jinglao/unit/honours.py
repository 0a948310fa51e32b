"""The titles a unit reports holding (所获荣誉), revoked ones kept with the revocation."""

from __future__ import annotations

from pydantic import Field

from ..schema import vocab
from ..schema.base import Base
from ..schema.fields import CycleId, IsoDate, Text


class HonourRevocation(Base):
    date: IsoDate = Field(title="摘牌日期")
    reason: Text = Field(title="摘牌原因")


class Honour(Base):
    level: vocab.HonourLevel = Field(title="级别")
    cycle: CycleId = Field(title="届次", examples=["2021-2023"])
    title: Text = Field("敬老文明号", title="称号")
    awarded: IsoDate | None = Field(None, title="授予日期")
    revoked: HonourRevocation | None = Field(None, title="摘牌")
