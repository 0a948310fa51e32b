"""公开承诺 as units word them: a promise, a prohibition, a staff duty, a service target or a
coverage figure — each with the scope its figure belongs to, so a system's or a province's figure
is never read as this outlet's own."""

from __future__ import annotations

from pydantic import Field

from ..schema import vocab
from ..schema.base import Base
from ..schema.fields import Text
from .common import Figure
from .validity import Validity


class Target(Figure):
    """电话 15 秒接通率不低于 90%: what is measured, the bound, the figure and its unit."""

    measure: Text = Field(title="指标", examples=["电话 15 秒接通率"])
    bound: vocab.Bound | None = Field(None, title="比较", examples=["不低于"])


class Commitment(Base):
    text: Text = Field(title="承诺原文", examples=["不得拒收现金"])
    kind: vocab.CommitmentKind = Field("承诺", title="类型")
    target: Target | None = Field(None, title="服务指标或覆盖数据")
    valid: Validity | None = Field(None, title="有效期")
    scope: vocab.Scope = Field(
        "本单位", title="数据范围", description="数据或承诺属于本单位，还是上级系统、市、省、全国"
    )


def as_commitment(item: str | Commitment) -> Commitment:
    """A plain line is a promise by this unit."""
    return Commitment(text=item) if isinstance(item, str) else item
