"""Open data files: every unit as JSON (the model as published), its JSON Schema (generated from
the model at every build, so it never lags the data) and a register as CSV for Excel."""

from __future__ import annotations

import csv
import io
import json
from functools import cache
from typing import Any

from ..plain import Data
from ..schema.json_schema import records_schema, schema_text
from ..unit.model import Unit

DATA_LICENCE = "知识共享署名 4.0 国际许可协议（CC BY 4.0）"
DATA_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/deed.zh-hans"
"""Proposed by the developers (no licence was set by the county); the county office confirms it."""

CSV_COLUMNS = [
    ("id", "单位编号"),
    ("name", "单位名称"),
    ("sector", "行业类别"),
    ("level", "层级"),
    ("township", "所属乡镇"),
    ("address", "地址"),
    ("supervision_phones", "监督电话"),
    ("procedure_count", "公开办事流程数"),
    ("promised_time_limits", "各事项承诺时限"),
    ("gaps", "未公布事项"),
    ("archive_complete", "创建档案是否齐全"),
    ("eligible", "能否参加本届评选"),
    ("page_url", "单位页面"),
]


# A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets
# (OWASP "CSV injection"): =HYPERLINK(...) can leak data, =cmd|... ran programs in old Excel.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def inert_cell(text: str) -> str:
    """Text a spreadsheet shows as text: a leading apostrophe before a formula character."""
    return "'" + text if text.startswith(FORMULA_START) else text


def _json(value: Any) -> str:
    # Compact: json's C encoder only runs without indent (3× faster at 1,000 units).
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"


def published_unit(site: Data, unit: Data) -> Data:
    return {key: unit[key] for key in site["open_data_fields"]}


def _csv_row(unit: Data) -> list[str]:
    values = {
        **unit,
        "township": unit["township"] or "",
        "supervision_phones": "；".join(unit["supervision_phones"]),
        "procedure_count": unit["unpublished"]["procedures"] or str(len(unit["procedures"])),
        "gaps": "；".join(f"{g['label']}：{g['text']}" for g in unit["gaps"]),
        "promised_time_limits": "；".join(
            f"{p['name']}：{p['time_limit']['promised']}" for p in unit["procedures"]
        ),
        "archive_complete": "是" if unit["completeness"]["archive_complete"] else "否",
        "eligible": "是" if unit["completeness"]["eligible"] else "否",
    }
    return [inert_cell(str(values[key])) for key, _ in CSV_COLUMNS]


def register_csv(units: list[Data]) -> str:
    """UTF-8 with a BOM, so Excel on Windows opens the Chinese correctly."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([key for key, _ in CSV_COLUMNS])
    writer.writerows(_csv_row(u) for u in units)
    return "\ufeff" + out.getvalue()


SCHEMA_FILE = "data/units.schema.json"


@cache
def open_data_schema(site_url: str) -> str:
    """The schema of data/units.json (a list) and, as its ``#/$defs/Record``, of each
    data/units/<id>.json: the model as published, every field written, plus ``id``."""
    schema = records_schema(
        Unit,
        title="敬老文明号单位开放数据（data/units.json）",
        description="全部单位的公开资料，一个列表，每项是一个单位：字段与 unit.yml 相同（未填写的为 null "
        "或默认值），另加 id（单位编号）；data/units/<单位编号>.json 是其中一项（#/$defs/Record）。"
        f"许可：{DATA_LICENCE}（{DATA_LICENCE_URL}）。",
        schema_url=f"{site_url}{SCHEMA_FILE}" if site_url else "",
    )
    return schema_text(schema)


def open_data_files(site: Data) -> dict[str, str]:
    units = [published_unit(site, u) for u in site["units"]]
    files = {
        "data/units.json": _json(units),
        SCHEMA_FILE: open_data_schema(site["site_url"] or ""),
        "data/units.csv": register_csv(site["units"]),
    }
    for unit in units:
        files[f"data/units/{unit['id']}.json"] = _json(unit)
    return files
