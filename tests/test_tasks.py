"""The home page's 「我要办事」 entries: kept as data in content/tasks.yml, checked with located
Chinese messages, and each rendered as a page of the units and procedures for that task."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest

from jinglao.pipeline import build_pages
from jinglao.source.yamldoc import load_bytes
from jinglao.unit.canonical import unit_text

from .conftest import REPO, run_cli, strict_build

TASKS = "content/tasks.yml"
EVERYDAY = ["看病就医", "乘车出行", "办优待证", "银行办事", "水电气", "助餐养老", "文化活动"]


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    result = build_pages(REPO)
    assert result.pages, [p.as_text() for p in result.problems]
    return result.pages


def _task_page(pages: dict[str, str], slug: str) -> str:
    return pages[f"tasks/{slug}/index.md"]


def _units_on(page: str) -> list[str]:
    return re.findall(r'<h2 id="([a-z0-9-]+)"><a href="\.\./\.\./units/\1/">', page)


def test_home_page_offers_every_everyday_task_as_a_link(pages: dict[str, str]) -> None:
    home = pages["index.md"]
    entries = re.findall(r'<a class="jl-task" href="tasks/([a-z]+)/"><strong>(.+?)</strong>', home)
    assert [name for _, name in entries] == EVERYDAY
    for slug, _ in entries:
        assert f"tasks/{slug}/index.md" in pages
    assert home.index('class="jl-tasks"') < home.index("按行业查找")


def test_a_task_lists_the_units_of_its_sectors_and_their_procedures(
    pages: dict[str, str],
) -> None:
    page = _task_page(pages, "kanbing")
    assert _units_on(page) == ["anlan-renmin-yiyuan", "meikeng-weishengyuan"]
    assert '<a href="../../units/anlan-renmin-yiyuan/#proc-guahao">老年人门诊优先挂号</a>' in page
    assert "病历复印</a>：承诺 3个工作日（法定 7个工作日）" in page
    assert "为老服务窗口：门诊大厅一楼 1 号窗口" in page
    assert '<a href="tel:05996822001">' in page  # the supervision phone


def test_a_keyword_lists_only_the_matching_items_of_other_units(pages: dict[str, str]) -> None:
    page = _task_page(pages, "youdaizheng")
    assert _units_on(page) == ["minzheng-fuwu-chuangkou"]
    assert "老年人优待证办理</a>" in page
    assert "高龄津贴" not in page  # the same window's other procedure is not about this task
    culture = _task_page(pages, "wenhua")  # by benefit category: the association's free centre
    assert _units_on(culture) == ["anlan-tushuguan", "anlan-laonianren-xiehui"]


def test_unpublished_procedures_are_shown_as_declared(demo: Path) -> None:
    path = demo / "units/meikeng-weishengyuan/unit.yml"
    doc, problems = load_bytes("unit.yml", path.read_bytes())
    assert doc is not None and not problems
    data = doc.data
    data["disclosure"]["procedures"] = "未公布：正在整理体检流程"
    path.write_text(unit_text(data), encoding="utf-8")
    page = build_pages(demo).pages["tasks/kanbing/index.md"]
    clinic = page[page.index('id="meikeng-weishengyuan"') :]
    assert "办事流程未公布（正在整理体检流程）" in clinic.split("</section>")[0]


def _write_tasks(root: Path, text: str) -> None:
    (root / TASKS).write_text(text, encoding="utf-8")


BROKEN = """\
tasks:
  - name: 看病就医
    slug: kanbing
    summary: 挂号、看门诊
    sectors: [卫生院]
  - name: 乘车出行
    slug: kanbing
    summary: 坐车
    keywords: [车]
  - name: 办优待证
    slug: youdaizheng
    summary: 优待证
"""


def test_a_broken_task_file_gets_located_chinese_messages(demo: Path) -> None:
    _write_tasks(demo, BROKEN)
    code, output = run_cli("validate", "--project", str(demo))
    assert code == 1 and "Traceback" not in output
    assert output.startswith(f"{TASKS}:5:15: 错误 「相关行业」（sectors）第 1 项不能是「卫生院」")
    assert "是不是想写「卫生系统」" in output
    _write_tasks(demo, BROKEN.replace("sectors: [卫生院]", "sectors: [卫生系统]"))
    code, output = run_cli("validate", "--project", str(demo))
    lines = [line for line in output.splitlines() if line.startswith(TASKS)]
    assert any(
        line.startswith(f"{TASKS}:7:") and "网址名「kanbing」和第 1 项重复" in line
        for line in lines
    ), output
    assert any(line.startswith(f"{TASKS}:9:") and "只有一个字" in line for line in lines), output
    assert any(line.startswith(f"{TASKS}:10:") and "找不到任何单位" in line for line in lines), (
        output
    )
    assert "Traceback" not in output


def test_the_build_stops_on_a_broken_task_file_without_a_traceback(demo: Path) -> None:
    _write_tasks(demo, BROKEN.replace("sectors: [卫生院]", "sectors: [卫生系统]"))
    code, output = strict_build(demo)
    assert code == 1 and "Traceback" not in output
    assert f"{TASKS}:7:" in output


def test_a_task_file_that_links_out_of_the_repository_is_never_read(
    demo: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "elsewhere.yml"
    outside.write_text((REPO / TASKS).read_text(encoding="utf-8"), encoding="utf-8")
    (demo / TASKS).unlink()
    (demo / TASKS).symlink_to(outside)
    code, output = run_cli("validate", "--project", str(demo))
    assert code == 1 and TASKS in output and "Traceback" not in output
    assert "tasks/kanbing/index.md" not in build_pages(demo).pages


def test_without_a_task_file_the_home_page_has_no_task_section(demo: Path) -> None:
    (demo / TASKS).unlink()
    pages = build_pages(demo).pages
    assert 'class="jl-tasks"' not in pages["index.md"]
    assert not any(p.startswith("tasks/") for p in pages)


def test_task_text_cannot_add_markup_to_the_site(demo: Path) -> None:
    hostile = "<script>alert(1)</script>[链接](https://evil.example/)"
    _write_tasks(
        demo,
        "tasks:\n"
        f"  - name: '{hostile}'\n"
        "    slug: kanbing\n"
        f"    summary: '{hostile}'\n"
        "    sectors: [卫生系统]\n",
    )
    pages = build_pages(demo).pages
    for src in ("index.md", "tasks/kanbing/index.md"):
        html = markdown.markdown(pages[src].split("---", 2)[2], extensions=["attr_list", "tables"])
        assert "<script>" not in html and 'href="https://evil.example/"' not in html, src
        assert "&lt;script&gt;" in html, src
