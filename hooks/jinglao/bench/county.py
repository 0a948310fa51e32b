"""A synthetic county for the benchmark: N varied, valid units in every sector and 12 townships.

The text is assembled from pools of real-sounding phrases with a fixed seed, so every unit differs
(as real ones do: search indexes and compression see varied text) and every run is the same.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

from ..schema import vocab
from .phrases import (
    ACTIONS,
    MATERIALS,
    NOUNS,
    PLACES,
    PROCEDURES,
    SERVICES,
    STEPS,
    SUBJECTS,
    TOWNSHIPS,
)

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _sentence(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)}{rng.choice(ACTIONS)}，{rng.choice(NOUNS)}{rng.choice(['公开透明', '规范高效', '热情周到', '限时办结'])}。"


def _paragraph(rng: random.Random, sentences: int) -> str:
    return "".join(_sentence(rng) for _ in range(sentences))


def _procedure(rng: random.Random, i: int) -> dict[str, object]:
    statutory = rng.randint(5, 20)
    return {
        "id": f"p{i + 1}",
        "name": f"{rng.choice(SUBJECTS)}{rng.choice(PROCEDURES)}",
        "conditions": [_sentence(rng)],
        "materials": [
            {"name": m, "copies": rng.randint(1, 2), "form": rng.choice(["原件", "复印件"])}
            for m in rng.sample(MATERIALS, 3)
        ],
        "steps": [
            {
                "name": s,
                "description": _sentence(rng),
                "time_limit": {"value": rng.randint(1, 3), "unit": "工作日"},
            }
            for s in rng.sample(STEPS, 4)
        ],
        "fees": [
            {"item": "工本费", "price": "免费", "applies_to": {"age": {"min": 60}}},
            {"item": "工本费", "price": f"{rng.randint(5, 30)}元"},
        ],
        "visits": rng.randint(0, 2),
        "time_limit": {
            "statutory": {"value": statutory, "unit": "工作日"},
            "promised": {"value": rng.randint(1, statutory), "unit": "工作日"},
            "variants": [
                {"condition": "农村地区", "promised": {"value": statutory, "unit": "工作日"}}
            ],
        },
        "result": {"delivery": ["窗口领取", "邮寄送达"], "description": _sentence(rng)},
        "legal_basis": ["laonianren-quanyi-baozhangfa"],
    }


def unit_data(index: int, rng: random.Random) -> dict[str, object]:
    sector = list(vocab.SECTOR_SLUGS)[index % len(vocab.SECTOR_SLUGS)]
    township = TOWNSHIPS[index % len(TOWNSHIPS)] if index % 3 else None
    name = f"{township or '安澜县'}第{index + 1}{rng.choice(['服务中心', '营业厅', '卫生院', '服务站', '营业部', '便民大厅'])}"
    return {
        "name": name,
        "sector": sector,
        "level": "乡镇" if township else "县级",
        **({"township": township} if township else {}),
        "address": f"安澜县{township or '城关镇'}{rng.choice(['中山路', '解放路', '人民路', '新华路'])} {index + 1} 号",
        "intro": _paragraph(rng, 3),
        "opening_hours": {
            "schedules": [{"days": "周一至周五", "periods": ["08:00-12:00", "14:30-17:30"]}]
        },
        "elderly_window": {
            "location": f"{rng.choice(PLACES)} {rng.randint(1, 9)} 号窗口",
            "services": rng.sample(SERVICES, 4),
        },
        "phones": [
            {"role": "咨询", "number": f"0599-68{index % 100000:05d}"[:12]},
            {"role": "投诉监督", "number": f"0599-69{index % 100000:05d}"[:12]},
        ],
        "commitments": [_sentence(rng) for _ in range(5)],
        "disclosure": {
            "channels": ["展示板", "电子显示屏", "网络平台"],
            "policies": ["laonianren-quanyi-baozhangfa", "sheng-youdai-laonianren-guiding"],
            "services": [
                {"name": s, "description": _paragraph(rng, 2)} for s in rng.sample(SERVICES, 3)
            ],
            "procedures": [_procedure(rng, i) for i in range(2)],
            "standards": [
                {"name": f"{rng.choice(NOUNS)}标准", "content": _paragraph(rng, 2)}
                for _ in range(3)
            ],
            "identification": {
                "methods": ["工作牌", "服务卡"],
                "staff": [{"post": "窗口受理员", "window": "1 号窗口"}],
            },
        },
        "benefits": [
            {
                "name": "老年人优先和减免",
                "category": "政务服务",
                "forms": ["优先", "免费"],
                "tiers": [
                    {"who": {"age": {"min": 60, "below": 70}}, "content": _sentence(rng)},
                    {"who": {"age": {"min": 70}}, "content": _sentence(rng)},
                ],
                "credentials": ["居民身份证"],
            }
        ],
        "activities": [
            {
                "date": f"2026-{m:02d}-{rng.randint(1, 28):02d}",
                "type": "志愿服务",
                "title": f"{rng.choice(SERVICES)}进社区",
                "reach": {"value": rng.randint(20, 500), "unit": "人次", "qualifier": "约"},
            }
            for m in (3, 9)
        ],
        "evaluations": [
            {
                "date": "2026-06-30",
                "method": "调查问卷",
                "title": "上半年满意度调查",
                "sample": {"value": rng.randint(50, 400), "unit": "份"},
                "satisfaction": round(rng.uniform(88, 99.5), 1),
            }
        ],
        "archive": {
            "plan": {"title": f"{name}创建方案", "date": "2026-03-01"},
            "schedule": [{"period": "3月至11月", "task": _sentence(rng)}],
            "leading_group": [{"role": "组长", "post": "负责人"}],
            "contents": [_sentence(rng)],
            "results": [_sentence(rng)],
        },
    }


def _cycle(unit_ids: list[str], townships: int) -> str:
    county_awards = unit_ids[: min(len(unit_ids), 5)]
    lines = [
        "title: 基准测试届次",
        "id: 2024-2026",
        "phases:",
        "  deployment: {start: 2024-02-01, end: 2024-03-31}",
        "  implementation: {start: 2024-04-01, end: 2026-06-30}",
        "  evaluation: {start: 2026-06-01, end: 2026-12-20}",
        "notice:",
        "  title: 评选通知",
        "  date: 2026-06-10",
        "  criteria: [创建档案齐全]",
        f"  quotas: {{县级: {len(county_awards)}}}",
        "  procedure: [单位申报]",
        "  assessment: 按办法考核。",
        "publicity:",
        "  start: 2026-10-19",
        "  end: 2026-10-23",
        "  basis: 实施方案",
        "  where: 本平台",
        "  how: 实名反映",
        "  phone: 0599-6821234",
        "  nominees:",
        *[f"    - {{unit: {u}, level: 县级}}" for u in county_awards],
        "awards:",
        *[f"  - {{unit: {u}, level: 县级, date: 2026-11-10}}" for u in county_awards],
    ]
    return "\n".join(lines) + "\n"


def generate_county(repo: Path, out: Path, count: int, seed: int = 2026) -> list[str]:
    """Write a complete project with ``count`` units to ``out``; return the unit ids."""
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(repo / "content", out / "content")
    shutil.copytree(repo / "theme", out / "theme")
    config = (repo / "mkdocs.yml").read_text(encoding="utf-8")
    for rel in (
        "hooks/mkdocs_hook.py",
        "hooks/mkdocs_parallel.py",
        "hooks/jinglao",
    ):  # the hook lives in the repository
        config = config.replace(f"  - {rel}\n", f"  - {repo / rel}\n")
    (out / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copy2(repo / "zensical.yml", out / "zensical.yml")
    (out / "units").mkdir(parents=True)
    townships = "\n".join(f"  - {{name: {t}, slug: t{i + 1}}}" for i, t in enumerate(TOWNSHIPS))
    (out / "units/county.yml").write_text(
        f"name: 安澜县\noffice: 县创建办\noffice_phone: 0599-6821234\ntownships:\n{townships}\n",
        encoding="utf-8",
    )
    ids = []
    for index in range(count):
        unit_id = f"danwei-{index + 1:05d}"
        folder = out / "units" / unit_id
        folder.mkdir()
        text = yaml.dump(
            unit_data(index, rng), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100
        )
        (folder / "unit.yml").write_text(text, encoding="utf-8")
        ids.append(unit_id)
    (out / "cycles").mkdir()
    (out / "cycles/2024-2026.yml").write_text(_cycle(ids, len(TOWNSHIPS)), encoding="utf-8")
    return ids
