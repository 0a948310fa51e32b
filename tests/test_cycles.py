"""Award cycles: every rule with an exact message, archive and verify, frozen pages, reproducibility."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import bagit
import pytest

from jinglao.cycles.view import cycles_data
from jinglao.pipeline import build_pages, load, renderer, site_data
from jinglao.source.git import read_history

from .conftest import REPO, assert_golden, copy_project, run_cli
from .test_validate_cases import edit

CYCLE = "cycles/2024-2026.yml"
FIRST = "cycles/2021-2023.yml"
NEXT_YEAR = "1798761600"  # 2027-01-01: the 2024-2026 cycle is over


def only_people_awarded_without_publicity(root: Path) -> None:
    path = root / CYCLE
    text = path.read_text(encoding="utf-8")
    start, end = text.index("publicity:\n"), text.index("person_awards:\n")
    path.write_text(text[:start] + text[end:], encoding="utf-8")


def rename_cycle_file(root: Path) -> None:
    (root / CYCLE).rename(root / "cycles/2024-2025.yml")


def without_notice_award_twice(root: Path) -> None:
    path = root / CYCLE
    text = path.read_text(encoding="utf-8")
    start, end = text.index("notice:\n"), text.index("publicity:\n")
    twice = "  - {unit: meikeng-weishengyuan, level: 县级, date: 2026-11-10}\n"
    path.write_text(text[:start] + text[end:].replace(twice, twice * 2), encoding="utf-8")


def edits(*steps: Callable[[Path], None]) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        for step in steps:
            step(root)

    return apply


NAMED_COUNTS = "named_counts: {县级: 4}\n"

# The demo's 越级推荐 (县级 → 省级): the reason and the approving document.
SKIP = """      skip:
        reason: 开设老年旅客爱心窗口、电话预约购票和接送站服务，做法被省交通运输厅作为典型在全省推广
        approval: 安澜县敬老文明号创建活动领导小组会议纪要〔2026〕3号
