"""Today's hours as data for the reader's browser (unit/week_hours.py): published weekday and
season wordings are read without guessing, and anything unreadable leaves the full hours."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import yaml

from jinglao.unit.model import Unit
from jinglao.unit.week_hours import season, week_hours, weekdays
from tests.conftest import REPO

HOSPITAL = REPO / "units" / "anlan-renmin-yiyuan" / "unit.yml"
BUILD_DAY = date(2026, 11, 29)


def hospital(**changes: Any) -> Unit:
    data = yaml.safe_load(HOSPITAL.read_text(encoding="utf-8")) | changes
    return Unit.model_validate(data)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("周一至周五", [1, 2, 3, 4, 5]),
        ("周一至周日", [1, 2, 3, 4, 5, 6, 7]),
        ("星期二到星期日", [2, 3, 4, 5, 6, 7]),
        ("周六至周一", [1, 6, 7]),  # a range may wrap over the weekend
        ("周六、周日", [6, 7]),
        ("每天", [1, 2, 3, 4, 5, 6, 7]),
        ("工作日", [1, 2, 3, 4, 5]),
        ("周 一 至 周 五", [1, 2, 3, 4, 5]),
    ],
)
def test_published_weekdays_are_read(text: str, days: list[int]) -> None:
    assert weekdays(text) == days


@pytest.mark.parametrize("text", ["节假日", "以公告为准", "周一至周五（节假日除外）", "逢圩日"])
def test_weekdays_that_need_a_guess_are_not_read(text: str) -> None:
    assert weekdays(text) is None


def test_seasons_are_month_day_ranges_and_may_wrap_over_the_new_year() -> None:
    assert season("5月1日至9月30日") == {"from": "05-01", "to": "09-30"}
    assert season("10月1日至次年4月30日") == {"from": "10-01", "to": "04-30"}
    assert season(None) is None
    assert season("春节期间") == {"unread": True}
    assert season("13月1日至9月30日") == {"unread": True}


def test_the_hospital_week_carries_both_seasons_and_its_notes() -> None:
    week = week_hours(hospital(), BUILD_DAY)
    assert week is not None
    assert [(s["name"], s["season"], s["days"], s["periods"]) for s in week["schedules"]] == [
        ("夏季门诊", {"from": "05-01", "to": "09-30"}, [1, 2, 3, 4, 5, 6, 7],
         ["07:30-12:00", "14:30-17:30"]),
        ("冬季门诊", {"from": "10-01", "to": "04-30"}, [1, 2, 3, 4, 5, 6, 7],
         ["08:00-12:00", "14:00-17:00"]),
    ]  # fmt: skip
    assert week["exceptions"][0].startswith("急诊 24 小时")


def test_an_unreadable_schedule_leaves_the_full_hours() -> None:
    hours = {"schedules": [{"days": "周一至周五", "periods": ["08:00-12:00"]},
                           {"days": "节假日", "periods": ["09:00-11:00"]}]}  # fmt: skip
    assert week_hours(hospital(opening_hours=hours), BUILD_DAY) is None


def test_unpublished_hours_or_a_closed_unit_have_no_today() -> None:
    assert week_hours(hospital(opening_hours="未公布：调整中"), BUILD_DAY) is None
    closed = hospital(status={"state": "暂停服务", "since": "2026-11-01"})
    assert week_hours(closed, BUILD_DAY) is None


def test_ended_and_suspended_schedules_are_left_out_and_a_future_one_says_when_it_starts() -> None:
    hours = {
        "schedules": [
            {"days": "每天", "periods": ["08:00-12:00"], "valid": {"until": "2026-06-30"}},
            {"days": "每天", "periods": ["09:00-12:00"], "valid": {"status": "暂停"}},
            {"days": "每天", "periods": ["08:30-17:30"]},
            {"days": "周一至周五", "periods": ["08:00-18:00"], "valid": {"since": "2027-01-01"}},
        ]
    }
    week = week_hours(hospital(opening_hours=hours), BUILD_DAY)
    assert week is not None
    assert [(s["periods"], s["since"]) for s in week["schedules"]] == [
        (["08:30-17:30"], None),
        (["08:00-18:00"], "2027-01-01"),
    ]
