"""Shared helpers: the repository, fixture projects, and copies of the demo county to break."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

import pytest

from jinglao.cli import main as cli_main

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
GOLDEN = REPO / "tests" / "golden"
UPDATE_GOLDEN = os.environ.get("UPDATE_GOLDEN") == "1"


def copy_project(source: Path, target: Path) -> Path:
    """A writable copy of a project; ``hooks`` is linked so mkdocs.yml finds the hook."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("units", "content", "theme", "cycles", "archive", "mkdocs.yml"):
        item = source / name
        if item.is_dir():
            shutil.copytree(item, target / name)
        elif item.is_file():
            shutil.copy2(item, target / name)
    (target / "hooks").symlink_to(REPO / "hooks", target_is_directory=True)
    return target


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    """A copy of the demo county that a test may edit."""
    return copy_project(REPO, tmp_path / "demo")


def run_cli(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    with redirect_stdout(out):
        code = cli_main(list(args))
    return code, out.getvalue()


def strict_build(project: Path) -> tuple[int, str]:
    """``mkdocs build --strict`` in ``project``: its exit code and everything it printed."""
    import subprocess
    import sys

    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
        cwd=project,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    return build.returncode, build.stdout + build.stderr


def assert_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE_GOLDEN or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        if not UPDATE_GOLDEN:
            pytest.fail(f"golden file {path} was missing and has been written; check it and rerun")
    assert actual == path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo county built once per test session with ``mkdocs build --strict``."""
    import subprocess
    import sys

    site = tmp_path_factory.mktemp("demo-site") / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=REPO,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="session")
def site_url(demo_site: Path) -> Iterator[str]:
    from tests.browser.harness import serve

    with serve(demo_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    from tests.browser.harness import CHROMIUM, CHROMIUM_ARGS

    assert CHROMIUM.exists(), "需要 Debian 的 chromium：apt-get install chromium（.ci/run 会安装）"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


ELDER = "try { localStorage.setItem('jl-elder', '1') } catch (e) {}"  # 长辈版 before load


@pytest.fixture
def open_page(browser: Any, site_url: str) -> Iterator[Any]:
    """``open_page(path, width, height, elder=, day=, js=)``: a page in its own context; ``day``
    fixes the reader's clock (Asia/Shanghai) before the page loads."""
    contexts = []

    def make(
        path: str, width: int = 390, height: int = 844, *, elder: bool = False,
        day: str | None = None, js: bool = True,
    ) -> Any:  # fmt: skip
        context = browser.new_context(
            viewport={"width": width, "height": height},
            timezone_id="Asia/Shanghai",
            java_script_enabled=js,
        )
        contexts.append(context)
        if elder:
            context.add_init_script(ELDER)
        if day is not None:
            context.clock.set_fixed_time(f"{day}T10:00:00+08:00")
        page = context.new_page()
        page.goto(site_url + path)
        return page

    yield make
    for context in contexts:
        context.close()


def is_shallow_checkout() -> bool:
    """Whether this repository is a shallow clone (its unit pages then say so, with no history)."""
    shallow = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--is-shallow-repository"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return shallow == "true"
