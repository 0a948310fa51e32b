"""The summary card's facts (unit/summary.py): what to bring for the first procedure the unit
lists, whom to call, and 未公布 wherever the unit published nothing — never a made-up value."""

from __future__ import annotations

from typing import Any

from jinglao.unit.summary import call_buttons, main_procedure
from tests.test_week_hours import hospital


def _procedure(name: str, materials: list[dict[str, Any]]) -> dict[str, Any]:
    return {"name": name, "anchor": f"proc-{name}", "materials": materials}


def test_the_first_procedure_listed_is_the_main_one_and_only_materials_for_everyone_are_listed() -> (
    None
):
    first = _procedure(
        "挂号",
        [
            {"name": "身份证", "form": "原件", "copies": 1},
            {"name": "优待证", "applies_to": "所有申请人"},
            {"name": "代办人身份证", "form": "原件", "applies_to": "家属代办时"},
        ],
    )
    main = main_procedure([first, _procedure("复印", [{"name": "病历"}])], None)
    assert main == {
        "name": "挂号",
        "anchor": "proc-挂号",
        "bring": ["身份证（原件 1 份）", "优待证"],
        "more": 1,
        "unpublished": None,
    }


def test_nothing_published_reads_unpublished() -> None:
    assert main_procedure([_procedure("挂号", [])], None)["unpublished"] == "未公布"
    assert main_procedure([], None)["unpublished"] == "未公布"
    declared = main_procedure([], "未公布（正在梳理）")
    assert declared["unpublished"] == "未公布（正在梳理）" and declared["bring"] == []


def test_call_buttons_are_the_first_phone_booking_and_supervision_phones() -> None:
    calls = call_buttons(hospital())
    assert [(p["label"], p["number"]) for p in calls["phones"]] == [
        ("咨询电话", "0599-6822120"),
        ("预约电话", "0599-6822333"),  # booking without a smartphone
        ("投诉监督电话", "0599-6822001"),
    ]  # 急救 120 is not a service call: the page lists it with the others
    assert call_buttons(hospital(phones="未公布：新号码启用后公布")) == {
        "phones": [],
        "unpublished": "未公布（新号码启用后公布）",
    }
