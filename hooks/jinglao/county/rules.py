"""Rules on the policy library beyond its shape: a document number must be complete."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..problems import Finding
from .model import Policy

# The year bracket of a document number (国办发〔2019〕51号) with nothing in it, in any of the
# bracket pairs people type for 〔〕: 〔〕, [], fullwidth [] (U+FF3B, U+FF3D), 【】, () and （）.
_EMPTY_YEAR = re.compile(r"[〔\[\uff3b【(（]\s*[〕\]\uff3d】)）]")


def check_number(policy: Policy) -> Iterator[Finding]:
    """「闽政〔〕17号」 copied from a text that lost the year names no findable document."""
    if policy.number and _EMPTY_YEAR.search(policy.number):
        yield Finding(
            ("number",),
            f"文号「{policy.number}」的〔〕里没有写年份",
            "文号要写全，发文年份写在〔〕里，例如 国办发〔2019〕51号。"
            "请对照原文件补上年份；查不到完整文号时，先把 number 这一行删掉。",
        )


def policy_findings(policy: Policy) -> list[Finding]:
    return [*check_number(policy)]
