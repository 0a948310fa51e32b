"""What 语音阅读 says on a unit page, section by section, in sentences built from the data
(「病历复印，承诺 3个工作日办结，法定 7个工作日」), never scraped from the tables: the page's
script reads these sentences one utterance each, so lines are never joined, and marks (✓),
web and mail addresses and file paths are left out here, once.

Sections carry the ids of the page's headings; ``summary`` comes first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..plain import Data

_NOISE = re.compile(
    r"(https?://|www\.)\S+"  # web addresses
    r"|[\w.+-]+@[\w-]+(\.[\w-]+)+"  # mail addresses
    r"|\S*/\S*\.(yml|yaml|md|json|csv|html)\b"  # file paths
    r"|[✓✗✔✘·]"  # marks
)
_SPACES = re.compile(r"\s+")
_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
ON_THE_SPOT = "即办"


def spoken(text: str) -> str:
    """A sentence as it should be heard: no addresses, paths or marks; dates and arrows in words."""
    text = _NOISE.sub(" ", text).replace("→", "改为")
    text = _DATE.sub(lambda m: f"{m[1]}年{int(m[2])}月{int(m[3])}日", text)
    text = _SPACES.sub(" ", text).strip(" ，、；")
    return "" if text.endswith("：") else text  # a label whose value was all noise


def _limit(name: str, promised: str, statutory: str | None) -> str:
    said = (
        f"{name}，当场办结" if promised.startswith(ON_THE_SPOT) else f"{name}，承诺 {promised}办结"
    )
    return said + (f"，法定 {statutory}" if statutory else "")


def _procedure(p: Data) -> Iterator[str]:
    limit = p["time_limit"]
    if limit.get("unpublished"):
        yield f"{p['name']}，办结时限{limit['promised'] or '未公布'}"
    else:
        yield _limit(p["name"], limit["promised"], limit.get("statutory"))
    for v in limit.get("variants", []):
        yield _limit(v["condition"], v["promised"], v.get("statutory"))
    if limit.get("note"):
        yield limit["note"]
    if p.get("window"):
        yield f"办理窗口：{p['window']}"
    materials = [m["name"] for m in p.get("materials", [])]
    if materials:
        yield f"要带的材料：{'、'.join(materials)}"
    steps = [s["name"] for s in p.get("steps", [])]
    if steps:
        yield f"办理步骤：{'；'.join(steps)}"


def _window(unit: Data) -> Iterator[str]:
    window = unit.get("window") or {}
    if window.get("place"):
        services = window.get("services") or []
        yield f"为老服务窗口：{window['place']}" + (
            f"，可以{'、'.join(services)}" if services else ""
        )


def _summary(unit: Data) -> Iterator[str]:
    """The page's top: who, where the elderly window is, whom to call with a complaint."""
    yield unit["name"]
    yield from _window(unit)
    phones = unit.get("supervision_phones", [])
    if phones:
        yield f"监督电话：{'、'.join(phones)}"


def _basics(unit: Data) -> Iterator[str]:
    if unit.get("address_text"):
        yield f"地址：{unit['address_text']}"
    for line in unit.get("opening", []):
        yield f"办公时间：{line}"
    for t in unit.get("timetable_views", []):
        yield f"{t['name']}：{t['text']}"
    yield from _window(unit)
    for group in unit.get("phone_groups", []):
        for phone in group["phones"]:
            yield f"{group['label']}：{phone['number']}" + (
                f"，{phone['hours']}" if phone.get("hours") else ""
            )
    for channel in unit.get("supervision_channels", []):
        yield f"{channel['kind']}：{channel['detail']}"


def _history(unit: Data) -> Iterator[str]:
    for entry in unit["history"].get("revisions", []):
        if entry["first"]:
            yield f"{entry['date']}，首次公开本单位资料"
        for e in entry["edits"]:
            yield f"{entry['date']}，{e['kind']}：{e['text']}" + (
                "，承诺降低" if e["weaker"] else ""
            )


def _sections(unit: Data) -> Iterator[tuple[str, list[str]]]:
    yield "summary", list(_summary(unit))
    yield "basics", list(_basics(unit))
    yield "commitments", [c["text"] for c in unit.get("commitment_views", [])]
    yield "services", [f"{s['name']}：{s['description']}" for s in unit.get("services", [])]
    yield "procedures", [s for p in unit.get("procedures", []) for s in _procedure(p)]
    yield "standards", [f"{s['name']}：{s['content']}" for s in unit.get("standards", [])]
    yield (
        "benefits",
        [
            f"{b['name']}：{t['who']}，{t['content']}"
            for b in unit.get("benefit_views", [])
            for t in b["tiers"]
        ],
    )
    yield (
        "facilities",
        [
            f"{f['name']}：{f['where']}" if f.get("where") else f["name"]
            for f in unit.get("facility_views", [])
        ],
    )
    yield "history", list(_history(unit))


def unit_speech(unit: Any) -> list[Data]:
    """The page's sections that have something to say, in page order, with their sentences."""
    found = []
    for section, sentences in _sections(unit):
        said = [s for s in (spoken(t) for t in sentences if t) if s]
        if said:
            found.append({"id": section, "sentences": said})
    return found
