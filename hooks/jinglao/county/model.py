"""The county the portal serves (``units/county.yml``) and its policy library's front matter."""

from __future__ import annotations

from pydantic import Field

from ..schema.base import Base
from ..schema.fields import GitHubHandle, IsoDate, Phone, Slug, Text


class Township(Base):
    name: Text = Field(title="乡镇名称")
    slug: Slug = Field(title="网址名", examples=["qingxi"])


class County(Base):
    """``units/county.yml``: the county the portal serves."""

    name: Text = Field(title="县名")
    office: Text = Field(title="创建活动领导小组办公室")
    office_phone: Phone = Field(title="办公室电话")
    office_team: GitHubHandle | None = Field(
        None, title="县创建办的 GitHub 团队", examples=["@anlan-laoling/office"]
    )
    townships: list[Township] = Field(title="乡镇", min_length=1)


class Policy(Base):
    """Front matter of ``content/policies/<policy-id>.md``."""

    title: Text = Field(title="标题")
    short_title: Text | None = Field(None, title="简称")
    issuer: Text = Field(title="发布机关")
    number: Text | None = Field(None, title="文号")
    date: IsoDate | None = Field(None, title="发布日期")
    level: Text = Field(title="层级", examples=["国家", "省", "市", "县"])
