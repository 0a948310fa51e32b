"""Lists that grow with the county stay out of the search index: a policy's 「引用本文件的单位」
names every citing unit (34,950 bytes at 1,000 units, over Zensical's 32 KB for one search field),
and each of those units' own pages is indexed anyway."""

from __future__ import annotations

import json
import re
from pathlib import Path

POLICY = "policies/yiliao-jigou-laonian-youxian"


def test_a_policys_citing_units_are_shown_but_not_indexed(demo_site: Path) -> None:
    page = (demo_site / POLICY / "index.html").read_text(encoding="utf-8")
    listed = re.search(r'<ul class="jl-unit-list"[^>]*>(.*?)</ul>', page, re.S)
    assert listed is not None
    names = re.findall(r"<a [^>]*>([^<]+)</a>", listed.group(1))
    assert len(names) >= 2, "the page still shows the citing units"
    index = json.loads((demo_site / "search/search_index.json").read_text(encoding="utf-8"))
    section = [d for d in index["docs"] if d["location"] == f"{POLICY}/#cited-by"]
    assert section, "the section's heading is still found"
    text = section[0]["text"].replace("\u200b", "")  # Material cuts Han text into words
    for name in names:
        assert name not in text, name