"""

RULES: dict[str, Callable[[Path], None]] = {
    "cycle-not-three-years": edit(CYCLE, "id: 2024-2026", "id: 2024-2027"),
    "file-name-mismatch": rename_cycle_file,
    "phase-outside-cycle": edit(CYCLE, "deployment: {start: 2024-02-01", "deployment: {start: 2023-12-01"),
    "phases-out-of-order": edit(CYCLE, "implementation: {start: 2024-04-01", "implementation: {start: 2024-01-10"),
    "quota-not-stated": edit(CYCLE, "quotas: {县级: 5, ", "quotas: {"),
    "over-quota": edits(edit(CYCLE, "quotas: {县级: 5, ", "quotas: {县级: 2, "), edit(CYCLE, NAMED_COUNTS, "")),
    "named-count-over-quota": edit(CYCLE, "quotas: {县级: 5, ", "quotas: {县级: 3, "),
    "named-count-below-list": edit(CYCLE, NAMED_COUNTS, "named_counts: {县级: 2}\n"),
    "criteria-deduction-over-points": edit(CYCLE, "deduction: {per: 缺一项制度, points: 5}", "deduction: {per: 缺一项制度, points: 20}"),
    "criteria-floor-not-below-points": edit(CYCLE, "deduction: {per: 缺一项, points: 2, floor: 0}", "deduction: {per: 缺一项, points: 2, floor: 10}"),
    "criteria-points-not-total": edit(CYCLE, "      points: 30\n", "      points: 35\n"),
    "criteria-points-over-total": edits(edit(CYCLE, "      points: 30\n", "      points: 60\n"), edit(CYCLE, "      points: 20\n", "")),
    "review-deadline-before-review": edit(FIRST, "deadline: 2024-12-31", "deadline: 2024-11-01"),
    "review-of-unit-not-named": edit(FIRST, "units: [anlan-renmin-yiyuan, anlan-qiche-zhan]", "units: [anlan-renmin-yiyuan, anlan-qiche-zhan, anlan-tushuguan]"),
    "review-withdrawal-not-recorded": edit(FIRST, "    outcome: 保留称号\n", "    outcome: 撤销称号\n"),
    "unknown-unit": edit(CYCLE, "    - {unit: meikeng-weishengyuan, level: 县级}\n    - {unit: anlan-renmin",
                         "    - {unit: meikeng-weishenyuan, level: 县级}\n    - {unit: anlan-renmin"),
    "archive-incomplete": edit(CYCLE, "    - {unit: shiqiao-jujia-yanglao, level: 县级}\n    - {unit: meikeng",
                               "    - {unit: dianxin-jiefang-yingyeting, level: 县级}\n    - {unit: meikeng"),
    "not-upward": edit(CYCLE, "    - {unit: anlan-renmin-yiyuan, level: 市级}\n",
                       "    - {unit: anlan-renmin-yiyuan, level: 市级}\n    - {unit: anlan-gongjiao, level: 市级}\n"),
    "publicity-too-short": edit(CYCLE, "  end: 2026-10-23\n", "  end: 2026-10-22\n"),
    "publicity-over-holidays": edit(CYCLE, "  start: 2026-10-19\n  end: 2026-10-23\n", "  start: 2026-09-30\n  end: 2026-10-09\n"),
    "award-before-publicity-ends": edit(CYCLE, "{unit: meikeng-weishengyuan, level: 县级, date: 2026-11-10}",
                                        "{unit: meikeng-weishengyuan, level: 县级, date: 2026-10-21}"),
    "award-without-publicity": edit(CYCLE, "  - {unit: anlan-renmin-yiyuan, level: 市级, date: 2026-11-12, kind: 推荐}\n",
                                    "  - {unit: anlan-renmin-yiyuan, level: 市级, date: 2026-11-12, kind: 推荐}\n"
                                    "  - {unit: anlan-tushuguan, level: 县级, date: 2026-11-12}\n"),
    "twice-in-one-cycle": edit(CYCLE, "  - {unit: anlan-renmin-yiyuan, level: 市级, date: 2026-11-12, kind: 推荐}\n",
                               "  - {unit: anlan-renmin-yiyuan, level: 市级, date: 2026-11-12, kind: 推荐}\n"
                               "  - {unit: minzheng-fuwu-chuangkou, level: 县级, date: 2026-11-13}\n"),
    "revocation-before-award": edit(CYCLE, "holidays: [2026", "revocations:\n  - {unit: minzheng-fuwu-chuangkou, level: 县级, date: 2026-11-01, reason: 测试}\nholidays: [2026"),
    "phase-ends-before-start": edit(CYCLE, "deployment: {start: 2024-02-01, end: 2024-03-31}", "deployment: {start: 2024-02-01, end: 2024-01-20}"),
    "duplicate-award-without-notice": without_notice_award_twice,
    "skip-without-reason": edit(CYCLE, SKIP, ""),
    "skip-where-nothing-is-skipped": edit(CYCLE, "    - {unit: anlan-renmin-yiyuan, level: 市级}\n",
                                          "    - {unit: anlan-renmin-yiyuan, level: 市级, skip: {reason: 服务突出}}\n"),
    "archive-incomplete-upward": edit(CYCLE, "    - {unit: anlan-renmin-yiyuan, level: 市级}\n",
                                      "    - {unit: anlan-renmin-yiyuan, level: 市级}\n"
                                      "    - {unit: dianxin-jiefang-yingyeting, level: 市级}\n"),
    "person-without-consent": edit(CYCLE, "      consent: true\n", "      consent: false\n"),
    "person-unit-and-unit-name": edit(CYCLE, "      unit: shiqiao-jujia-yanglao\n",
                                      "      unit: shiqiao-jujia-yanglao\n      unit_name: 石桥乡居家养老服务中心\n"),
    "person-unknown-unit": edit(CYCLE, "      unit: shiqiao-jujia-yanglao\n", "      unit: shiqiao-jujia-yanglo\n"),
    "person-award-not-publicised": edit(CYCLE, "  - {name: 吴德海,", "  - {name: 吴得海,"),
    "person-award-before-publicity-ends": edit(CYCLE, "{name: 吴德海, level: 县级, date: 2026-11-10}",
                                               "{name: 吴德海, level: 县级, date: 2026-10-23}"),
    "person-award-twice": edit(CYCLE, "  - {name: 吴德海, level: 县级,", "  - {name: 林秀珍, level: 县级,"),
    "person-awards-without-publicity": only_people_awarded_without_publicity,
    "person-over-quota": edit(CYCLE, "个人: {县级: 2}", "个人: {县级: 1}"),
    "person-quota-not-stated": edit(CYCLE, "个人: {县级: 2}", "个人: {市级: 1}"),
    "revocation-of-nothing": edit(CYCLE, "holidays: [2026", "revocations:\n  - {unit: anlan-tushuguan, level: 县级, date: 2026-11-20, reason: 测试}\nholidays: [2026"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(RULES))
def test_cycle_rule_is_reported_with_location(demo: Path, case: str) -> None:
    RULES[case](demo)
    code, output = run_cli("validate", "--project", str(demo))
    assert code == 1
    assert_golden(f"cycles/{case}.txt", output)


def test_demo_cycles_are_valid_and_the_archive_is_intact() -> None:
    assert run_cli("validate", "--project", str(REPO))[0] == 0
    code, output = run_cli("verify", "--project", str(REPO))
    assert (code, output.splitlines()[0]) == (0, "归档 2021-2023：完好")
    # the commit that added the award list after archiving is listed for people to review
    assert all(line.startswith("  封存后改动过归档的提交") for line in output.splitlines()[1:])
    bagit.Bag(str(REPO / "archive/2021-2023")).validate()


def _archive_next_cycle(demo: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NEXT_YEAR)
    code, output = run_cli("archive", "2024-2026", "--project", str(demo), "--by", "测试员")
    assert code == 0, output
    return demo / "archive/2024-2026"


def test_archive_then_verify_and_the_independent_validator(
    demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bag = _archive_next_cycle(demo, monkeypatch)
    assert run_cli("verify", "--project", str(demo))[0] == 0
    bagit.Bag(str(bag)).validate()
    info = (bag / "bag-info.txt").read_text(encoding="utf-8")
    assert (
        "Cycle-Id: 2024-2026" in info
        and "Award-Date: 2026-11-12" in info
        and "Archived-By: 测试员" in info
    )
    assert sorted(p.name for p in (bag / "data/units").iterdir()) == [
        "anlan-qiche-zhan", "anlan-renmin-yiyuan", "meikeng-weishengyuan", "minzheng-fuwu-chuangkou",
        "shiqiao-jujia-yanglao",
    ]  # fmt: skip
    assert run_cli("archive", "2024-2026", "--project", str(demo))[0] == 1  # never overwritten


def test_an_open_cycle_cannot_be_archived(demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(
        "SOURCE_DATE_EPOCH", "1795000000"
    )  # 2026-11-18, still in the evaluation phase
    assert run_cli("archive", "2024-2026", "--project", str(demo))[0] == 1
    assert not (demo / "archive/2024-2026").exists()


@pytest.mark.parametrize(
    "tamper",
    ["flip-byte", "add-file", "delete-file", "edit-tag-file", "edit-tag-manifest", "entry-outside"],
)
def test_verify_names_each_tampered_file(demo: Path, tamper: str) -> None:
    bag = demo / "archive/2021-2023"
    target = bag / "data/units/anlan-renmin-yiyuan/unit.yml"
    if tamper == "flip-byte":
        data = bytearray(target.read_bytes())
        data[10] ^= 1
        target.write_bytes(bytes(data))
        expected = "archive/2021-2023/data/units/anlan-renmin-yiyuan/unit.yml：内容被改动（SHA-256 与清单不符）"
    elif tamper == "add-file":
        (bag / "data/extra.txt").write_text("后来加的", encoding="utf-8")
        expected = "archive/2021-2023/data/extra.txt：清单里没有这个文件（被后来加进去的）"
    elif tamper == "delete-file":
        target.unlink()
        expected = "archive/2021-2023/data/units/anlan-renmin-yiyuan/unit.yml：文件不见了"
    elif tamper == "edit-tag-file":
        (bag / "bag-info.txt").write_text("Archived-By: 别人\n", encoding="utf-8")
        expected = "archive/2021-2023/bag-info.txt：与 tagmanifest-sha256.txt 记录的不符：这个文件或 tagmanifest-sha256.txt 被改动"
    elif tamper == "edit-tag-manifest":
        manifest = bag / "tagmanifest-sha256.txt"
        lines = manifest.read_text(encoding="utf-8").splitlines()
        lines = ["0" * 64 + " bagit.txt" if line.endswith(" bagit.txt") else line for line in lines]
        manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
        expected = "archive/2021-2023/bagit.txt：与 tagmanifest-sha256.txt 记录的不符：这个文件或 tagmanifest-sha256.txt 被改动"
    else:
        manifest = bag / "manifest-sha256.txt"
        text = manifest.read_text(encoding="utf-8")
        manifest.write_text(text + "0" * 64 + " ../../../etc/hostname\n", encoding="utf-8")
        expected = "archive/2021-2023/manifest-sha256.txt：第 8 行的「../../../etc/hostname」指向归档以外，不予核对（清单被改动）"
    code, output = run_cli("verify", "--project", str(demo))
    assert code == 1
    assert expected in output.splitlines()


def test_editing_an_awarded_unit_leaves_the_archive_page_unchanged(demo: Path) -> None:
    before = build_pages(demo).pages
    unit = demo / "units/anlan-renmin-yiyuan/unit.yml"
    unit.write_text(
        unit.read_text(encoding="utf-8").replace("一律优先。", "一律优先，全年无休。"),
        encoding="utf-8",
    )
    after = build_pages(demo).pages
    assert (
        after["units/anlan-renmin-yiyuan/index.md"] != before["units/anlan-renmin-yiyuan/index.md"]
    )
    for path in before:
        if path.startswith("archive/2021-2023/"):
            assert after[path] == before[path], path
    assert "全年无休" not in after["archive/2021-2023/index.md"]


def _git(root: Path, *args: str, when: str | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}  # fmt: skip
    if when:
        env |= {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def test_archive_takes_units_as_they_stood_on_the_award_date(
    demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (demo / "hooks").unlink()
    _git(demo, "init", "-q")
    _git(demo, "add", "-A")
    _git(demo, "commit", "-q", "-m", "award-time data", when="2026-11-01T10:00:00")
    unit = demo / "units/meikeng-weishengyuan/unit.yml"
    unit.write_text(
        unit.read_text(encoding="utf-8").replace("免费体检", "免费体检（已改）"), encoding="utf-8"
    )
    _git(demo, "commit", "-q", "-am", "edited after the awards", when="2026-11-25T10:00:00")
    bag = _archive_next_cycle(demo, monkeypatch)
    frozen = (bag / "data/units/meikeng-weishengyuan/unit.yml").read_text(encoding="utf-8")
    assert "已改" not in frozen
    provenance = (bag / "data/provenance.json").read_text(encoding="utf-8")
    assert '"来源": "git 历史"' in provenance


def test_bundle_is_deterministic_and_its_hash_is_on_the_archive_page(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pure function of the committed bag: no browser is needed, and the bytes equal the
    committed hash on any machine (the award-list PDF was rendered into the bag once)."""
    monkeypatch.setenv("PATH", str(tmp_path))  # no chromium, no git
    first, second = tmp_path / "a.zip", tmp_path / "b.zip"
    assert run_cli("bundle", "2021-2023", "--project", str(demo), "--out", str(first))[0] == 0
    assert run_cli("bundle", "2021-2023", "--project", str(demo), "--out", str(second))[0] == 0
    assert first.read_bytes() == second.read_bytes()
    digest = (demo / "archive/2021-2023.bundle.sha256").read_text(encoding="utf-8").split()[0]
    assert digest in build_pages(demo).pages["archive/2021-2023/index.md"]
    assert (
        digest == (REPO / "archive/2021-2023.bundle.sha256").read_text(encoding="utf-8").split()[0]
    )


