"""An award cycle (评选表彰届次): ``cycles/<cycle-id>.yml``, three calendar years of the county program."""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import Discriminator, Field, Tag

from ..schema import vocab
from ..schema.base import Base
from ..schema.fields import CycleId, IsoDate, Phone, Slug, Text
from ..schema.unpublished import PLAIN_TAG, STRUCTURED_TAG

PHASES = {"deployment": "全面部署", "implementation": "创建实施", "evaluation": "评选表彰"}


class Period(Base):
    start: IsoDate = Field(title="开始日期")
    end: IsoDate = Field(title="结束日期")


class Phases(Base):
    deployment: Period = Field(title="全面部署阶段")
    implementation: Period = Field(title="创建实施阶段")
    evaluation: Period = Field(title="评选表彰阶段")


class ByLevel(Base):
    """Numbers keyed by the Chinese level name (县级, 市级, 省级, 全国: the fields' aliases)."""

    def for_level(self, level: str) -> int | None:
        """The number of a level, by its Chinese name (the field's alias); None when not stated."""
        by_alias = {info.alias: name for name, info in type(self).model_fields.items()}
        value: int | None = getattr(self, by_alias[level])
        return value


class LevelQuotas(ByLevel):
    """Quotas by level, as the notice states them; a city's cycle names no county quota."""

    county: int | None = Field(None, title="县级名额", ge=0, alias="县级")
    city: int | None = Field(None, title="推荐市级名额", ge=0, alias="市级")
    province: int | None = Field(None, title="推荐省级名额", ge=0, alias="省级")
    national: int | None = Field(None, title="推荐全国名额", ge=0, alias="全国")


class Quotas(LevelQuotas):
    """Units by level; 敬老模范人物 (people) have their own quotas, when the notice sets any."""

    people: LevelQuotas | None = Field(
        None, title="敬老模范人物名额", alias="个人", description="不写则不核对个人名额"
    )


InspectionMethod = Literal[
    "查阅资料", "实地查看", "听取汇报", "座谈走访", "问卷调查", "暗访", "群众评议", "其他"
]  # fmt: skip
"""How an assessment item is checked, as notices name it (考核方式)."""


class Deduction(Base):
    """每缺一项扣 2 分（扣完为止）: partial credit as the notice states it."""

    per: Text = Field(title="扣分情形", examples=["缺一项"], description="「每……扣分」中间的话")
    points: float = Field(title="每次扣分", gt=0, examples=[2])
    floor: float | None = Field(
        None, title="最低得分", ge=0, examples=[0], description="扣到这个分数为止；0 即「扣完为止」"
    )


class Criterion(Base):
    """One item of the creation standards (创建标准、考核细则); points and methods only where the
    notice states them."""

    item: Text = Field(title="考核内容", examples=["成立创建工作领导小组，主要负责人任组长"])
    points: float | None = Field(None, title="分值", gt=0, examples=[10])
    deduction: Deduction | None = Field(None, title="扣分办法")
    scoring: Text | None = Field(
        None, title="评分标准（原文）", examples=["有制度得 2 分，无制度不得分"]
    )
    methods: list[InspectionMethod] = Field(default_factory=list, title="考核方法")


def _plain_or_item(value: Any) -> str:
    return PLAIN_TAG if isinstance(value, str) else STRUCTURED_TAG


# The item model first, so error messages inside an item find its fields' titles.
CriterionOrText = Annotated[
    Union[Annotated[Criterion, Tag(STRUCTURED_TAG)], Annotated[Text, Tag(PLAIN_TAG)]],  # noqa: UP007
    Discriminator(_plain_or_item),
]


class Notice(Base):
    title: Text = Field(title="通知标题")
    date: IsoDate = Field(title="发布日期")
    criteria: list[CriterionOrText] = Field(title="评选条件和考核标准", min_length=1)
    total_points: float | None = Field(
        None, title="总分", gt=0, examples=[100], description="通知写了总分才写"
    )
    quotas: Quotas = Field(title="表彰名额")
    procedure: list[Text] = Field(title="申报程序", min_length=1)
    assessment: Text | None = Field(None, title="考核办法", description="通知没有写的不写")


class Skip(Base):
    """越级推荐: put up for a level above the next one, with the county's reason on record. It is
    written on the nominee: the award of the same unit and level was publicised under it."""

    reason: Text = Field(title="越级推荐理由")
    approval: Text | None = Field(
        None, title="批准文件", examples=["安澜县敬老文明号创建活动领导小组会议纪要〔2026〕3号"]
    )


class Nominee(Base):
    unit: Slug = Field(title="单位编号", examples=["anlan-renmin-yiyuan"])
    level: vocab.HonourLevel = Field(title="拟表彰或推荐级别")
    skip: Skip | None = Field(None, title="越级推荐")


class Person(Base):
    """A 敬老模范人物 nominee: name and deeds are published only with the person's consent."""

    name: Text = Field(title="姓名")
    post: Text = Field(title="岗位")
    unit: Slug | None = Field(
        None,
        title="单位编号",
        description="本平台有的单位写编号",
        examples=["shiqiao-jujia-yanglao"],
    )
    unit_name: Text | None = Field(None, title="单位名称", description="本平台没有的单位写全称")
    deeds: Text = Field(title="主要事迹")
    level: vocab.HonourLevel = Field(title="拟表彰或推荐级别")
    consent: bool = Field(False, title="本人书面同意公示姓名和事迹")


