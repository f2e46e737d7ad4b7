"""Opening hours: the week as visitors read it, and whether a clinic is open right now
in its own time zone."""

import datetime
import itertools
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.db import models
from django.utils import timezone


class Weekday(models.IntegerChoices):
    """Days numbered as Python's date.weekday() numbers them."""

    MONDAY = 0, "Monday"
    TUESDAY = 1, "Tuesday"
    WEDNESDAY = 2, "Wednesday"
    THURSDAY = 3, "Thursday"
    FRIDAY = 4, "Friday"
    SATURDAY = 5, "Saturday"
    SUNDAY = 6, "Sunday"


@dataclass
class DayHours:
    """One day of the week: its opening ranges, or closed."""

    weekday: int
    ranges: list = field(default_factory=list)  # [(opens, closes), ...] in order
    is_today: bool = False

    @property
    def name(self):
        return Weekday(self.weekday).label

    @property
    def closed(self):
        return not self.ranges


@dataclass
class OpenState:
    """Whether a location is open at a moment, and what to tell the visitor."""

    is_open: bool
    closes_at: datetime.time | None = None
    opens_at: datetime.time | None = None
    closure_note: str = ""


def ranges_by_weekday(rows):
    """{weekday: [(opens, closes), ...]} from the rows; closed rows are skipped."""
    by_day = {day: [] for day in Weekday.values}
    for row in rows:
        if not row.closed and row.opens and row.closes:
            by_day[row.weekday].append((row.opens, row.closes))
    for ranges in by_day.values():
        ranges.sort()
    return by_day


def local_now(time_zone, now=None):
    return (now or timezone.now()).astimezone(ZoneInfo(time_zone))


def week_schedule(rows, time_zone, now=None):
    """Seven DayHours from Monday, with today (in the location's zone) marked."""
    today = local_now(time_zone, now).weekday()
    by_day = ranges_by_weekday(rows)
    return [
        DayHours(weekday=day, ranges=by_day[day], is_today=day == today)
        for day in Weekday.values
    ]


def open_state(rows, closures, time_zone, now=None):
    """Open or closed at `now` (default: this moment) in the location's time zone."""
    local = local_now(time_zone, now)
    for closure in closures:
        if closure.date == local.date():
            return OpenState(is_open=False, closure_note=closure.note)
    current = local.time().replace(tzinfo=None)
    ranges = ranges_by_weekday(rows)[local.weekday()]
    for opens, closes in ranges:
        if opens <= current < closes:
            return OpenState(is_open=True, closes_at=closes)
    later = [opens for opens, _ in ranges if opens > current]
    return OpenState(is_open=False, opens_at=later[0] if later else None)


def next_midnight(time_zone, now=None):
    """The start of tomorrow in the location's time zone (aware): "today" moves on."""
    local = local_now(time_zone, now)
    tomorrow = local.date() + datetime.timedelta(days=1)
    return datetime.datetime.combine(tomorrow, datetime.time(), tzinfo=local.tzinfo)


def next_change(rows, time_zone, now=None):
    """The next moment (aware) at which open_state() may answer differently: the next
    opening or closing time today, or midnight (holiday closures and weekdays are per
    date)."""
    local = local_now(time_zone, now)
    current = local.time().replace(tzinfo=None)
    moments = [
        moment
        for opens, closes in ranges_by_weekday(rows)[local.weekday()]
        for moment in (opens, closes)
        if moment > current
    ]
    if not moments:
        return next_midnight(time_zone, now)
    return datetime.datetime.combine(local.date(), min(moments), tzinfo=local.tzinfo)


def overlapping_ranges(ranges):
    """Pairs of (opens, closes) ranges on one day that overlap."""
    return [
        (first, second)
        for first, second in itertools.pairwise(sorted(ranges))
        if second[0] < first[1]
    ]
