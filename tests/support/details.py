"""The details beside a unit's headline facts, read from its model by this test's own rules:
opening-hour exceptions, what a material or a fee is for and its note, how often one must go,
a statutory limit's note, and what qualifies a promised limit, which must share its table row
so that a response time never reads as a completion time. Also lists that number a unit's own
numbers again (「1. 1. …」)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jinglao.schema.unpublished import listed
from jinglao.unit.model import Unit

from .facts import missing_in_order, plain_text, span

SIGNAGE = ("screen", "A4", "A3")


@dataclass
class Details:
    opening: list[str] = field(default_factory=list)  # exceptions to the opening hours
    materials: list[str] = field(default_factory=list)  # name, for whom, note
    fee_notes: list[str] = field(default_factory=list)  # a fee's note and who it applies to
    visits: list[str] = field(default_factory=list)  # procedure name, then 最多跑 N 次
    statutory_notes: list[str] = field(default_factory=list)  # procedure name, then the note
    # procedure name → what must stand next to its promised limit wherever a table prints it
    qualifiers: dict[str, list[str]] = field(default_factory=dict)


# Which outputs carry each section, and whether its facts follow the procedures' order.
CARRIERS = {
    "opening": (("page", *SIGNAGE), False),
    "materials": (("page", "screen"), False),
    "fee_notes": (("page", *SIGNAGE), False),
    "visits": (("page", *SIGNAGE), True),
    "statutory_notes": (("page", *SIGNAGE), True),
}
TABLES = ("page", "A4", "A3")  # outputs with a table of procedures and their limits


def details_of(unit: Unit) -> Details:
    found = Details()
    hours = unit.opening_hours
    if hours is not None and not isinstance(hours, str):
        found.opening = list(hours.exceptions)
    for proc in listed(unit.disclosure.procedures):
        for material in proc.materials:
            found.materials += [x for x in (material.name, material.applies_to, material.note) if x]
        for fee in proc.fees:
            who = fee.applies_to
            found.fee_notes += [fee.note] if fee.note else []
            if who is not None:
                found.fee_notes += [x for x in (*who.categories, who.residence, who.note) if x]
        if proc.visits is not None:
            found.visits += [
                proc.name,
                "不用跑" if proc.visits == 0 else f"最多跑 {proc.visits} 次",
            ]
        limit = proc.time_limit
        if isinstance(limit, str):
            continue
        if limit.statutory_note:
            found.statutory_notes += [proc.name, limit.statutory_note]
        variants = [f"{v.condition}：{span(v.promised)}" for v in limit.variants]
        qualifiers = ([limit.note] if limit.note else []) + variants
        if qualifiers:
            found.qualifiers[proc.name] = qualifiers
    return found


def _rows_lacking(markup: str, qualifiers: dict[str, list[str]]) -> list[str]:
    """Qualifiers missing from a table row that names their procedure."""
    lacking = []
    for row in re.findall(r"<tr\b.*?</tr>", markup, flags=re.S):
        text = plain_text(row)
        for name, needed in qualifiers.items():
            if name in text:
                lacking += [f"{name}: {q}" for q in needed if q not in text]
    return lacking


# A number a unit wrote before its own item (this test's rule, not the view's).
OWN_NUMBER = re.compile(
    r"\s*(?:\d+\s*[.\uff0e、](?!\d)|[（(][\d一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)"
)


def numbered_twice(markup: str) -> list[str]:
    """Items of a numbered list (<ol>, or a screen's bulleted slide) that carry a number of
    their own: 「1. 1. 老年人优先」 on the page, 「● 1. 老年人优先」 on the screen."""
    lists = re.findall(r"<ol\b.*?</ol>|<template[^>]*data-list[^>]*>.*?</template>", markup, re.S)
    items = [
        plain_text(i).strip() for block in lists for i in re.findall(r"<li\b.*?</li>", block, re.S)
    ]
    return [item for item in items if OWN_NUMBER.match(item)]


def detail_disagreements(unit: Unit, raw: dict[str, str]) -> list[str]:
    """Each detail an output that carries its section leaves out, each qualifier a table row
    leaves out, and each list item numbered twice."""
    details = details_of(unit)
    plain = {name: plain_text(text) for name, text in raw.items()}
    wrong = []
    for section, (names, ordered) in CARRIERS.items():
        facts: list[str] = getattr(details, section)
        for name in names:
            text = plain[name]
            lacking = (
                missing_in_order(text, facts) if ordered else [f for f in facts if f not in text]
            )
            wrong += [f"{name} lacks {section} detail {fact!r}" for fact in lacking]
    for name in TABLES:
        wrong += [f"{name} row lacks {q!r}" for q in _rows_lacking(raw[name], details.qualifiers)]
    for name, text in raw.items():
        wrong += [f"{name} numbers {item!r} again" for item in numbered_twice(text)]
    return wrong