class Publicity(Base):
    start: IsoDate = Field(title="公示开始日期")
    end: IsoDate = Field(title="公示结束日期")
    basis: Text = Field(title="公示依据")
    where: Text = Field(title="公示地点")
    how: Text = Field(title="反映方式", examples=["以真实姓名书面或电话反映，并留下联系方式"])
    phone: Phone = Field(title="受理电话")
    nominees: list[Nominee] = Field(title="公示名单", min_length=1)
    people: list[Person] = Field(default_factory=list, title="敬老模范人物公示名单")


class Award(Base):
    unit: Slug = Field(title="单位编号", examples=["anlan-renmin-yiyuan"])
    level: vocab.HonourLevel = Field(title="级别")
    date: IsoDate = Field(title="授予或推荐日期")
    kind: Literal["授予", "推荐"] = Field(
        "授予", title="类型", description="授予：本级授牌；推荐：向上级推荐"
    )


class PersonAward(Base):
    """A 敬老模范人物 conferred or recommended; ``name`` and ``level`` match a publicised person."""

    name: Text = Field(title="姓名")
    level: vocab.HonourLevel = Field(title="级别")
    date: IsoDate = Field(title="授予或推荐日期")
    kind: Literal["授予", "推荐"] = Field(
        "授予", title="类型", description="授予：本级表彰；推荐：向上级推荐"
    )


class LevelCounts(ByLevel):
    """How many were conferred or recommended at each level, when the published list names no
    (or not every) unit: 「命名 60 家」. Units listed in ``awards`` are among them."""

    county: int | None = Field(None, title="县级命名数量", ge=0, alias="县级")
    city: int | None = Field(None, title="市级命名或推荐数量", ge=0, alias="市级")
    province: int | None = Field(None, title="省级命名或推荐数量", ge=0, alias="省级")
    national: int | None = Field(None, title="全国命名或推荐数量", ge=0, alias="全国")


class Revocation(Base):
    """摘牌: one unit's title withdrawn. Units withdrawn together by one document each get an
    entry with the same ``document``."""

    unit: Slug = Field(title="单位编号", examples=["anlan-renmin-yiyuan"])
    level: vocab.HonourLevel = Field(title="被撤销的称号级别")
    date: IsoDate = Field(title="摘牌日期")
    reason: Text = Field(title="摘牌原因")
    document: Text | None = Field(
        None, title="撤销文件（文号）", examples=["安澜县敬老文明号创建活动领导小组〔2025〕2号"]
    )
    plaque_returned: bool | None = Field(
        None, title="收回牌匾", description="true：已收回牌匾；false：未收回；没有记载的不写"
    )


ReviewOutcome = Literal["保留称号", "撤销称号"]


class Review(Base):
    """复查: units named in this cycle reviewed on a day, what was found, the deadline to fix
    (限期整改，……日前) and how it ended (none yet: 尚无结论)."""

    date: IsoDate = Field(title="复查日期")
    units: list[Slug] = Field(title="复查单位", min_length=1, examples=[["anlan-zilaishui"]])
    findings: Text | None = Field(None, title="发现的问题")
    deadline: IsoDate | None = Field(
        None, title="限期整改日期", description="「限期整改，……日前」的那一天"
    )
    outcome: ReviewOutcome | None = Field(None, title="复查结论", description="还没有结论的不写")


class Cycle(Base):
    title: Text = Field(title="届次名称", examples=["安澜县第二届敬老文明号评选表彰"])
    id: CycleId = Field(title="届次", examples=["2024-2026"])
    round: Text | None = Field(
        None, title="届别（照原文）", examples=["第二届"], description="首批、第一届、第二届……"
    )
    phases: Phases = Field(title="三个阶段")
    notice: Notice | None = Field(None, title="评选通知")
    publicity: Publicity | None = Field(None, title="公示")
    awards: list[Award] = Field(default_factory=list, title="表彰和推荐名单")
    person_awards: list[PersonAward] = Field(
        default_factory=list, title="敬老模范人物表彰和推荐名单"
    )
    named_counts: LevelCounts | None = Field(
        None, title="命名数量", description="表彰文件只写数量、没有列出全部单位时写"
    )
    reviews: list[Review] = Field(default_factory=list, title="复查")
    revocations: list[Revocation] = Field(default_factory=list, title="摘牌")
    holidays: list[IsoDate] = Field(default_factory=list, title="法定节假日（不算工作日）")
    workdays: list[IsoDate] = Field(default_factory=list, title="调休上班的周末（算工作日）")

    @property
    def label(self) -> str:
        """How pages name the cycle: 第二届（2024-2026）, or 2024-2026 届 without a round."""
        return f"{self.round}（{self.id}）" if self.round else f"{self.id} 届"

    @property
    def heading(self) -> str:
        """The title with what it does not already say: 安澜县第二届…（2024-2026）."""
        extra = self.round if self.round and self.round not in self.title else None
        return f"{self.title}（{extra}，{self.id}）" if extra else f"{self.title}（{self.id}）"
