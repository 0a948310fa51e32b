"""A unit file cannot put a script, a style, an iframe or a javascript: link on the site."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from .conftest import FIXTURES, copy_project
from .test_site_build import mkdocs_build

PAYLOADS = [
    "<script>alert(1)</script>",
    "[点我](javascript:alert(2))",
    "<iframe src=//evil.example></iframe>",
    "<style>body{display:none}</style>",
    "![x](https://evil.example/x.png)",
    "<a href='javascript:alert(3)'>链接</a>",
    "{: onclick=alert(4) }",
]


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _parsed(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Elements()
    parser.feed(html)
    return parser.tags


def _poison(unit_file: Path) -> None:
    text = unit_file.read_text(encoding="utf-8")
    joined = " ".join(PAYLOADS).replace('"', '\\"')
    text = text.replace("name: 测试窗口", f'name: "测试窗口 {joined}"')
    text = text.replace("intro: 最小的合格单位。", f'intro: "{joined}"')
    text = text.replace("  - 当场办结。", "\n".join(f'  - "{p}"' for p in PAYLOADS))
    text = text.replace("    - name: 优待证办理", f'    - name: "优待证 {joined}"')
    # the week for today.js sits in a single-quoted attribute: a quote must not end it
    week = f'    - name: "\'{joined}"\n      days: 周一至周五\n'
    text = text.replace("    - days: 周一至周五\n", week)
    unit_file.write_text(text, encoding="utf-8")


def test_unit_text_is_escaped_everywhere(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "minimal", tmp_path / "p")
    (project / "hooks").unlink()
    (project / "mkdocs.yml").write_text(
        (project / "mkdocs.yml")
        .read_text(encoding="utf-8")
        .replace("../../../hooks/", str(FIXTURES.parents[1] / "hooks") + "/"),
        encoding="utf-8",
    )
    _poison(project / "units/mini-window/unit.yml")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    for page in (
        "units/mini-window/index.html",
        "units/index.html",
        "townships/dongzhen/index.html",
        "index.html",
    ):
        html = (tmp_path / "site" / page).read_text(encoding="utf-8")
        parser = _Elements()
        parser.feed(html)
        assert not [t for t, _ in parser.tags if t in {"iframe", "style", "object", "embed"}], page
        scripts = [a for t, a in parser.tags if t == "script"]
        assert all(
            a.get("src", "") == "" or not a["src"].startswith(("http", "//")) for a in scripts
        )
        assert "alert(1)</script>" not in html
        for _, attrs in parser.tags:
            for name, value in attrs.items():
                assert not (value or "").strip().lower().startswith("javascript:"), (
                    page,
                    name,
                    value,
                )
                assert not name.startswith("on"), (page, name)
            assert "evil.example" not in (attrs.get("src") or "")
    unit_page = (tmp_path / "site/units/mini-window/index.html").read_text(encoding="utf-8")
    weeks = [a["data-jl-week"] for _, a in _parsed(unit_page) if a.get("data-jl-week")]
    assert [json.loads(w or "")["schedules"][0]["name"] for w in weeks] == [
        "'" + " ".join(PAYLOADS)
    ]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in unit_page
    assert re.search(r"\[点我\]\(javascript:alert\(2\)\)", unit_page)
