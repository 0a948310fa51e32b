"""The public change history: versions of a unit file from git, compared per field in Chinese,
with weakened promises marked; the git reads are batched and cached as JSON."""

from __future__ import annotations

import copy
import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from jinglao.pipeline import build_pages
from jinglao.project import unit_revisions
from jinglao.source.versions import CACHE_DIR
from jinglao.unit.revisions import COMPARISON_VERSION, compare, edit_records, revision_history

from .conftest import FIXTURES, REPO, copy_project, is_shallow_checkout

HOSPITAL = REPO / "units/anlan-renmin-yiyuan/unit.yml"


def _texts(old: Any, new: Any) -> list[tuple[str, str, bool]]:
    return [(e.kind, e.text, e.weaker) for e in compare(old, new)]


@pytest.fixture
def hospital() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(HOSPITAL.read_text(encoding="utf-8"))
    return data


def _procedure(data: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = next(p for p in data["disclosure"]["procedures"] if p["name"] == name)
    return found


def test_a_shorter_promised_time_limit_is_said_per_field(hospital: dict[str, Any]) -> None:
    new = copy.deepcopy(hospital)
    _procedure(new, "病历复印")["time_limit"]["promised"]["value"] = 1
    assert _texts(hospital, new) == [("修改", "病历复印 承诺时限 3 → 1 个工作日", False)]


def test_a_longer_promised_time_limit_is_marked_weaker(hospital: dict[str, Any]) -> None:
    new = copy.deepcopy(hospital)
    _procedure(new, "病历复印")["time_limit"]["promised"]["value"] = 5
    assert _texts(hospital, new) == [("修改", "病历复印 承诺时限 3 → 5 个工作日", True)]


def test_procedures_are_matched_by_name_not_by_place(hospital: dict[str, Any]) -> None:
    new = copy.deepcopy(hospital)
    new["disclosure"]["procedures"].reverse()
    assert _texts(hospital, new) == []
    _procedure(new, "病历复印")["window"] = "门诊楼一楼病案室"
    assert _texts(hospital, new) == [
        ("修改", "病历复印 办理窗口 门诊楼二楼病案室 → 门诊楼一楼病案室", False)
    ]


def test_taking_away_a_benefit_or_a_commitment_is_marked(hospital: dict[str, Any]) -> None:
    new = copy.deepcopy(hospital)
    removed_benefit = new["benefits"].pop(0)["name"]
    removed_commitment = new["commitments"].pop(0)
    new["commitments"].append("每月第一个周六开放老年人健康讲座。")
    edits = _texts(hospital, new)
    assert ("删除", f"老年人优待政策「{removed_benefit}」", True) in edits
    assert ("删除", f"公开承诺「{removed_commitment}」", True) in edits
    assert ("新增", "公开承诺「每月第一个周六开放老年人健康讲座。」", False) in edits


@pytest.mark.parametrize(
    ("old", "new", "weaker"),
    [
        ("普通门诊诊查费 8 折", "普通门诊诊查费 9 折", True),
        ("普通门诊诊查费 9 折", "普通门诊诊查费 8 折", False),
        ("免收普通门诊诊查费", "普通门诊诊查费减半收取", True),
        ("普通门诊诊查费减半收取", "免收普通门诊诊查费", False),
    ],
)
def test_a_reduced_discount_or_a_lost_free_service_is_weaker(
    hospital: dict[str, Any], old: str, new: str, weaker: bool
) -> None:
    before = copy.deepcopy(hospital)
    before["benefits"][0]["tiers"][0]["content"] = old
    after = copy.deepcopy(hospital)
    after["benefits"][0]["tiers"][0]["content"] = new
    edits = _texts(before, after)
    assert any(w for _, _, w in edits) is weaker, edits


def test_maintainers_are_not_public_history(hospital: dict[str, Any]) -> None:
    new = copy.deepcopy(hospital)
    new["maintainers"] = ["someone-else"]
    assert _texts(hospital, new) == []


def test_versions_that_are_not_yaml_are_skipped_and_the_first_is_said() -> None:
    data = {"a": {"name": "甲", "intro": "一"}, "b": {"name": "甲", "intro": "二"}, "x": None}

    def edits(old: str, new: str) -> list[dict[str, Any]] | None:
        return edit_records(data[old], data[new])

    versions = [("2026-04-01", "x"), ("2026-03-01", "b"), ("2026-01-01", "a")]
    history = revision_history(versions, edits, complete=True)
    assert [(h["date"], h["first"]) for h in history["entries"]] == [
        ("2026-03-01", False),
        ("2026-01-01", True),
    ]
    assert history["entries"][0]["edits"] == [
        {"kind": "修改", "text": "单位简介 一 → 二", "weaker": False}
    ]
    assert revision_history(versions, edits, complete=False)["earlier_omitted"]


def _git(root: Path, *args: str, when: str = "2026-10-12T10:00:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
           "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}  # fmt: skip
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


@pytest.fixture
def county(tmp_path: Path) -> Path:
    """The minimal county in a fresh git repository, one commit."""
    root = copy_project(FIXTURES / "minimal", tmp_path / "county")
    (root / "hooks").unlink()
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "first", when="2026-09-01T10:00:00")
    return root


UNIT_ID = "mini-window"
ON_THE_SPOT = "        promised:\n          unit: 即办\n"


def _promise_two_days(root: Path) -> Path:
    unit_file = root / f"units/{UNIT_ID}/unit.yml"
    text = unit_file.read_text(encoding="utf-8")
    assert text.count(ON_THE_SPOT) == 1
    two_days = "        promised:\n          value: 2\n          unit: 工作日\n"
    unit_file.write_text(text.replace(ON_THE_SPOT, two_days), encoding="utf-8")
    return unit_file


def test_the_page_says_each_commit_field_by_field(county: Path) -> None:
    _promise_two_days(county)
    _git(county, "commit", "-qam", "English subject nobody should read", when="2026-10-12T10:00:00")
    page = build_pages(county).pages[f"units/{UNIT_ID}/index.md"]
    history = page[page.index("## 更新记录") :]
    assert "English subject" not in history
    assert (
        "<li>2026-10-12 修改：优待证办理 承诺时限 即办（当场办结） → 2个工作日 "
        '<strong class="jl-weaker">承诺降低</strong></li>'
    ) in history
    assert "<li>2026-09-01 首次公开本单位资料</li>" in history


def test_blobs_are_read_once_and_comparisons_cached_as_json(county: Path) -> None:
    _promise_two_days(county)
    _git(county, "commit", "-qam", "two days")
    unit_file = county / f"units/{UNIT_ID}/unit.yml"
    unit_file.write_text(unit_file.read_text(encoding="utf-8") + "intro: [不是\n", "utf-8")
    _git(county, "commit", "-qam", "broken")
    unit_file.write_bytes(b"name: " + b"x" * (1024 * 1024) + b"\n")
    _git(county, "commit", "-qam", "too big to read")
    first = unit_revisions(county)[UNIT_ID]["entries"]
    assert [e["first"] for e in first] == [False, True]  # the broken version is left out
    blobs = sorted((county / CACHE_DIR / "blobs").glob("*.json"))
    parsed = [json.loads(b.read_text("utf-8")) for b in blobs]
    assert len(blobs) == 4 and parsed.count(None) == 2  # the broken and the oversized one
    pairs_file = county / CACHE_DIR / f"revisions-v{COMPARISON_VERSION}.json"
    pairs = json.loads(pairs_file.read_text(encoding="utf-8"))
    assert len(pairs) == 3
    marker = [{"kind": "修改", "text": "取自缓存", "weaker": False}]
    pairs_file.write_text(json.dumps(dict.fromkeys(pairs, marker)), encoding="utf-8")
    for blob in blobs:
        blob.unlink()
    again = unit_revisions(county)[UNIT_ID]["entries"]
    assert again[0]["edits"] == marker  # nothing parsed: the comparison came from the cache
    assert not list((county / CACHE_DIR / "blobs").glob("*.json"))
    pairs_file.write_text(json.dumps(dict.fromkeys(pairs, "<script>")), encoding="utf-8")
    assert unit_revisions(county) == {UNIT_ID: {"entries": first, "earlier_omitted": False}}


def test_a_cache_link_out_of_the_repository_is_never_written(county: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (county / ".cache").symlink_to(outside, target_is_directory=True)
    assert unit_revisions(county)
    assert list(outside.rglob("*")) == []


def test_the_demo_hospital_shows_a_weakened_and_an_improved_promise() -> None:
    page = build_pages(REPO).pages["units/anlan-renmin-yiyuan/index.md"]
    if is_shallow_checkout():  # a shallow checkout says so rather than a partial history
        assert "浅克隆" in page
        return
    assert (
        "修改：病历复印 本院门诊病历（电子） 承诺时限 即办（当场办结） → 1个工作日 "
        '<strong class="jl-weaker">承诺降低</strong>'
    ) in page
    assert "修改：病历复印 复印费 收费标准 每页 0.5 元 → 每页 0.3 元</li>" in page


def test_a_merged_pull_request_is_one_version_dated_when_merged(county: Path) -> None:
    _git(county, "checkout", "-qb", "pr")
    _promise_two_days(county)
    _git(county, "commit", "-qam", "on a branch", when="2026-10-01T10:00:00")
    _git(county, "checkout", "-q", "-")
    _git(county, "merge", "-q", "--no-ff", "pr", "-m", "merge", when="2026-10-20T10:00:00")
    entries = unit_revisions(county)[UNIT_ID]["entries"]
    assert [(e["date"], e["first"]) for e in entries] == [
        ("2026-10-20", False),
        ("2026-09-01", True),
    ]
    assert entries[0]["edits"][0]["text"] == "优待证办理 承诺时限 即办（当场办结） → 2个工作日"


def test_a_renamed_item_is_one_change_not_a_promise_taken_away(hospital: dict[str, Any]) -> None:
    """养老待遇资格认证 → 养老金领取资格认证 is a rename: nothing was taken away. A renamed
    procedure still shows what changed inside it, so a longer time limit is not hidden."""
    new = copy.deepcopy(hospital)
    services = new["disclosure"]["services"]
    old_name = services[0]["name"] if isinstance(services[0], dict) else services[0]
    renamed = old_name + "服务"
    if isinstance(services[0], dict):
        services[0]["name"] = renamed
    else:
        services[0] = renamed
    assert _texts(hospital, new) == [
        ("修改", f"公开事项 服务内容「{old_name}」改为「{renamed}」", False)
    ]
    copying = _procedure(new, "病历复印")
    copying["name"] = "病历复印办理"
    copying["time_limit"]["promised"] = {"value": 5, "unit": "工作日"}
    edits = _texts(hospital, new)
    assert edits[-2][:2] == ("修改", "公开事项 办事流程「病历复印」改为「病历复印办理」")
    assert edits[-1][0] == "修改" and edits[-1][2] is True, edits  # longer: still marked
    assert not any(kind == "删除" for kind, _, _ in edits)


def test_honours_moving_to_the_award_records_is_no_public_change(hospital: dict[str, Any]) -> None:
    new = copy.deepcopy(hospital)
    new["honours"] = [{"name": "市级敬老文明号", "level": "市级", "year": 2024}]
    assert _texts(hospital, new) == []


def test_the_county_lists_every_weakened_promise_newest_first() -> None:
    """公开情况一览 → 承诺降低记录: only versions that made a promise worse, newest first, with the
    weakening edits alone (a unit's other changes stay on its own page)."""
    from jinglao.site.weakened import weakened_promises

    def unit(uid: str, *entries: tuple[str, list[tuple[str, bool]]]) -> dict[str, Any]:
        revisions = [
            {"date": day, "weaker": any(w for _, w in edits),
             "edits": [{"kind": "修改", "text": t, "weaker": w} for t, w in edits]}
            for day, edits in entries
        ]  # fmt: skip
        return {"id": uid, "name": uid.upper(), "history": {"revisions": revisions}}

    rows = weakened_promises([
        unit("b", ("2026-03-01", [("挂号 承诺时限 5分钟 → 10分钟", True), ("电话 改号", False)])),
        unit("a", ("2026-05-01", [("简介", False)]), ("2026-01-01", [("优待取消", True)])),
    ])  # fmt: skip
    assert rows == [
        {
            "date": "2026-03-01",
            "id": "b",
            "name": "B",
            "edits": ["修改：挂号 承诺时限 5分钟 → 10分钟"],
        },
        {"date": "2026-01-01", "id": "a", "name": "A", "edits": ["修改：优待取消"]},
    ]


def test_the_status_page_shows_the_demo_hospitals_weakened_promise() -> None:
    from jinglao.pipeline import build_pages

    status = build_pages(REPO).pages["status/index.md"].split("## 承诺降低记录", 1)[1]
    if is_shallow_checkout():
        assert "无法列出" in status
        return
    assert "安澜县人民医院</a>：修改：病历复印 本院门诊病历（电子） 承诺时限" in status
    assert "社保" not in status  # its service was renamed, not taken away
