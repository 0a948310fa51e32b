"""The search index: the county's synonym list is data, validated with located Chinese problems;
the index holds unit and policy pages only, with the synonyms their text answers."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from jinglao.county.synonyms import SYNONYMS_FILE, Synonyms, load_synonyms
from jinglao.search.index import index_site, indexed_pages, synonym_terms, with_synonyms

from .conftest import REPO, run_cli

UNIT_IDS = sorted(p.name for p in (REPO / "units").iterdir() if p.is_dir())
POLICY_IDS = sorted(p.stem for p in (REPO / "content/policies").glob("*.md"))
TASK_IDS = [
    t["slug"] for t in yaml.safe_load((REPO / "content/tasks.yml").read_text("utf-8"))["tasks"]
]


def _write(root: Path, text: str) -> None:
    path = root / SYNONYMS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_the_county_list_loads_without_problems() -> None:
    synonyms, problems = load_synonyms(REPO)
    assert problems == []
    assert synonyms.extra_terms("老年人门诊优先挂号") == ["看病", "看医生", "就医", "瞧病"]
    assert synonyms.extra_terms("凭老年人优待证") == ["老年证", "老人证", "敬老证"]
    assert synonyms.extra_terms("银行卡挂失") == []


def test_a_malformed_list_is_reported_at_its_line_in_chinese(demo: Path) -> None:
    _write(demo, "synonyms:\n  - words: [看病]\n    means: []\n  - words: 坐车\n    mean: [乘车]\n")
    code, report = run_cli("validate", "--project", str(demo))
    assert code == 1
    lines = [line for line in report.splitlines() if line.startswith(SYNONYMS_FILE)]
    assert re.match(rf"{SYNONYMS_FILE}:3:\d+: 错误 .*页面上写的词", lines[0]), report
    assert any(line.startswith(f"{SYNONYMS_FILE}:4:") for line in lines), report
    assert any(line.startswith(f"{SYNONYMS_FILE}:5:") for line in lines), report
    assert "Traceback" not in report


def test_broken_yaml_is_a_located_error_not_a_traceback(demo: Path) -> None:
    _write(demo, "synonyms:\n  - words: [看病\n")
    code, report = run_cli("validate", "--project", str(demo))
    assert code == 1
    assert re.search(rf"^{SYNONYMS_FILE}:\d+:\d+: 错误", report, re.M), report


def test_a_word_may_stand_for_itself_and_others() -> None:
    synonyms, _ = load_synonyms(REPO)
    assert synonyms.expansions()["优先窗口"] == ["优先窗口", "为老服务窗口", "优先叫号", "敬老优先"]
    assert synonyms.expansions()["看病"] == ["挂号", "门诊"]
    assert synonyms.extra_terms("优先窗口") == ["绿色通道", "老年窗口"]  # not itself again


def test_a_list_linked_from_outside_the_repository_is_never_read(tmp_path: Path) -> None:
    outside = tmp_path / "outside.yml"
    outside.write_text("synonyms:\n  - words: [秘密]\n    means: [挂号]\n", encoding="utf-8")
    root = tmp_path / "project"
    (root / "content/search").mkdir(parents=True)
    (root / SYNONYMS_FILE).symlink_to(outside)
    synonyms, problems = load_synonyms(root)
    assert synonyms.extra_terms("挂号") == []
    assert problems and "仓库以外" in problems[0].message


def test_synonyms_of_a_heading_weigh_more_than_those_of_a_mention() -> None:
    synonyms, _ = load_synonyms(REPO)
    page = (
        '<div data-pagefind-body><h3 id="p">老年人优待证办理</h3><p>带上身份证。门诊在一楼。</p>'
        "<p data-jl-search-terms hidden></p></div>"
    )
    assert synonym_terms(page, synonyms) == {
        5: ["老年证", "老人证", "敬老证"],
        1: ["看病", "看医生", "就医", "瞧病"],
    }
    indexed, changed = with_synonyms(page, synonyms)
    assert changed
    assert '<span data-pagefind-weight="5">老年证、老人证、敬老证。</span>' in indexed
    assert with_synonyms("<p>门诊</p>", synonyms) == ("<p>门诊</p>", False)  # no marked element


def test_page_text_is_matched_as_read_and_synonyms_are_written_as_text() -> None:
    synonyms, _ = load_synonyms(REPO)
    page = "<p>挂<b>号</b> &lt;门诊&gt;</p><p data-jl-search-terms hidden></p>"
    # 挂<b>号</b> is no word 挂号 (a tag splits it); &lt;门诊&gt; reads <门诊>, which has 门诊
    assert synonym_terms(page, synonyms) == {1: ["看病", "看医生", "就医", "瞧病"]}
    hostile = Synonyms((("门诊", ("<script>alert(1)</script>",)),))
    indexed, _ = with_synonyms(page, hostile)
    assert "<script>" not in indexed and "&lt;script&gt;alert(1)" in indexed


def test_the_built_site_indexes_units_and_policies_only(demo_site: Path) -> None:
    marked = sorted(
        p.relative_to(demo_site).as_posix()
        for p in demo_site.rglob("*.html")
        if "data-pagefind-body" in p.read_text(encoding="utf-8")
    )
    assert marked == sorted(
        [f"units/{u}/index.html" for u in UNIT_IDS]
        + [f"tasks/{t}/index.html" for t in TASK_IDS]
        + [f"policies/{p}/index.html" for p in POLICY_IDS]
    )
    assert indexed_pages(demo_site) == len(UNIT_IDS) + len(TASK_IDS) + len(POLICY_IDS)
    counts = (("units", len(UNIT_IDS)), ("tasks", len(TASK_IDS)), ("policies", len(POLICY_IDS)))
    for bundle, count in counts:
        entry = json.loads((demo_site / f"pagefind/{bundle}/pagefind-entry.json").read_bytes())
        assert entry["languages"]["zh"]["page_count"] == count
    assert not (demo_site / "search/search_index.json").exists()  # no Material search
    page = (demo_site / "guide/index.html").read_text(encoding="utf-8")
    assert 'class="jl-header-search"' in page and 'action="../search/"' in page


def _indexed_texts(site: Path, bundle: str) -> dict[str, str]:
    """Each page's indexed text by URL, read back from the bundle's fragments."""
    import gzip

    texts = {}
    for fragment in (site / "pagefind" / bundle / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes())
        page = json.loads(data[data.index(b"{") :])
        texts[page["url"]] = page["content"].replace("\u200b", "")
    return texts


def test_page_furniture_and_repeated_tables_stay_out_of_the_index(demo_site: Path) -> None:
    """The jump menu, the QR caption and the time-limit table (the procedures below repeat it)
    are not indexed: every unit would match 扫码 or 目录, and a word on every page costs each
    search time in the reader's browser."""
    texts = _indexed_texts(demo_site, "units")
    hospital = texts["/units/anlan-renmin-yiyuan/"]
    assert "病历复印" in hospital and "法定时限" in hospital  # the procedures themselves are
    for furniture in ("手机扫码打开本页", "本页目录", "事项承诺时限法定时限"):
        assert not any(furniture in text for text in texts.values()), furniture


