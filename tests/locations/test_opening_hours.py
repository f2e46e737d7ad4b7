"""Opening hours as visitors read them (hours.py, no database): the week from Monday,
which ranges count, when the clinic next opens, when the answer next changes, and
which ranges an editor typed that overlap."""

import datetime
from types import SimpleNamespace
from unittest import mock
from zoneinfo import ZoneInfo

import pytest

from locations import hours
from locations.hours import DayHours, Weekday

T = datetime.time
CHICAGO = "America/Chicago"


def row(weekday, opens, closes, closed=False):
    return SimpleNamespace(weekday=weekday, opens=opens, closes=closes, closed=closed)


def chicago(year, month, day, hour, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=ZoneInfo(CHICAGO))


# 2026-11-23 is a Monday.
MONDAY_NOON = chicago(2026, 11, 23, 12)
LUNCH_BREAK = [row(0, T(13), T(17)), row(0, T(9), T(12))]  # typed out of order


def test_weekdays_are_numbered_as_python_numbers_them():
    assert [day.label for day in Weekday] == [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ]
    assert Weekday.MONDAY == datetime.date(2026, 11, 23).weekday() == 0


def test_a_day_is_closed_when_it_has_no_ranges():
    assert DayHours(weekday=6).closed
    assert DayHours(weekday=6).name == "Sunday"
    assert not DayHours(weekday=0, ranges=[(T(9), T(17))]).closed
    assert DayHours(weekday=0).ranges == [] and not DayHours(weekday=0).is_today


def test_ranges_are_grouped_by_day_in_time_order_without_closed_or_half_rows():
    rows = [
        *LUNCH_BREAK,
        row(2, T(9), T(17), closed=True),
        row(3, T(9), None),
        row(4, None, T(17)),
        row(5, T(10), T(14)),
    ]

    assert hours.ranges_by_weekday(rows) == {
        0: [(T(9), T(12)), (T(13), T(17))],
        1: [],
        2: [],
        3: [],
        4: [],
        5: [(T(10), T(14))],
        6: [],
    }


def test_the_week_starts_on_monday_and_marks_the_clinics_today():
    week = hours.week_schedule(LUNCH_BREAK, CHICAGO, MONDAY_NOON)

    assert [day.weekday for day in week] == list(range(7))
    assert [day.is_today for day in week] == [True] + [False] * 6
    assert week[0].ranges == [(T(9), T(12)), (T(13), T(17))]
    assert all(day.closed for day in week[1:])


def test_the_week_marks_today_from_the_clock_when_no_moment_is_given():
    wednesday = datetime.datetime(2026, 11, 25, 18, tzinfo=datetime.UTC)
    with mock.patch("django.utils.timezone.now", return_value=wednesday):
        week = hours.week_schedule([], CHICAGO)
        local = hours.local_now(CHICAGO)

    assert [day.name for day in week if day.is_today] == ["Wednesday"]
    assert local == wednesday
    assert local.tzinfo == ZoneInfo(CHICAGO)
    assert local.hour == 12


def test_open_says_when_it_closes_and_nothing_about_opening():
    state = hours.open_state(LUNCH_BREAK, [], CHICAGO, chicago(2026, 11, 23, 9))

    assert state == hours.OpenState(is_open=True, closes_at=T(12))
    assert state.opens_at is None and state.closure_note == ""


@pytest.mark.parametrize(
    ("moment", "opens_at"),
    [
        (chicago(2026, 11, 23, 7), T(9)),  # before the first range: the first
        (chicago(2026, 11, 23, 12), T(13)),  # at the end of one: the next
        (chicago(2026, 11, 23, 17), None),  # after the last: not today
        (chicago(2026, 11, 24, 10), None),  # a closed day
    ],
)
def test_closed_says_when_it_opens_today_if_it_does(moment, opens_at):
    state = hours.open_state(LUNCH_BREAK, [], CHICAGO, moment)

    assert state == hours.OpenState(is_open=False, opens_at=opens_at)


def test_a_closure_on_another_date_changes_nothing():
    closures = [SimpleNamespace(date=datetime.date(2026, 11, 24), note="Holiday")]

    state = hours.open_state(LUNCH_BREAK, closures, CHICAGO, chicago(2026, 11, 23, 10))

    assert state.is_open and state.closure_note == ""


def test_a_closure_is_read_on_the_clinics_date_not_the_servers():
    # 03:00 UTC on the 24th is still the 23rd in Chicago.
    closures = [SimpleNamespace(date=datetime.date(2026, 11, 23), note="Training")]
    late = datetime.datetime(2026, 11, 24, 3, tzinfo=datetime.UTC)
    rows = [row(0, T(18), T(23))]

    state = hours.open_state(rows, closures, CHICAGO, late)

    assert state == hours.OpenState(is_open=False, closure_note="Training")


def test_next_midnight_is_the_start_of_the_clinics_tomorrow():
    midnight = hours.next_midnight(CHICAGO, chicago(2026, 11, 23, 23, 59))

    assert midnight == chicago(2026, 11, 24, 0)
    assert midnight.tzinfo == ZoneInfo(CHICAGO)


def test_next_midnight_from_a_utc_moment_is_local_midnight():
    # 05:30 UTC on the 24th is 23:30 on the 23rd in Chicago.
    moment = datetime.datetime(2026, 11, 24, 5, 30, tzinfo=datetime.UTC)

    assert hours.next_midnight(CHICAGO, moment) == chicago(2026, 11, 24, 0)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (chicago(2026, 11, 23, 8), chicago(2026, 11, 23, 9)),
        (chicago(2026, 11, 23, 9), chicago(2026, 11, 23, 12)),
        (chicago(2026, 11, 23, 12), chicago(2026, 11, 23, 13)),
        (chicago(2026, 11, 23, 16, 59), chicago(2026, 11, 23, 17)),
        (chicago(2026, 11, 23, 17), chicago(2026, 11, 24, 0)),
        (chicago(2026, 11, 24, 10), chicago(2026, 11, 25, 0)),
    ],
)
def test_the_answer_next_changes_at_the_next_opening_closing_or_midnight(
    moment, expected
):
    change = hours.next_change(LUNCH_BREAK, CHICAGO, moment)

    assert change == expected
    assert change.tzinfo == ZoneInfo(CHICAGO)


def test_ranges_that_overlap_are_named_in_pairs_and_touching_ones_are_not():
    ranges = [(T(13), T(17)), (T(9), T(12)), (T(12), T(13)), (T(16), T(18))]

    assert hours.overlapping_ranges(ranges) == [((T(13), T(17)), (T(16), T(18)))]


def test_one_range_or_none_cannot_overlap():
    assert hours.overlapping_ranges([(T(9), T(17))]) == []
    assert hours.overlapping_ranges([]) == []


def test_a_range_inside_another_overlaps_it():
    assert hours.overlapping_ranges([(T(10), T(11)), (T(9), T(17))]) == [
        ((T(9), T(17)), (T(10), T(11)))
    ]