def test_cycle_pages_show_phase_publicity_awards_and_revocation(demo_site: Path) -> None:
    cycle = (demo_site / "cycles/2024-2026/index.html").read_text(encoding="utf-8")
    reference = read_history(REPO).reference_date  # the commit's date, as the build used it
    assert reference is not None, "the demo site is built from a git checkout"
    assert f"截至 {reference.isoformat()}" in cycle
    assert "评选表彰阶段" in cycle and "公示已结束" in cycle and "5 个工作日" in cycle
    assert "../../units/minzheng-fuwu-chuangkou/" in cycle and "市级" in cycle
    old = (demo_site / "cycles/2021-2023/index.html").read_text(encoding="utf-8")
    assert "已摘牌" in old
    unit = (demo_site / "units/anlan-zilaishui/index.html").read_text(encoding="utf-8")
    assert "jl-revoked-title" in unit and "已于 2025-03-15 摘牌" in unit
    archive = (demo_site / "archive/2021-2023/index.html").read_text(encoding="utf-8")
    assert (
        "bagit.py --validate" in archive
        and (demo_site / "archive/2021-2023/bag/manifest-sha256.txt").is_file()
    )


def test_the_cycle_list_gives_each_cycle_one_line(demo_site: Path) -> None:
    index = (demo_site / "cycles/index.html").read_text(encoding="utf-8")
    assert "<li>当前：本届已结束；公示已结束 · 县级 3 个</li>" in index
    # the county named 4, one of them not on the platform (named_counts): the count, not the list
    assert "公示已结束 · 县级 4 个 · 市级 1 个 · 省级 1 个 · 敬老模范人物 2 名</li>" in index


