"""What 语音阅读 says, built from the data by the core (the browser side is in
test_browser_speech.py): sentences per section, summary first, noise left out."""

from __future__ import annotations

from pathlib import Path

from jinglao.pipeline import load
from jinglao.site.speech import spoken, unit_speech
from jinglao.unit.view import ViewContext, unit_view

from .conftest import REPO


def test_noise_is_left_out_and_dates_are_said_in_words() -> None:
    assert spoken("网站 https://www.example.org/a ，邮箱 yyjd@example.org") == "网站 ，邮箱"
    assert spoken("见 units/x/unit.yml ✓ · 2026-10-12 修改：3 → 1 个工作日") == (
        "见 2026年10月12日 修改：3 改为 1 个工作日"
    )


def test_a_unit_is_read_summary_first_in_sentences_from_its_data() -> None:
    record = next(r for r in load(REPO).units if r.id == "anlan-renmin-yiyuan")
    sections = unit_speech(unit_view(record, ViewContext()))
    assert [s["id"] for s in sections][:3] == ["summary", "basics", "commitments"]
    summary, by_id = sections[0]["sentences"], {s["id"]: s["sentences"] for s in sections}
    assert summary == [
        "安澜县人民医院",
        "为老服务窗口：门诊大厅一楼 1 号窗口（老年人优先挂号窗口），可以优先挂号、缴费、代填表格、"
        "打印报告、轮椅借用、爱心陪诊",
        "监督电话：0599-6822001",
    ]
    assert "投诉监督电话：0599-6822001" in by_id["basics"]
    assert (
        "办公时间：冬季门诊，10月1日至次年4月30日：周一至周日 08:00-12:00、14:00-17:00"
        in (by_id["basics"])
    )  # one sentence per line: never 「17:30冬季门诊」
    assert not [s for s in by_id["basics"] if "电子邮箱" in s or "@" in s]  # nothing left to say
    said = by_id["procedures"]
    assert "病历复印，承诺 3个工作日办结，法定 7个工作日" in said
    assert "要带的材料：患者身份证、授权委托书、代办人身份证" in said
    assert not any("✓" in s or "http" in s for s in said)


def test_the_sentences_are_written_as_characters_and_stay_inert_html(demo_site: Path) -> None:
    """The page carries the sentences as UTF-8 (not 6-byte \\uXXXX escapes: the unit page stays
    small on a phone), and nothing in them can close the script element."""
    import json
    import re

    page = (demo_site / "units/anlan-renmin-yiyuan/index.html").read_text(encoding="utf-8")
    script = re.search(r'<script type="application/json" id="jl-speech">(.*?)</script>', page, re.S)
    assert script is not None
    assert "病历复印" in script[1] and not re.search(r"\\u[4-9][0-9a-f]{3}", script[1])
    assert "<" not in script[1] and ">" not in script[1]
    assert json.loads(script[1])[0]["id"] == "summary"
