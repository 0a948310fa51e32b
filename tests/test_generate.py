"""``jinglao generate --out`` writes a docs folder that plain MkDocs (no hooks) builds the same."""

from __future__ import annotations

from pathlib import Path

from jinglao.source.mkdocs_yml import hookless_config

from .conftest import FIXTURES, REPO, assert_golden, copy_project, run_cli
from .test_search import POLICY_IDS, TASK_IDS
from .test_site_build import mkdocs_build


def test_generated_folder_builds_without_hooks(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    code, output = run_cli("generate", "--project", str(REPO), "--out", str(docs))
    assert code == 0, output
    assert (docs / "units/anlan-renmin-yiyuan/index.md").is_file()
    assert (docs / "plan.md").is_file()  # hand-written content comes along
    config = hookless_config(REPO, docs, tmp_path / "mkdocs.yml")
    result = mkdocs_build(tmp_path, tmp_path / "site", str(config))
    assert result.returncode == 0, result.stderr
    unit_ids = [p.name for p in (REPO / "units").iterdir() if p.is_dir()]
    for unit_id in unit_ids:
        assert (tmp_path / "site/units" / unit_id / "index.html").is_file()
    # the search index for a site built without the hook (the Zensical path)
    assert not (tmp_path / "site/pagefind").exists()
    code, output = run_cli("search-index", "--project", str(REPO), str(tmp_path / "site"))
    assert (
        code == 0
        and f"已为 {len(unit_ids) + len(TASK_IDS) + len(POLICY_IDS)} 个页面建立搜索索引" in output
    )
    assert (tmp_path / "site/pagefind/units/pagefind.js").is_file()


def test_generate_refuses_a_broken_project(tmp_path: Path) -> None:
    code, _ = run_cli(
        "generate", "--project", str(FIXTURES / "minimal"), "--out", str(tmp_path / "ok")
    )
    assert code == 0
    broken = tmp_path / "broken"
    (broken / "units/x").mkdir(parents=True)
    (broken / "units/x/unit.yml").write_text("name: [\n", encoding="utf-8")
    code, _ = run_cli("generate", "--project", str(broken), "--out", str(tmp_path / "out"))
    assert code == 1
    assert not (tmp_path / "out").exists()


def test_generated_unit_page_matches_golden(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "minimal", tmp_path / "p")  # outside git: no history
    docs = tmp_path / "docs"
    assert run_cli("generate", "--project", str(project), "--out", str(docs))[0] == 0
    assert_golden(
        "pages/mini-window.md", (docs / "units/mini-window/index.md").read_text(encoding="utf-8")
    )
    assert_golden(
        "pages/dongzhen.md", (docs / "townships/dongzhen/index.md").read_text(encoding="utf-8")
    )