def test_each_nominee_and_award_is_its_own_list_item(demo_site: Path) -> None:
    """A list line ending in a Jinja block tag lost its newline and ran into the next item."""
    page = (demo_site / "cycles/2021-2023/index.html").read_text(encoding="utf-8")
    cycle = page[: page.index('id="aftercare"')]  # 复查 and 摘牌 name units again, below
    for unit in ("anlan-renmin-yiyuan", "anlan-qiche-zhan", "anlan-zilaishui"):
        assert cycle.count(f'<li><a href="../../units/{unit}/">') == 2, unit  # 公示 and awards


def test_a_reasoned_skip_is_valid_and_shown_with_its_approval(demo_site: Path) -> None:
    """县级 → 省级 with a reason on record: no error (the demo validates), a note on the page."""
    cycle = (demo_site / "cycles/2024-2026/index.html").read_text(encoding="utf-8")
    note = (
        "越级推荐：开设老年旅客爱心窗口、电话预约购票和接送站服务，做法被省交通运输厅作为典型"
        "在全省推广（批准文件：安澜县敬老文明号创建活动领导小组会议纪要〔2026〕3号）"
    )
    assert cycle.count(note) == 2  # on the 公示, and on the recommendation publicised under it


def test_people_are_listed_apart_from_units(demo_site: Path) -> None:
    cycle = (demo_site / "cycles/2024-2026/index.html").read_text(encoding="utf-8")
    publicity = cycle[cycle.index('id="publicity-people"') : cycle.index('id="awards"')]
    assert "<strong>林秀珍</strong>" in publicity and "拟表彰为县级敬老模范人物" in publicity
    assert "主要事迹：从事助餐服务八年" in publicity and "溪口村老年协会志愿者队长" in publicity
    awards = cycle[cycle.index('id="awards-people"') :]
    assert "<strong>吴德海</strong>（溪口村老年协会志愿者队长）：县级 2026-11-10 授予" in awards


