"""Each kind of bad input, put into a copy of a demo unit, gives an exact located Chinese report.

The expected reports are golden files in tests/golden/validate/ (regenerate with UPDATE_GOLDEN=1
and read the diff). Every case also goes through a real ``mkdocs build``: it must fail with the
same located message and never show a Python traceback.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import assert_golden, run_cli, strict_build

HOSPITAL = "units/anlan-renmin-yiyuan/unit.yml"
SOCIETY = "units/anlan-laonianren-xiehui/unit.yml"
MEIKENG = "units/meikeng-weishengyuan/unit.yml"
GONGJIAO = "units/anlan-gongjiao/unit.yml"
# Texts the cases change, as the canonical form writes them (jinglao fmt).
PROMISED_5 = "promised:\n          value: 5\n          unit: 工作日"
AGE_70 = "      - who:\n          age:\n            min: 70\n"


def edit(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return apply


def too_large(root: Path) -> None:
    path = root / SOCIETY
    path.write_text(path.read_text(encoding="utf-8") + "# 填充\n" * 200_000, encoding="utf-8")


def gbk(root: Path) -> None:
    path = root / SOCIETY
    path.write_bytes(path.read_text(encoding="utf-8").encode("gbk"))


def bom_and_crlf(root: Path) -> None:
    path = root / SOCIETY
    text = path.read_text(encoding="utf-8").replace("\n", "\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))


def bad_folder_name(root: Path) -> None:
    (root / "units/anlan-laonianren-xiehui").rename(root / "units/Anlan_XieHui")


def missing_unit_file(root: Path) -> None:
    (root / "units/xin-danwei").mkdir()
    (root / "units/xin-danwei/readme.md").write_text("还没写", encoding="utf-8")


def duplicate_name(root: Path) -> None:
    shutil.copytree(root / "units/anlan-laonianren-xiehui", root / "units/anlan-laoxie-fenhui")


def append(rel: str, text: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        path = root / rel
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")

    return apply


def together(*changes: Callable[[Path], None]) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        for change in changes:
            change(root)

    return apply


def deep_nesting(root: Path) -> None:
    path = root / SOCIETY
    path.write_text(path.read_text(encoding="utf-8") + "extra: " + "[" * 600 + "]" * 600 + "\n")


CASES: dict[str, Callable[[Path], None]] = {
    "yaml-syntax": edit(HOSPITAL, "name: 安澜县人民医院\n", "name: 安澜县人民医院: 总院\n"),
    "tab-indentation": edit(SOCIETY, "\n  location: 老年活动中心", "\n\tlocation: 老年活动中心"),
    "duplicate-key": edit(
        SOCIETY, "sector: 老年社会组织\n", "sector: 老年社会组织\nsector: 涉老部门\n"
    ),
    "alias": edit(HOSPITAL, "short_name: 县医院\n", "short_name: &n 县医院\nvillage: *n\n"),
    "unknown-key": edit(SOCIETY, "\naddress:", "\nadress:"),
    "missing-disclosure": edit(
        SOCIETY,
        "  standards:\n    - name: 接待规范\n      content: 来访有登记、有回复、有回访。\n",
        "",
    ),
    "missing-result": edit(
        SOCIETY,
        "      result:\n        delivery:\n          - 窗口领取\n",
        "      outcome:\n        delivery:\n          - 窗口领取\n",
    ),
    "empty-value": edit(SOCIETY, "address: 安澜县城关镇文化路 9 号老年活动中心", "address:   "),
    "blank-text": edit(SOCIETY, "intro: 县老年人协会", 'intro: "   "\nfoo: 县老年人协会'),
    "wrong-type": edit(SOCIETY, PROMISED_5, PROMISED_5.replace("value: 5", "value: 三天")),
    "bad-sector": edit(SOCIETY, "sector: 老年社会组织", "sector: 老年组织"),
    "bad-time-unit": edit(SOCIETY, PROMISED_5, PROMISED_5.replace("unit: 工作日", "unit: 天")),
    "promised-longer": edit(
        HOSPITAL,
        "promised:\n          value: 3\n          unit: 工作日",
        "promised:\n          value: 10\n          unit: 工作日",
    ),
    "bad-date": edit(SOCIETY, "date: 2025-10-29", "date: 2025/10/29"),
    "bad-phone": edit(SOCIETY, "number: 0599-6823366", "number: 6823-366"),
    "unknown-policy": edit(
        SOCIETY,
        "policies:\n    - laonianren-quanyi-baozhangfa\n",
        "policies:\n    - laonianren-fa\n",
    ),
    "unknown-township": edit(
        "units/meikeng-weishengyuan/unit.yml", "township: 梅坑镇", "township: 梅坑乡"
    ),
    # A shape error leaves the cross-file rules the parts that are well-formed: one run, all three.
    "shape-and-cross-file-errors": together(
        edit(MEIKENG, "township: 梅坑镇", "township: 梅坑乡"),
        edit(MEIKENG, "      visits: 1\n", "      visits: 一次\n"),
        edit(
            MEIKENG,
            "legal_basis:\n        - yiliao-jigou-laonian-youxian\n",
            "legal_basis:\n        - yiliao-youxian\n",
        ),
    ),
    # A malformed id is one problem (its shape); a well-formed unknown one beside it is another.
    "malformed-beside-unknown-policy": together(
        edit(MEIKENG, "      visits: 1\n", "      visits: 一次\n"),
        edit(
            MEIKENG,
            "policies:\n    - yiliao-jigou-laonian-youxian\n",
            "policies:\n    - 医疗机构优先\n    - yiliao-youxian\n",
        ),
    ),
    "percent-sign": edit(
        "units/anlan-qiche-zhan/unit.yml", "satisfaction: 94.0", "satisfaction: 99.99%"
    ),
    "age-in-words": edit(GONGJIAO, AGE_70, AGE_70.replace("70", "百岁")),
    "procedure-id-in-chinese": edit(HOSPITAL, "    - id: guahao", "    - id: 挂号"),
    # The titles a file with an error claims still count on the ladder: no 市级 "not qualified".
    "claimed-title-counts-despite-shape-error": together(
        append(GONGJIAO, "honours:\n  - {level: 县级, cycle: 2021-2023}\n"),
        edit(GONGJIAO, AGE_70, AGE_70.replace("70", "百岁")),
        edit(
            "cycles/2024-2026.yml",
            "    - {unit: anlan-renmin-yiyuan, level: 市级}\n",
            "    - {unit: anlan-renmin-yiyuan, level: 市级}\n    - {unit: anlan-gongjiao, level: 市级}\n",
        ),
    ),
    "name-without-consent": edit(
        "units/anlan-tushuguan/unit.yml",
        "    methods:\n      - 工作牌\n",
        "    methods:\n      - 工作牌\n    staff:\n      - {post: 馆员, name: 张三}\n",
    ),
    "no-supervision": edit(SOCIETY, "  - role: 投诉监督\n    number: 0599-6823367\n", ""),
    "variant-promised-longer": edit(
        "units/anlan-zilaishui/unit.yml",
        "promised:\n              value: 15\n",
        "promised:\n              value: 25\n",
    ),
    "duplicate-procedure-id": edit(HOSPITAL, "    - id: bingli-fuyin", "    - id: guahao"),
    "duplicate-honour": append(
        SOCIETY,
        "honours:\n  - {level: 县级, cycle: 2021-2023}\n  - {level: 县级, cycle: 2021-2023}\n",
    ),
    "township-level-without-township": edit(
        "units/meikeng-weishengyuan/unit.yml", "township: 梅坑镇\n", ""
    ),
    "age-bands-overlap": edit(
        GONGJIAO, "min: 60\n            max: 69\n", "min: 60\n            max: 75\n"
    ),
    "phones-as-one-line": edit(
        SOCIETY,
        "phones:\n  - role: 咨询\n    number: 0599-6823366\n"
        "  - role: 投诉监督\n    number: 0599-6823367\n",
        "phones: 0599-6823366",
    ),
    "published-date-month-13": edit(SOCIETY, "  - date: 2025-10-29", "  - date: 2025年13月"),
    "commitment-kind-unknown": edit(
        GONGJIAO, "commitments:\n  - ", "commitments:\n  - {text: 不得拒收现金, kind: 保证}\n  - "
    ),
    "unpublished-commitment": edit(
        GONGJIAO, "commitments:\n  - ", "commitments:\n  - 未公布\n  - "
    ),
    "no-opening-hours": edit(
        SOCIETY,
        "opening_hours:\n  schedules:\n    - days: 周二至周日\n      periods:\n"
        "        - 08:00-11:30\n        - 14:30-21:00\n\n",
        "",
    ),
    "fee-parts-do-not-add-up": edit(
        "units/anlan-zilaishui/unit.yml",
        "        - item: 工料费\n          price: 按实际用料收取，价格表在营业厅公示",
        "        - {item: 报装费, price: 每户 300 元, amount: 300, unit: 元/户,"
        " parts: [{item: 水表, amount: 180, unit: 元/户}, {item: 人工, amount: 100, unit: 元/户}]}",
    ),
    "step-range-reversed": edit(
        "units/anlan-zilaishui/unit.yml",
        "- name: 现场勘查\n          time_limit:\n            value: 2\n",
        "- name: 现场勘查\n          time_limit:\n            value: 2\n            up_to: 1\n",
    ),
    "not-utf8": gbk,
    "deep-nesting": deep_nesting,
    "raw-nul": edit(SOCIETY, "intro: 县老年人协会", "intro: 县老年人\x00协会"),
    "escaped-nul": edit(SOCIETY, "name: 安澜县老年人协会", 'name: "安澜县老年人\\0协会"'),
    "bidi-override": edit(SOCIETY, "name: ", "name: \u202e"),
    "file-too-large": too_large,
    "bad-folder-name": bad_folder_name,
    "missing-unit-file": missing_unit_file,
    "duplicate-name": duplicate_name,
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_is_reported_with_location(demo: Path, case: str) -> None:
    CASES[case](demo)
    code, output = run_cli("validate", "--project", str(demo))
    assert code == 1
    assert "错误" in output
    assert_golden(f"validate/{case}.txt", output)


# Inputs that are right, though a careless rule would flag them: each fails when its rule breaks.
ACCEPTED: dict[str, Callable[[Path], None]] = {
    # 10 calendar days is within 5 working days once weekends and a long holiday are counted
    "calendar-days-within-working-days": edit(
        SOCIETY,
        "      time_limit:\n        " + PROMISED_5,
        "      time_limit:\n        statutory: {value: 5, unit: 工作日}\n        promised: {value: 10, unit: 日}",
    ),
    # nominated in the archived 2021-2023 cycle: checked against its archive as it stood then
    "archived-nominee-archive-now-incomplete": edit(
        "units/anlan-zilaishui/unit.yml",
        "  plan:\n    title: 自来水公司敬老文明号创建方案\n    date: 2026-03-05\n",
        "",
    ),
    # Thu, Fri, the Saturday worked instead of a holiday (workdays), Mon, Tue: 5 working days
    "publicity-counts-a-worked-saturday": edit(
        "cycles/2024-2026.yml",
        "  start: 2026-10-19\n  end: 2026-10-23\n",
        "  start: 2026-10-08\n  end: 2026-10-13\n",
    ),
}


@pytest.mark.parametrize("case", sorted(ACCEPTED))
def test_right_input_is_accepted(demo: Path, case: str) -> None:
    ACCEPTED[case](demo)
    assert run_cli("validate", "--project", str(demo)) == (0, "检查通过：没有发现问题。\n")


def test_bom_and_crlf_are_accepted(demo: Path) -> None:
    bom_and_crlf(demo)
    assert run_cli("validate", "--project", str(demo)) == (0, "检查通过：没有发现问题。\n")


@pytest.mark.parametrize("case", sorted(CASES))
def test_mkdocs_build_fails_with_the_same_report(demo: Path, case: str) -> None:
    CASES[case](demo)
    _, report = run_cli("validate", "--project", str(demo))
    code, output = strict_build(demo)
    assert code == 1
    assert "Traceback" not in output
    first_problem = report.splitlines()[0]
    assert first_problem in output
