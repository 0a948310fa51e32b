"""办理步骤 as procedures really run: alternatives (窗口或手机 App), fallbacks when a path fails
(不成功的重新建模), optional steps, steps someone else may do (代办), and time limits counted
from an event rather than from the request (发车前 12—72 小时, 到达现场 2 小时内)."""

from __future__ import annotations

from typing import Self

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from ..schema.base import Base, text_list
from ..schema.fields import Text
from .common import TimeSpan


class StepTime(TimeSpan):
    """A step's time: a span, or a range (12—72 小时), counted from an event when one is named."""

    up_to: float | None = Field(None, title="时长上限", gt=0, description="写范围时的上限，例如 72")
    anchor: Text | None = Field(
        None,
        title="起算",
        examples=["发车前"],
        description="从什么时候算起，例如 发车前、到达现场后",
    )

    @model_validator(mode="after")
    def _range(self) -> Self:
        if self.up_to is not None and (self.value is None or self.up_to <= self.value):
            raise PydanticCustomError("span_range", "时长上限 up_to 要大于时长数值 value")
        return self


class StepPath(Base):
    """One way through a step: an alternative, or what to do when an earlier way failed."""

    name: Text = Field(title="办理方式", examples=["手机 App 认证"])
    when: Text | None = Field(None, title="适用情形", examples=["窗口认证不成功的"])
    description: Text | None = Field(None, title="说明")
    materials: list[Text] = text_list("另需材料")
    time_limit: StepTime | None = Field(None, title="时限")


class Step(Base):
    name: Text = Field(title="步骤名称")
    description: Text | None = Field(None, title="步骤说明")
    who: Text | None = Field(None, title="办理岗位")
    time_limit: StepTime | None = Field(None, title="本步骤时限")
    optional: bool = Field(False, title="可选步骤", description="不是每个人都要做的步骤写 true")
    proxy: Text | None = Field(
        None, title="代办", examples=["可由家属代办"], description="能否由他人代办，照原文写"
    )
    alternatives: list[StepPath] = Field(
        default_factory=list, title="可选方式", description="几种方式任选其一，例如 窗口或手机 App"
    )
    fallbacks: list[StepPath] = Field(
        default_factory=list, title="不成功时", description="按顺序写：前一种不成功时怎么办"
    )
