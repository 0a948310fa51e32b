"""Duties and limits that real texts state and that deserve their own fields rather than a line
in a commitment: what the citizen must do periodically (每年认证两次), rationing (高峰期暂停有偿
用户), staffing minimums (不少于 2 名) and the number of sites (全市 10 个受理点)."""

from __future__ import annotations

from pydantic import Field

from ..schema import vocab
from ..schema.base import Base, text_list
from ..schema.fields import Text


class Recurring(Base):
    what: Text = Field(title="要做的事", examples=["领取待遇资格认证"])
    every: Text = Field(title="周期", examples=["每年"])
    times: int | None = Field(None, title="次数", ge=1, examples=[2])
    note: Text | None = Field(None, title="说明")


class Rationing(Base):
    when: Text = Field(title="什么时候", examples=["用餐高峰期"])
    measure: Text = Field(title="限制措施", examples=["暂停接待有偿用餐人员"])


class Staffing(Base):
    post: Text = Field(title="岗位", examples=["爱心窗口"])
    minimum: int = Field(title="至少几人", ge=1, examples=[2])
    note: Text | None = Field(None, title="说明")


class Sites(Base):
    count: int = Field(title="受理点数量", ge=1, examples=[10])
    scope: vocab.Scope = Field("本单位", title="范围")
    names: list[Text] = text_list("受理点名称")
    note: Text | None = Field(None, title="说明")


def recurring_text(duty: Recurring) -> str:
    """每年 2 次：领取待遇资格认证."""
    times = f" {duty.times} 次" if duty.times else ""
    text = f"{duty.every}{times}：{duty.what}"
    return f"{text}（{duty.note}）" if duty.note else text


def sites_text(sites: Sites) -> str:
    where = "" if sites.scope == "本单位" else sites.scope
    text = f"{where}共 {sites.count} 个受理点"
    if sites.names:
        text += "：" + "、".join(sites.names)
    return f"{text}。{sites.note}" if sites.note else text
