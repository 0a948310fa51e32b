"""Shared building blocks of the unit model: figures, age bands, eligibility and time spans."""

from __future__ import annotations

from typing import Self

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from ..schema import vocab
from ..schema.base import Base, text_list
from ..schema.constraints import config, is_value, none_written, not_both, one_of_written, when
from ..schema.constraints import written as is_written
from ..schema.fields import Text


class Figure(Base):
    """A number as a unit states it: 约 3000 人次 (2025年)."""

    value: float = Field(title="数值", ge=0, examples=[3000])
    unit: Text = Field(title="单位", examples=["人次"])
    qualifier: vocab.Qualifier | None = Field(None, title="限定词")
    period: Text | None = Field(None, title="统计时段", examples=["2025年"])


class Highlight(Figure):
    label: Text = Field(title="说明", examples=["全年为老年人办理业务"])
    scope: vocab.Scope = Field(
        "本单位", title="数据范围", description="数据属于本单位，还是上级系统、市、省、全国"
    )


class AgeBand(Base):
    """Age bounds with explicit inclusiveness: min/max include the bound, above/below exclude it."""

    model_config = Base.model_config | config(
        not_both("min", "above"),
        not_both("max", "below"),
        one_of_written("min", "above", "max", "below"),
    )

    min: int | None = Field(None, title="最低年龄（含）", ge=0, le=150, examples=[60])
    above: int | None = Field(None, title="年龄大于（不含）", ge=0, le=150, examples=[60])
    max: int | None = Field(None, title="最高年龄（含）", ge=0, le=150, examples=[69])
    below: int | None = Field(None, title="年龄小于（不含）", ge=0, le=150, examples=[70])

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
    categories: list[Text] = text_list("人员类别")
    residence: Text | None = Field(None, title="户籍或居住要求")
    note: Text | None = Field(None, title="说明")


class TimeSpan(Base):
    model_config = Base.model_config | config(
        when(is_value("unit", "即办"), none_written("value"), is_written("value"))
    )

    value: float | None = Field(None, title="时长数值", gt=0, examples=[5])
    unit: vocab.TimeUnit = Field(title="时长单位")

    @model_validator(mode="after")
    def _value_matches_unit(self) -> Self:
        if self.unit == "即办" and self.value is not None:
            raise PydanticCustomError("span_immediate", "「即办」不需要填写时长数值")
        if self.unit != "即办" and self.value is None:
            raise PydanticCustomError("span_value", "缺少时长数值 value")
        return self
