"""The summary card at the top of a unit page: where the elderly window is, today's hours, what to
bring for the main procedure, and whom to call — what a reader on a phone needs before anything
else. Anything the unit did not publish reads 未公布; nothing is made up.

The data records no counts of how often each procedure is used, so the 「main」 procedure is the
first one the unit lists in force (the guide asks units to list their most-used procedure first)."""

from __future__ import annotations

from ..plain import Data
from ..schema.unpublished import UNPUBLISHED, listed, unpublished_text
from .model import Unit
from .procedure_view import OTHER

SUPERVISION_ROLE = "投诉监督"
CARD_ROLES = ("预约", SUPERVISION_ROLE)  # besides the first phone, on the card
EVERYONE = "所有申请人"  # what a material without 哪些情况需要 applies to, as the page says


def _material(material: Data) -> str:
    form = str(material["form"]) if material.get("form") else ""
    copies = f" {material['copies']} 份" if material.get("copies") else ""
    detail = (form + copies).strip()
    return str(material["name"]) + (f"（{detail}）" if detail else "")


def main_procedure(procedures: list[Data], unpublished: str | None) -> Data:
    """The first procedure in force and what every applicant brings to it; materials only some
    applicants need are counted, not listed (they are in the procedure itself)."""
    if unpublished or not procedures:
        return {"name": None, "anchor": None, "bring": [], "more": 0,
                "unpublished": unpublished or UNPUBLISHED}  # fmt: skip
    first = procedures[0]
    materials = first["materials"]
    everyone = [m for m in materials if m.get("applies_to") in (None, "", EVERYONE)]
    return {
        "name": first["name"],
        "anchor": first["anchor"],
        "bring": [_material(m) for m in everyone],
        "more": len(materials) - len(everyone),
        "unpublished": None if materials else UNPUBLISHED,
    }


def call_buttons(unit: Unit) -> Data:
    """The first phone the unit lists (where a reader asks), its booking phones (a reader without
    a smartphone books by phone) and its supervision phones, in the unit's order."""
    if isinstance(unit.phones, str):
        return {"phones": [], "unpublished": unpublished_text(unit.phones)}
    phones = listed(unit.phones)
    chosen = phones[:1] + [p for p in phones[1:] if p.role in CARD_ROLES]
    return {
        "phones": [
            {
                "label": "电话" if p.role == OTHER else f"{p.role}电话",
                "role": p.role,
                "number": p.number,
                "supervision": p.role == SUPERVISION_ROLE,
            }
            for p in chosen
        ],
        "unpublished": None if chosen else UNPUBLISHED,
    }