def test_a_person_without_consent_is_never_named(demo: Path) -> None:
    """The file is in error, and even so the page a build would make names nobody."""
    edit(CYCLE, "      consent: true\n", "      consent: false\n")(demo)
    site = site_data(load(demo))
    cycle = next(c for c in site["cycles"] if c["id"] == "2024-2026")
    page = renderer(demo, site)("cycle.md.j2", cycle=cycle)
    assert "林秀珍" not in page and "送餐上门" not in page
    assert (
        "- 姓名未公开（[石桥乡居家养老服务中心](../../units/shiqiao-jujia-yanglao/index.md)助餐员）："
        in page
    )
    assert "吴德海" in page  # who did consent is still named


def test_an_upward_nominee_is_not_told_about_the_county_evaluation(demo: Path) -> None:
    RULES["archive-incomplete-upward"](demo)
    output = run_cli("validate", "--project", str(demo))[1]
    assert "不能向市级推荐" in output and "县级评比" not in output


def _build_at(clock: str, project: Path, site: Path, env: dict[str, str]) -> str:
    """Build ``project`` with the machine's clock set to ``clock``; return the build log."""
    faketime = shutil.which("faketime")
    assert faketime, "需要 faketime：apt-get install faketime（.ci/run 会安装）"
    done = subprocess.run([faketime, clock, sys.executable, "-m", "mkdocs", "build", "-d", str(site)],
                          cwd=project, check=True, capture_output=True, text=True, env=env)  # fmt: skip
    return done.stderr


def _files(site: Path) -> dict[Path, bytes]:
    return {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}


CLOCKS = ("2026-12-01 08:00:00", "2031-06-15 23:30:00")


