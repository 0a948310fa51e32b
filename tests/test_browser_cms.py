"""The web editor in Chromium against its local backend: a clerk opens the county hospital at
/admin/, changes one promised time limit and saves; the file's git diff is that one value, the
data still validates, and nothing else changed. Then an edit inside nested lists (procedure →
time limit → variants) and a new item in a list.

decap-server (tests/browser/package.json) serves a copy of the repository made for the test, so
the real tree is never written; the page is served from the copy's content/ folder.
"""

from __future__ import annotations

import os
import queue
import shutil
import socket
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from jinglao.source.yamldoc import load_bytes
from jinglao.unit.canonical import unit_text
from tests.browser.harness import serve

from .conftest import REPO, copy_project, run_cli

DECAP_SERVER = REPO / "tests" / "browser" / "node_modules" / "decap-server" / "dist" / "index.js"
HOSPITAL = "units/anlan-renmin-yiyuan/unit.yml"


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=测试", "-c", "user.email=test@example.org", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    return done.stdout


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _lines_of(stream: Any) -> queue.Queue[str]:
    """The lines a process prints, as they come (read by a thread, waited for with a timeout)."""
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:
        for line in stream:
            lines.put(line)

    threading.Thread(target=read, daemon=True).start()
    return lines


@pytest.fixture
def editor(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """(URL of /admin/, repository copy) with decap-server running on the copy."""
    node = shutil.which("node")
    assert node and DECAP_SERVER.is_file(), (
        "需要 node 和 decap-server：npm install --prefix tests/browser"
    )
    repo = copy_project(REPO, tmp_path / "repo")
    port = _free_port()
    config = repo / "content" / "admin" / "config.yml"
    text = config.read_text(encoding="utf-8")
    assert "\nlocal_backend: true\n" in text
    config.write_text(
        text.replace(
            "\nlocal_backend: true\n", f"\nlocal_backend:\n  url: http://127.0.0.1:{port}/api/v1\n"
        ),
        encoding="utf-8",
    )
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "起点")
    env = {
        **os.environ,
        "PORT": str(port),
        "BIND_HOST": "127.0.0.1",
        "GIT_REPO_DIRECTORY": str(repo),
        "MODE": "fs",
        "LOG_LEVEL": "info",
    }
    server = subprocess.Popen(
        [node, str(DECAP_SERVER)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
    )
    try:
        lines = _lines_of(server.stdout)
        while "Proxy Server listening on" not in (line := lines.get(timeout=60)):
            assert server.poll() is None, line
        with serve(repo / "content") as url:
            yield url + "admin/", repo
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture
def page(browser: Any, editor: tuple[str, Path]) -> Iterator[Any]:
    """The editor opened and logged in to the local backend; requests elsewhere are refused."""
    url, _ = editor
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    elsewhere: list[str] = []

    def only_here(route: Any) -> None:
        if route.request.url.startswith("http://127.0.0.1:"):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    context.route("**/*", only_here)
    opened = context.new_page()
    opened.goto(url)
    opened.get_by_role("button", name="登录").click()
    opened.get_by_text("安澜县人民医院", exact=True).first.wait_for()
    yield opened
    context.close()
    assert elsewhere == [], "网页编辑器向别的网站发了请求"


def _open_hospital(page: Any) -> None:
    page.get_by_text("安澜县人民医院", exact=True).first.click()
    page.get_by_text("公开事项", exact=True).first.wait_for()


def _list_item(scope: Any, summary: str) -> Any:
    """A list item, by the summary shown on its collapsed bar, expanded."""
    title = scope.locator(f'xpath=.//div[normalize-space(text())="{summary}"]').first
    title.locator("xpath=preceding-sibling::div[1]/button[1]").click()
    return title.locator("xpath=..")


def _object(scope: Any, label: str) -> Any:
    """An object field, by its label, expanded (optional objects start collapsed)."""
    field = scope.locator(
        f'xpath=.//div[@aria-label="object field"][./div/label[normalize-space(text())="{label}"]]'
    ).first
    toggle = field.get_by_test_id("expand-button").first
    if toggle.get_attribute("aria-label") == "Expand":  # Decap 3.16 has no Chinese for it
        toggle.click()
    expect(toggle).to_have_attribute("aria-label", "Collapse")
    return field


def _number(scope: Any, label: str) -> Any:
    box = scope.locator(
        f'xpath=.//div[@aria-label="number field"][./div/label[starts-with(normalize-space(.),"{label}")]]//input'
    ).first
    box.wait_for()
    return box


def _publish(page: Any) -> None:
    page.get_by_role("button", name="发布").first.click()
    page.get_by_text("立即发布", exact=True).click()
    page.get_by_text("已发布", exact=True).first.wait_for()


def _hospital_data(repo: Path) -> Any:
    doc, problems = load_bytes(HOSPITAL, (repo / HOSPITAL).read_bytes())
    assert doc is not None, problems
    return doc.data


def _changed_lines(repo: Path) -> dict[str, int]:
    """Lines added plus removed, by file, and every file that is new or changed."""
    changed = {}
    for row in _git(repo, "diff", "--numstat").splitlines():
        added, removed, path = row.split("\t")
        changed[path] = int(added) + int(removed)
    for row in _git(repo, "status", "--porcelain", "--untracked-files=all").splitlines():
        changed.setdefault(row[3:], -1)
    return changed


def _procedure(data: Any, pid: str) -> Any:
    return next(p for p in data["disclosure"]["procedures"] if p.get("id") == pid)


def test_one_promised_time_limit_changes_one_line(page: Any, editor: tuple[str, Path]) -> None:
    _, repo = editor
    before = _hospital_data(repo)
    _open_hospital(page)
    procedure = _list_item(page, "病历复印")
    promised = _object(_object(procedure, "办结时限"), "承诺时限")
    value = _number(promised, "时长数值")
    assert value.input_value() == "3"
    value.fill("2")
    _publish(page)

    assert _changed_lines(repo) == {HOSPITAL: 2}  # one line out, one line in
    diff = _git(repo, "diff", "-U0", HOSPITAL)
    body = [line for line in diff.splitlines() if line[:1] in "+-" and line[:3] not in "+++---"]
    assert body == [
        "-          value: 3",
        "+          value: 2",
    ]
    expected = before
    _procedure(expected, "bingli-fuyin")["time_limit"]["promised"]["value"] = 2
    assert _hospital_data(repo) == expected
    code, out = run_cli("validate", "--project", str(repo))
    assert code == 0, out


def test_nested_lists_edit_and_add(page: Any, editor: tuple[str, Path]) -> None:
    """procedures → time limit → variants: change a variant's promised days; add an item to the
    time limit's list of excluded steps."""
    _, repo = editor
    before = _hospital_data(repo)
    _open_hospital(page)
    procedure = _list_item(page, "病历复印")
    time_limit = _object(procedure, "办结时限")
    variant = _list_item(time_limit, "出院不满 7 天、病历尚未归档")
    value = _number(_object(variant, "承诺时限"), "时长数值")
    assert value.input_value() == "7"
    value.fill("6")
    time_limit.get_by_role("button", name="新增不计入时限的环节").click()
    item = time_limit.locator(
        'xpath=.//div[@aria-label="list field"][./div/label[starts-with(normalize-space(.),"不计入时限的环节")]]//input'
    ).last
    item.fill("节假日")
    _publish(page)

    expected = before
    limit = _procedure(expected, "bingli-fuyin")["time_limit"]
    limit["variants"][0]["promised"]["value"] = 6
    limit["excludes"] = ["节假日"]
    assert _hospital_data(repo) == expected
    assert (repo / HOSPITAL).read_text(encoding="utf-8") == unit_text(expected)
    assert _changed_lines(repo) == {HOSPITAL: 4}  # the value (2 lines), excludes: and its item
    code, out = run_cli("validate", "--project", str(repo))
    assert code == 0, out
