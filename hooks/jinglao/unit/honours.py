"""The titles a unit reports (所获荣誉): named, still being created (创建中) or revoked — a unit
that is creating never shows a title it does not hold, and a revoked one keeps its revocation."""

from __future__ import annotations

from typing import Literal, Self

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from ..schema import vocab
from ..schema.base import Base
from ..schema.constraints import config, is_value, none_written, one_of_written, when, written
from ..schema.fields import CycleId, IsoDate, Text

HonourStatus = Literal["已命名", "创建中", "已撤销"]


class HonourRevocation(Base):
    date: IsoDate = Field(title="摘牌日期")
    reason: Text = Field(title="摘牌原因")


class Honour(Base):
    model_config = Base.model_config | config(
        one_of_written("cycle", "round"),
        when(written("revoked"), is_value("status", "已撤销")),
        when(is_value("status", "创建中"), none_written("awarded")),
    )

    level: vocab.HonourLevel = Field(title="级别")
    status: HonourStatus = Field(
        "已命名",
        title="状态",
        description="已命名：已授牌；创建中：正在创建，尚未命名；已撤销：已摘牌",
    )
    cycle: CycleId | None = Field(None, title="届次", examples=["2021-2023"])
    round: Text | None = Field(None, title="届次（原文）", examples=["第二届"])
    title: Text = Field("敬老文明号", title="称号", examples=["敬老文明号", "老年友善医疗机构"])
    awarded: IsoDate | None = Field(None, title="授予日期")
    revoked: HonourRevocation | None = Field(None, title="摘牌")

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.cycle is None and self.round is None:
            raise PydanticCustomError("honour_round", "没有写届次")
        if self.revoked is not None and self.status != "已撤销":
            raise PydanticCustomError("honour_revoked", "写了摘牌信息，状态却不是「已撤销」")
        if self.status == "创建中" and self.awarded is not None:
            raise PydanticCustomError("honour_creating", "「创建中」的称号还没有授予日期")
        return self

    @property
    def held(self) -> bool:
        """Named and not revoked: the only state in which a unit may show the title."""
        return self.status == "已命名"

    @property
    def round_text(self) -> str:
        """2021-2023 届, 第二届, or both as the unit wrote them."""
        parts = [f"{self.cycle} 届" if self.cycle else None, self.round]
        return "（".join(p for p in parts if p) + ("）" if self.cycle and self.round else "")
