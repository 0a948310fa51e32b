"""Statistics, status overview, open data, change history and staleness, checked on built output."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from pathlib import Path

import pytest

from jinglao.pipeline import build_pages, load
from jinglao.unit.completeness import completeness

from .conftest import REPO, is_shallow_checkout, run_cli

UNIT_IDS = sorted(p.name for p in (REPO / "units").iterdir() if p.is_dir())


def test_open_data_json_and_csv(demo_site: Path) -> None:
    units = json.loads((demo_site / "data/units.json").read_text(encoding="utf-8"))
    assert sorted(u["id"] for u in units) == UNIT_IDS
    hospital = json.loads(
        (demo_site / "data/units/anlan-renmin-yiyuan.json").read_text(encoding="utf-8")
    )
    assert hospital["name"] == "安澜县人民医院"
    assert hospital["disclosure"]["procedures"][0]["time_limit"]["promised"] == {
        "value": 5.0,
        "unit": "分钟",
    }
    raw = (demo_site / "data/units.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert sorted(r["id"] for r in rows) == UNIT_IDS
    assert next(r for r in rows if r["id"] == "dianxin-jiefang-yingyeting")["eligible"] == "否"


def test_stats_page_has_accessible_charts(demo_site: Path) -> None:
    page = (demo_site / "stats/index.html").read_text(encoding="utf-8")
    assert page.count('<div class="jl-bars" role="img" aria-labelledby=') == 7
    assert page.count("<details data-search-exclude><summary>查看") == 7
    assert "病历复印" in page  # promised vs statutory time limit of the hospital


def test_status_page_lists_every_unit_with_eligibility(demo_site: Path) -> None:
    page = (demo_site / "status/index.html").read_text(encoding="utf-8")
    rows = {
        m[1]: m[0]
        for m in re.finditer(r'<tr>\s*<td><a href="\.\./units/([a-z0-9-]+)/">.*?</tr>', page, re.S)
    }
    assert sorted(rows) == UNIT_IDS
    for record in load(REPO).units:
        done = completeness(record.unit)
        verdict = "<td>可参加</td>" if done.eligible else "<td>暂不能参加</td>"
        assert verdict in rows[record.id], record.id
    assert any(not completeness(r.unit).eligible for r in load(REPO).units)  # both kinds shown


def test_unit_page_shows_its_git_history(demo_site: Path) -> None:
    page = (demo_site / "units/anlan-renmin-yiyuan/index.html").read_text(encoding="utf-8")
    if is_shallow_checkout():  # a shallow checkout must say so rather than invent a date
        assert "浅克隆" in page and "最后更新：" not in page
    else:
        assert "最后更新：<strong>" in page


def test_shallow_clone_says_so_instead_of_a_date(tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{REPO}", str(clone)], check=True)
    result = build_pages(clone)
    assert result.ok
    page = result.pages["units/anlan-renmin-yiyuan/index.md"]
    assert "浅克隆" in page and "最后更新：" not in page


@pytest.mark.parametrize(("epoch", "stale"), [("1798761600", True), ("1764374400", False)])
def test_disclosures_not_confirmed_for_a_year_are_flagged(
    demo: Path, monkeypatch: pytest.MonkeyPatch, epoch: str, stale: bool
) -> None:
    unit = demo / "units/anlan-tushuguan/unit.yml"
    unit.write_text(unit.read_text(encoding="utf-8") + "confirmed: 2025-06-01\n", encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)  # 2027-01-01 / 2025-11-29
    code, output = run_cli("validate", "--project", str(demo))
    assert code == 0
    assert ("警告 公开资料已超过 12 个月没有更新或确认（最近一次：2025-06-01）" in output) is stale
    page = build_pages(demo).pages["units/anlan-tushuguan/index.md"]
    assert ('class="jl-stale"' in page) is stale
