"""What a hall manager needs: each unit page names its own screen, boards and cards by full URL,
and the 大厅显示屏 page (its own menu entry, not under 统计) gives each unit a copy-ready kiosk
command with the unit's real screen address."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from jinglao.pipeline import build_pages

from .conftest import REPO

SITE = "https://jinglao.example.org/"
UNIT_IDS = sorted(p.name for p in (REPO / "units").iterdir() if p.is_dir())
KIOSK = "chromium --kiosk --noerrdialogs --disable-infobars --disable-session-crashed-bubble --incognito"


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return build_pages(REPO).pages


@pytest.mark.parametrize("unit_id", ["anlan-renmin-yiyuan", "qingxi-gongdiansuo"])
def test_unit_page_links_its_own_screen_boards_and_cards_by_full_url(
    pages: dict[str, str], unit_id: str
) -> None:
    page = pages[f"units/{unit_id}/index.md"]
    for path in ("screens/{}/", "print/{}/", "print/{}/a3/", "print/{}/cards/"):
        url = SITE + path.format(unit_id)
        assert f'<a href="{url}">{url}</a>' in page, url
    assert f"](../../screens/index.md#{unit_id})" in page
    assert page.index("{#signage}") < page.index("## 更新记录")


def test_screens_page_gives_every_unit_a_kiosk_command_with_its_address(
    pages: dict[str, str],
) -> None:
    page = pages["screens/index.md"]
    commands = re.findall(r"^```bash\n(.+)\n```$", page, re.M)
    assert sorted(commands) == sorted(f"{KIOSK} {SITE}screens/{u}/" for u in UNIT_IDS)
    for unit_id in UNIT_IDS:
        section = page[page.index(f"{{#{unit_id}}}") :]
        assert section.index(f"{SITE}screens/{unit_id}/") < section.index("```bash")


def test_without_a_site_address_no_command_pretends_to_have_one(demo: Path) -> None:
    config = demo / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(f"site_url: {SITE}\n", ""), encoding="utf-8"
    )
    page = build_pages(demo).pages["screens/index.md"]
    assert "chromium --kiosk" not in page.split("#list")[1]
    assert "还没有设置" in page
    assert '<a href="anlan-zilaishui/">anlan-zilaishui/</a>' in page  # links still work


def test_the_screens_page_has_its_own_menu_entry(demo_site: Path) -> None:
    home = (demo_site / "index.html").read_text(encoding="utf-8")
    tabs = re.findall(r'class="md-tabs__link">\s*(.+?)\s*</a>', home)
    assert "大厅显示屏" in tabs, tabs
    stats = (demo_site / "stats/index.html").read_text(encoding="utf-8")
    nested = stats[stats.index("统计图表") : stats.index("评选表彰")]
    assert "大厅显示屏" not in nested