def test_indexing_twice_gives_the_same_site(demo_site: Path, tmp_path: Path) -> None:
    import shutil

    site = tmp_path / "site"
    shutil.copytree(demo_site, site)
    hospital = site / "units/anlan-renmin-yiyuan/index.html"
    built = hospital.read_text(encoding="utf-8")
    assert re.search(r"<p data-jl-search-terms hidden>相关说法：<span[^>]*>[^<]*看病", built)
    (site / "pagefind/stale.txt").write_text("old", encoding="utf-8")
    result = index_site(site, load_synonyms(REPO)[0])
    assert (
        result.pages == len(UNIT_IDS) + len(TASK_IDS) + len(POLICY_IDS) and result.with_synonyms > 0
    )
    assert hospital.read_text(encoding="utf-8") == built  # terms replaced, not added again
    assert not (site / "pagefind/stale.txt").exists()  # the previous bundle is replaced
    result = index_site(site, Synonyms())  # the county empties its list
    assert result.with_synonyms == 0 and "相关说法" not in hospital.read_text(encoding="utf-8")


def test_a_page_linked_from_outside_the_site_stops_the_indexing(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>首页</p>", encoding="utf-8")
    (tmp_path / "secret.html").write_text("<p>秘密</p>", encoding="utf-8")
    (site / "leak.html").symlink_to(tmp_path / "secret.html")
    code, _ = run_cli("search-index", "--project", str(REPO), str(site))
    assert code == 1
    assert not (site / "pagefind").exists()


def test_search_index_command_refuses_a_folder_that_is_no_site(tmp_path: Path) -> None:
    code, _ = run_cli("search-index", "--project", str(REPO), str(tmp_path))
    assert code == 2
    assert not (tmp_path / "pagefind").exists()


def test_serve_dirty_serves_the_search_and_does_not_index_again_on_an_edit(
    demo: Path, tmp_path: Path
) -> None:
    """An edit under ``mkdocs serve --dirty`` shows at once: the bundle of the first build stays
    (indexing 1,000 units takes half a minute), and it is served from the site itself."""
    import subprocess
    import sys

    from tests.support.net import fetch, free_port, wait_until

    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
            cwd=demo, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            assert wait_until(lambda: '"page_count"' in fetch(base + ENTRY), 120), log.read_text()
            unit = demo / "units/anlan-tushuguan/unit.yml"
            unit.write_text(
                unit.read_text(encoding="utf-8").replace("安澜县图书馆", "安澜县新图书馆"),
                encoding="utf-8",
            )
            built = "Documentation built in"
            assert wait_until(lambda: log.read_text(encoding="utf-8").count(built) >= 2, 120)
            assert "安澜县新图书馆" in fetch(base + "units/anlan-tushuguan/")
            assert log.read_text(encoding="utf-8").count("搜索索引：") == 1
            assert '"page_count"' in fetch(base + ENTRY)
        finally:
            server.terminate()
            server.wait(timeout=20)


ENTRY = "pagefind/units/pagefind-entry.json"


def test_a_pagefind_failure_is_said_in_chinese_with_the_folder(tmp_path: Path) -> None:
    import pytest

    from jinglao.search.index import IndexingError, _run_pagefind

    (tmp_path / "units").mkdir()  # nothing for Pagefind to index: it stops with an error
    with pytest.raises(IndexingError) as failed:
        _run_pagefind(tmp_path, "units", "units/*/index.html")
    message = str(failed.value)
    assert message.startswith(
        f"没有建好搜索索引 {tmp_path / 'pagefind' / 'units'}（网页 units/*/index.html）"
    )
    assert "Pagefind 的原始输出（英文）" in message
