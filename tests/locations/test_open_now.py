"""Open now / closed now, always in the clinic's own time zone."""

import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from locations.hours import open_state, week_schedule

T = datetime.time
UTC = ZoneInfo("UTC")


def row(weekday, opens, closes, closed=False):
    return SimpleNamespace(weekday=weekday, opens=opens, closes=closes, closed=closed)


def at(year, month, day, hour, minute=0, zone="UTC"):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=ZoneInfo(zone))


# 2026-11-23 is a Monday.
MONDAY_9_TO_5 = [row(0, T(9), T(17))]
LATE_MONDAY = [row(0, T(18), T(23, 59))]
LUNCH_BREAK = [row(0, T(9), T(12)), row(0, T(13), T(17))]


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (at(2026, 11, 23, 9, 0, "America/Chicago"), True),
        (at(2026, 11, 23, 8, 59, "America/Chicago"), False),
        (at(2026, 11, 23, 16, 59, "America/Chicago"), True),
        (at(2026, 11, 23, 17, 0, "America/Chicago"), False),  # closing time is closed
        (at(2026, 11, 24, 10, 0, "America/Chicago"), False),  # Tuesday
    ],
)
def test_open_during_opening_hours_only(moment, expected):
    assert open_state(MONDAY_9_TO_5, [], "America/Chicago", moment).is_open is expected


def test_the_clinics_time_zone_decides_not_the_servers():
    # 15:30 UTC on Monday is 9:30 in Chicago (open) but 8:30 in Denver (closed).
    moment = at(2026, 11, 23, 15, 30)

    assert open_state(MONDAY_9_TO_5, [], "America/Chicago", moment).is_open
    assert not open_state(MONDAY_9_TO_5, [], "America/Denver", moment).is_open


def test_the_day_is_the_clinics_day_across_midnight_utc():
    # 04:30 UTC on Tuesday is still Monday 22:30 in Chicago.
    moment = at(2026, 11, 24, 4, 30)

    state = open_state(LATE_MONDAY, [], "America/Chicago", moment)

    assert state.is_open
    assert state.closes_at == T(23, 59)
    week = week_schedule(LATE_MONDAY, "America/Chicago", moment)
    assert [day.name for day in week if day.is_today] == ["Monday"]


def test_a_minute_after_local_midnight_is_the_next_day():
    moment = at(2026, 11, 24, 0, 1, "America/Chicago")  # Tuesday 00:01

    assert not open_state(LATE_MONDAY, [], "America/Chicago", moment).is_open
    week = week_schedule(LATE_MONDAY, "America/Chicago", moment)
    assert [day.name for day in week if day.is_today] == ["Tuesday"]


def test_daylight_saving_time_is_respected():
    # 2026-03-09 is a Monday after the switch to CDT (UTC-5): 14:00 UTC is 9:00.
    assert open_state(MONDAY_9_TO_5, [], "America/Chicago", at(2026, 3, 9, 14)).is_open
    # 2026-03-02, still CST (UTC-6): 14:00 UTC is 8:00, not open yet.
    assert not open_state(
        MONDAY_9_TO_5, [], "America/Chicago", at(2026, 3, 2, 14)
    ).is_open


def test_lunch_break_is_closed_and_says_when_it_reopens():
    state = open_state(
        LUNCH_BREAK, [], "America/Chicago", at(2026, 11, 23, 12, 30, "America/Chicago")
    )

    assert not state.is_open
    assert state.opens_at == T(13)


def test_a_holiday_closure_closes_the_clinic_for_the_day():
    closures = [
        SimpleNamespace(date=datetime.date(2026, 11, 23), note="Staff training")
    ]

    state = open_state(
        MONDAY_9_TO_5,
        closures,
        "America/Chicago",
        at(2026, 11, 23, 10, 0, "America/Chicago"),
    )

    assert not state.is_open
    assert state.closure_note == "Staff training"


def test_closed_rows_are_ignored():
    rows = [row(0, None, None, closed=True)]

    assert not open_state(
        rows, [], "America/Chicago", at(2026, 11, 23, 10, 0, "America/Chicago")
    ).is_open
