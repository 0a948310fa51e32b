"""制定标准 and 创建档案: the standards a unit sets itself and the creation archive it keeps.

A unit without a complete creation archive takes no part in the county evaluation (see
``completeness.py``).
"""

from __future__ import annotations

from pydantic import Field

from ..schema.base import Base, text_list
from ..schema.fields import IsoDate, Text


class Aspects(Base):
    leadership: list[Text] = text_list("领导班子")
    workforce: list[Text] = text_list("工作队伍")
    benefit_system: list[Text] = text_list("惠老制度")
    elderly_service: list[Text] = text_list("为老服务")
    mechanism: list[Text] = text_list("工作机制")
    public_evaluation: list[Text] = text_list("群众评价")


class Systems(Base):
    study: list[Text] = text_list("学习制度")
    management: list[Text] = text_list("管理制度")
    post_responsibility: list[Text] = text_list("岗位责任制度")


class CreationStandards(Base):
    aspects: Aspects = Field(default_factory=Aspects, title="六个方面的创建标准")
    systems: Systems = Field(default_factory=Systems, title="三项内部制度")
    industry_standards: list[Text] = text_list("行业服务标准和达标要求")


class CreationPlan(Base):
    title: Text = Field(title="方案名称")
    date: IsoDate = Field(title="印发日期")


class TimetableItem(Base):
    period: Text = Field(title="时间段", examples=["2月至3月"])
    task: Text = Field(title="工作安排")


class GroupMember(Base):
    role: Text = Field(title="小组职务", examples=["组长"])
    post: Text = Field(title="本单位职务", examples=["院长"])


class CreationArchive(Base):
    plan: CreationPlan | None = Field(None, title="创建方案")
    schedule: list[TimetableItem] = Field(default_factory=list, title="进度安排")
    leading_group: list[GroupMember] = Field(default_factory=list, title="领导小组")
    contents: list[Text] = text_list("创建内容")
    results: list[Text] = text_list("创建成效")
