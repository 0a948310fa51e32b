"""Public pages carry no developer text: no file paths, no 编号 notes, no English (commit
subjects, generator notices), and the contributor and developer pages stay out of the public
menu, reached from the footer's 「单位参与指南」 link (issue #12 §4). Checked on the built demo."""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import yaml

from .conftest import REPO

# The contributor and developer section: the guide, 字段一览 (guide/fields), open data, the
# benchmark, the archive's verification records and the web editor. Everything else is public.
DEVELOPER_SECTION = ("guide/", "data/", "dev/", "archive/", "admin/")
# Words a reader meets in the data or in everyday Chinese text: paper sizes, 「App」, 「CT」, 「B 超」,
# 「5GB 流量」, and the programs a hall manager opens the screen with.
ALLOWED_WORDS = {"A3", "A4", "App", "CT", "B", "GB", "Linux", "Windows", "Chromium", "Chrome"}
_HIDDEN_TAGS = {"script", "style", "svg", "template", "pre"}  # <pre>: copy-ready commands
_SPOKEN_ATTRIBUTES = {"alt", "title", "aria-label", "placeholder"}
_ADDRESSES = re.compile(r"(https?://|www\.)\S+|[\w.+-]+@[\w-]+(\.[\w-]+)+|\?\w+=\S*")
_STAFF_NUMBER = re.compile(r"[A-Z]{1,3}-\d+")
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_.\-/]*")


class _VisibleText(HTMLParser):
    """What a reader sees or a screen reader says: text and the attributes that are spoken."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hidden += tag in _HIDDEN_TAGS
        self.parts += [v for k, v in attrs if k in _SPOKEN_ATTRIBUTES and v]

    def handle_endtag(self, tag: str) -> None:
        self.hidden -= tag in _HIDDEN_TAGS

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _VisibleText()
    parser.feed(html)
    return " ".join(parser.parts)


def public_pages(site: Path) -> dict[str, str]:
    pages = {}
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        if not rel.startswith(DEVELOPER_SECTION):
            pages[rel] = visible_text(page.read_text(encoding="utf-8"))
    return pages


def stray_words(text: str) -> set[str]:
    words = set(_WORD.findall(_ADDRESSES.sub(" ", text)))
    return {w for w in words if w not in ALLOWED_WORDS and not _STAFF_NUMBER.fullmatch(w)}


def _commit_subjects() -> list[str]:
    log = subprocess.run(
        ["git", "-C", str(REPO), "log", "--format=%s", "--", "units/"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    return [s for s in log.splitlines() if len(s) >= 12]


def test_public_pages_show_no_file_paths_id_notes_or_english(demo_site: Path) -> None:
    pages = public_pages(demo_site)
    assert "units/anlan-renmin-yiyuan/index.html" in pages and "index.html" in pages
    subjects = _commit_subjects()
    problems = []
    for rel, text in pages.items():
        problems += [f"{rel}: {s}" for s in ("unit.yml", ".yml", "units/", "编号") if s in text]
        problems += [f"{rel}: commit subject {s!r}" for s in subjects if s in text]
        problems += [f"{rel}: {w}" for w in sorted(stray_words(text))]
    assert problems == []


def test_developer_pages_are_out_of_the_public_menu(demo_site: Path) -> None:
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    listed = re.findall(r"'([^']+\.md)'", str(config["nav"]))
    assert listed and not [p for p in listed if p.startswith(DEVELOPER_SECTION)]
    home = (demo_site / "index.html").read_text(encoding="utf-8")
    menu = home[: home.index("<article")]  # the header, its tabs and the menu drawer
    assert "md-nav--primary" in menu
    assert not re.findall(r'href="(?:\./)?(?:guide|data|dev|archive|admin)/', menu)
    footer = home[home.index('<footer class="md-footer">') :]
    assert re.search(r'<a class="jl-guide-link" href="guide/">单位参与指南</a>', footer)
    guide = visible_text((demo_site / "guide/index.html").read_text(encoding="utf-8"))
    for page in ("字段一览", "开放数据", "性能基准", "归档记录与核对", "提交和更新资料"):
        assert page in guide


def test_the_word_check_finds_developer_text() -> None:
    """The allow-list lets data words through and catches the rest."""
    assert stray_words("血常规和 B 超，5GB 流量，工号 GH-01，yyjd@example.org") == set()
    assert stray_words("本页由 units/x/unit.yml 生成") == {"units/x/unit.yml"}
    assert stray_words("Made with Material for MkDocs") == {"Made", "with", "Material", "for",
                                                             "MkDocs"}  # fmt: skip