def test_two_builds_with_different_clocks_are_byte_identical(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    logs = [_build_at(clock, REPO, tmp_path / clock[:4], env) for clock in CLOCKS]
    first, second = (_files(tmp_path / clock[:4]) for clock in CLOCKS)
    assert first.keys() == second.keys()
    assert [p for p in first if first[p] != second[p]] == []
    assert all("构建日期取自当前提交的时间" in log for log in logs)


def test_a_source_export_without_git_honours_source_date_epoch(tmp_path: Path) -> None:
    """A release tarball or the archive bundle has no .git: SOURCE_DATE_EPOCH makes it
    reproducible, and without it the log says the machine's clock was used."""
    export = copy_project(REPO, tmp_path / "export")
    env = dict(os.environ, SOURCE_DATE_EPOCH="1764374400")  # 2025-11-29
    logs = [_build_at(clock, export, tmp_path / clock[:4], env) for clock in CLOCKS]
    first, second = (_files(tmp_path / clock[:4]) for clock in CLOCKS)
    assert [p for p in first if first.get(p) != second.get(p)] == []
    assert all("构建日期取自 SOURCE_DATE_EPOCH（2025-11-29）" in log for log in logs)
    env.pop("SOURCE_DATE_EPOCH")
    log = _build_at(CLOCKS[0], export, tmp_path / "clock", env)
    assert "构建日期取自本机当前时间" in log


@pytest.mark.parametrize(
    ("cycle_id", "today", "phase"),
    [
        ("2024-2026", "2026-11-01", "评选表彰阶段（创建实施阶段同时进行）"),
        ("2024-2026", "2024-03-01", "全面部署阶段"),
        ("2021-2023", "2022-05-01", "评选表彰阶段 2023-06-01 开始"),  # between two phases
        ("2021-2023", "2024-01-01", "本届已结束"),
    ],
)
def test_the_current_phase_reads_overlaps_and_gaps(cycle_id: str, today: str, phase: str) -> None:
    project = load(REPO)
    cycles = cycles_data(project.cycles, {}, date.fromisoformat(today))["cycles"]
    assert next(c for c in cycles if c["id"] == cycle_id)["current_phase"] == phase


def test_the_notice_shows_its_creation_standards_as_a_table(demo_site: Path) -> None:
    cycle = (demo_site / "cycles/2024-2026/index.html").read_text(encoding="utf-8")
    table = cycle[cycle.index('id="criteria"') : cycle.index('id="publicity"')]
    assert (
        '<td data-label="分值">10 分</td><td data-label="评分办法">每缺一项扣 2 分，扣完为止</td>'
        in table
    )
    assert '<td data-label="考核方法">实地查看、暗访</td>' in table
    assert (
        "未设为老服务窗口或专区的，本项不得分" in table and "<strong>合计 100 分</strong>" in table
    )
    # the conditions written as one line each stay a list above the table
    assert "<li>最近一次群众评议满意度不低于 90%</li>" in cycle[: cycle.index('id="criteria"')]


def test_an_item_without_points_shows_not_stated_and_no_total(demo: Path) -> None:
    edit(CYCLE, "      points: 20\n", "")(demo)
    edit(CYCLE, "  total_points: 100\n", "")(demo)
    assert run_cli("validate", "--project", str(demo))[0] == 0  # nothing to invent
    page = build_pages(demo).pages["cycles/2024-2026/index.md"]
    assert '<td data-label="分值">未写明</td>' in page and "合计" not in page


def test_awards_show_plan_against_actual_and_what_the_list_leaves_out(demo_site: Path) -> None:
    cycle = (demo_site / "cycles/2024-2026/index.html").read_text(encoding="utf-8")
    for line in ("县级：计划 5 个，实际命名 4 个（名单列出 3 个）", "市级：计划推荐 1 个，实际推荐 1 个",
                 "敬老模范人物县级：计划 2 名，实际命名 2 名"):  # fmt: skip
        assert f"<li>{line}</li>" in cycle, line
    assert "县级共命名 4 个，下面列出在本平台的 3 个。" in cycle
    assert "本届尚未公布表彰名单" not in cycle


AWARDS = (
    "awards:\n  - {unit: minzheng-fuwu-chuangkou, level: 县级, date: 2026-11-10}\n"
    "  - {unit: shiqiao-jujia-yanglao, level: 县级, date: 2026-11-10}\n"
    "  - {unit: meikeng-weishengyuan, level: 县级, date: 2026-11-10}\n"
    "  - {unit: anlan-renmin-yiyuan, level: 市级, date: 2026-11-12, kind: 推荐}\n"
    "  - {unit: anlan-qiche-zhan, level: 省级, date: 2026-11-12, kind: 推荐}\n"
)
PERSON_AWARDS = (
    "person_awards:\n  - {name: 林秀珍, level: 县级, date: 2026-11-10}\n"
    "  - {name: 吴德海, level: 县级, date: 2026-11-10}\n"
)


@pytest.mark.parametrize(
    ("remove", "shown"),
    [
        ((AWARDS, PERSON_AWARDS), "县级共命名 4 个，表彰文件没有列出单位名单。"),
        ((AWARDS, NAMED_COUNTS), "- **林秀珍**（"),
        ((AWARDS, NAMED_COUNTS, PERSON_AWARDS), "本届尚未公布表彰名单。"),
    ],
    ids=["only-counts", "only-people", "nothing"],
)
def test_awards_not_yet_published_only_when_none_were_made(
    demo: Path, remove: tuple[str, ...], shown: str
) -> None:
    for text in remove:
        edit(CYCLE, text, "")(demo)
    assert run_cli("validate", "--project", str(demo))[0] == 0
    page = build_pages(demo).pages["cycles/2024-2026/index.md"]
    assert shown in page
    assert ("本届尚未公布表彰名单" in page) == (len(remove) == 3)


def test_the_round_names_the_cycle_wherever_it_is_named(demo_site: Path) -> None:
    unit = (demo_site / "units/minzheng-fuwu-chuangkou/index.html").read_text(encoding="utf-8")
    assert "第二届（2024-2026）县级敬老文明号" in unit
    first = (demo_site / "units/anlan-renmin-yiyuan/index.html").read_text(encoding="utf-8")
    assert "2021-2023 届县级敬老文明号" in first  # no round written: the year span


def test_reviews_and_a_withdrawal_by_document_are_on_the_cycle_page(demo_site: Path) -> None:
    cycle = (demo_site / "cycles/2021-2023/index.html").read_text(encoding="utf-8")
    after = cycle[cycle.index('id="aftercare"') :]
    assert "限期 2024-12-31 前整改。结论：保留称号。" in after
    assert "限期 2025-01-31 前整改。结论：撤销称号。" in after
    assert "依据 <strong>安老组发〔2025〕2号</strong> 撤销称号：" in after
    assert "县级称号，2025-03-15 摘牌，收回牌匾。" in after
    assert "2025-03-15 已摘牌</strong>（安老组发〔2025〕2号，收回牌匾）" in cycle  # on the award


def test_one_document_withdraws_several_units_together(demo: Path) -> None:
    document = "安老组发〔2026〕9号"
    entries = "".join(
        f"  - {{unit: {u}, level: 县级, date: 2026-11-25, reason: 测试, document: {document}}}\n"
        for u in ("minzheng-fuwu-chuangkou", "meikeng-weishengyuan")
    )
    edit(CYCLE, "holidays: [2026", f"revocations:\n{entries}holidays: [2026")(demo)
    assert run_cli("validate", "--project", str(demo))[0] == 0
    page = build_pages(demo).pages["cycles/2024-2026/index.md"]
    group = page[page.index(f"依据 **{document}** 撤销 2 个单位的称号：") :]
    assert (
        "民政窗口](../../units/minzheng-fuwu-chuangkou/index.md)：县级称号，2026-11-25 摘牌"
        in group
    )
    assert "梅坑镇卫生院](../../units/meikeng-weishengyuan/index.md)：县级称号" in group
    assert "plaque" not in group and "牌匾" not in group  # not stated: not shown


def test_an_archived_cycle_keeps_its_round_and_stated_counts(
    demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bag = _archive_next_cycle(demo, monkeypatch)
    award_list = (bag / "data/award-list.html").read_text(encoding="utf-8")
    assert "届次 第二届（2024-2026）" in award_list
    assert "<p>县级共命名 4 个，表中列出在本平台的 3 个。</p>" in award_list
    pages = build_pages(demo).pages
    assert "县级共命名 4 个，表中列出在本平台的 3 个。" in pages["archive/2024-2026/index.md"]
    assert "安澜县第二届敬老文明号评选表彰（2024-2026）" in pages["archive/2024-2026/index.md"]
    assert "](2024-2026/index.md)：6 个表彰或推荐" in pages["archive/index.md"]


def test_the_archive_page_lists_each_source_file_as_its_own_item() -> None:
    page = build_pages(REPO).pages["archive/2021-2023/index.md"]
    sources = page.split("## 来源", 1)[1].split("\n## ", 1)[0]
    items = [line for line in sources.splitlines() if line.startswith("- ")]
    assert len(items) >= 4 and all(line.count("`：") == 1 for line in items), items
