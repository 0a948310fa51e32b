"""公开承诺: the six disclosure items, procedures with time limits, contacts and opening hours."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from ..schema import vocab
from ..schema.base import Base, text_list
from ..schema.fields import ClockPeriod, Phone, PhotoFile, PolicyId, Slug, Text
from ..schema.unpublished import Maybe
from .common import TimeSpan
from .duties import Rationing, Recurring
from .fees import Fee
from .steps import Step
from .validity import Validity


class TimeLimitVariant(Base):
    condition: Text = Field(title="适用情形", examples=["农村地区"])
    statutory: TimeSpan | None = Field(None, title="法定时限")
    promised: TimeSpan = Field(title="承诺时限")


class TimeLimit(Base):
    statutory: TimeSpan | None = Field(None, title="法定时限")
    statutory_note: Text | None = Field(None, title="法定时限说明")
    promised: TimeSpan = Field(
        title="承诺时限", description="例如 {value: 5, unit: 工作日}；当场办结写 {unit: 即办}"
    )
    kind: vocab.LimitKind | None = Field(
        None,
        title="时限性质",
        description="最长：不超过这个时间；平均：平均用时；目标：力争达到。不写时按单位原文，只写时长",
    )
    excludes: list[Text] = text_list("不计入时限的环节")
    variants: list[TimeLimitVariant] = Field(default_factory=list, title="不同情形的时限")
    note: Text | None = Field(None, title="说明")


class Material(Base):
    name: Text = Field(title="材料名称")
    copies: int | None = Field(None, title="份数", ge=1)
    form: vocab.Original | None = Field(None, title="原件或复印件")
    applies_to: Text | None = Field(None, title="哪些情况需要", examples=["委托他人代办时"])
    note: Text | None = Field(None, title="说明")


class Result(Base):
    delivery: list[vocab.Delivery] = Field(
        title="结果送达方式", min_length=1, description="结果怎样交到办事人手里"
    )
    description: Text = Field(title="办理结果")


class Procedure(Base):
    id: Slug | None = Field(None, title="流程编号", examples=["guahao"])
    name: Text = Field(title="事项名称")
    window: Text | None = Field(None, title="办理窗口")
    conditions: list[Text] = text_list("办理条件")
    materials: list[Material] = Field(default_factory=list, title="申请材料")
    steps: list[Step] = Field(title="办理步骤", min_length=1)
    fees: list[Fee] = Field(default_factory=list, title="收费")
    visits: int | None = Field(None, title="最多跑几次", ge=0, examples=[1])
    time_limit: Maybe[TimeLimit] = Field(title="办结时限")
    result: Maybe[Result] = Field(title="办理结果")
    legal_basis: list[PolicyId] = Field(
        default_factory=list, title="办理依据", examples=[["laonianren-quanyi-baozhangfa"]]
    )
    recurring: list[Recurring] = Field(default_factory=list, title="定期要办的事")
    valid: Validity | None = Field(None, title="有效期")
    phone: Phone | None = Field(None, title="咨询电话")


class Service(Base):
    name: Text = Field(title="服务名称")
    description: Text = Field(title="服务说明")
    rationing: list[Rationing] = Field(default_factory=list, title="限制措施")
    valid: Validity | None = Field(None, title="有效期")


class ServiceStandard(Base):
    name: Text = Field(title="标准名称")
    content: Text = Field(title="标准内容")


class Staff(Base):
    post: Text = Field(title="岗位")
    window: Text | None = Field(None, title="窗口")
    number: Text | None = Field(None, title="工号")
    name: Text | None = Field(None, title="姓名")
    photo: PhotoFile | None = Field(
        None, title="照片文件", description="本单位文件夹里的图片，例如 photos/chuangkou-1.jpg"
    )
    consent: bool = Field(False, title="本人书面同意公开姓名、照片和工号")


class Identification(Base):
    methods: list[vocab.IdentityMethod] = Field(
        title="明示身份方式", min_length=1, description="工作人员怎样让老年人知道自己是谁"
    )
    staff: list[Staff] = Field(default_factory=list, title="窗口人员")


class Disclosure(Base):
    policies: Maybe[Annotated[list[PolicyId], Field(min_length=1)]] = Field(
        title="政策法规", examples=[["laonianren-quanyi-baozhangfa"]]
    )
    services: Maybe[Annotated[list[Service], Field(min_length=1)]] = Field(title="服务内容")
    procedures: Maybe[Annotated[list[Procedure], Field(min_length=1)]] = Field(title="办事流程")
    standards: Maybe[Annotated[list[ServiceStandard], Field(min_length=1)]] = Field(
        title="服务标准"
    )
    channels: list[vocab.Channel] = Field(
        title="公开渠道", min_length=1, description="本单位实际用来公开这些事项的渠道"
    )
    identification: Identification = Field(title="工作人员明示身份")


class PhoneNumber(Base):
    role: vocab.PhoneRole = Field(title="电话用途")
    number: Phone = Field(title="电话号码", examples=["0599-7654321"])
    hours: Text | None = Field(None, title="接听时间")


class SupervisionChannel(Base):
    kind: vocab.ChannelKind = Field(title="监督渠道")
    detail: Text = Field(title="渠道说明")


class OpeningSchedule(Base):
    """One set of opening hours (e.g. summer hours): which days, which periods."""

    name: Text | None = Field(None, title="作息名称", examples=["夏季"])
    applies: Text | None = Field(None, title="适用日期", examples=["5月1日至9月30日"])
    days: Text = Field(title="适用星期", examples=["周一至周五"])
    periods: list[ClockPeriod] = Field(title="时段", min_length=1, examples=[["08:00-12:00"]])
    valid: Validity | None = Field(None, title="有效期")


class OpeningHours(Base):
    schedules: list[OpeningSchedule] = Field(title="作息时间", min_length=1)
    exceptions: list[Text] = text_list("例外安排")


class ElderlyWindow(Base):
    location: Text = Field(title="位置", examples=["门诊大厅一楼 1 号窗口"])
    services: list[Text] = text_list("提供的服务")
