""" "Open now" stays right on cached pages: a cached location page, or the location
index, is kept no longer than until the next opening or closing time."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from home.cache_backends import PageCache
from locations.hours import next_change
from tests.factories import LocationIndexPageFactory, StandardPageFactory, make_location
from tests.locations.test_open_now import LUNCH_BREAK, MONDAY_9_TO_5, at

pytestmark = pytest.mark.django_db

T = datetime.time
CHICAGO = ZoneInfo("America/Chicago")


@pytest.fixture
def stored_pages(settings, monkeypatch):
    """The timeouts (seconds) with which the full-page cache stores pages."""
    settings.WAGTAIL_CACHE = True
    timeouts = []
    original = PageCache.set

    def recording(self, key, value, timeout=None, version=None):
        if hasattr(value, "content"):  # a response, not Django's header list
            timeouts.append(timeout)
        return original(self, key, value, timeout)

    monkeypatch.setattr(PageCache, "set", recording)
    return timeouts


@pytest.fixture
def clock(monkeypatch):
    """Set the time the site sees: clock(datetime)."""

    def set_time(moment):
        monkeypatch.setattr("django.utils.timezone.now", lambda: moment)

    return set_time


def get(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return response


@pytest.fixture
def index(home_page):
    return LocationIndexPageFactory(parent=home_page)


# 2026-11-23 is a Monday; the clinics open 9 to 5 on weekdays.


def test_a_cached_location_page_is_kept_only_until_the_clinic_closes(
    client, index, stored_pages, clock
):
    location = make_location(index, title="Austin", time_zone="America/Chicago")
    clock(at(2026, 11, 23, 16, 30, "America/Chicago"))

    assert "Open now" in get(client, location.url).content.decode()

    assert stored_pages == [30 * 60]


def test_a_cached_location_page_is_kept_only_until_the_clinic_opens(
    client, index, stored_pages, clock
):
    location = make_location(index, title="Austin", time_zone="America/Chicago")
    clock(at(2026, 11, 23, 8, 15, "America/Chicago"))

    assert "Closed now" in get(client, location.url).content.decode()

    assert stored_pages == [45 * 60]


def test_the_location_index_is_kept_until_the_first_clinic_changes(
    client, index, stored_pages, clock
):
    make_location(index, title="Austin", time_zone="America/Chicago")
    make_location(index, title="Brooklyn", time_zone="America/New_York")
    # 15:40 in Chicago is 16:40 in New York: Brooklyn closes in 20 minutes.
    clock(at(2026, 11, 23, 15, 40, "America/Chicago"))

    get(client, index.url)

    assert stored_pages == [20 * 60]


def test_any_page_is_kept_no_later_than_midnight(
    client, home_page, stored_pages, clock, settings
):
    settings.TIME_ZONE = "America/Chicago"
    about = StandardPageFactory(parent=home_page, title="About", slug="about")
    clock(at(2026, 11, 23, 23, 50, "America/Chicago"))

    get(client, about.url)

    assert stored_pages == [10 * 60]


def test_a_page_about_to_change_is_not_cached(client, index, stored_pages, clock):
    location = make_location(index, title="Austin", time_zone="America/Chicago")
    clock(datetime.datetime(2026, 11, 23, 16, 59, 59, 500_000, tzinfo=CHICAGO))

    response = get(client, location.url)

    assert stored_pages == []
    assert response["X-Wagtail-Cache"] == "skip"


def test_the_open_state_shown_after_closing_is_closed(client, index, clock, settings):
    location = make_location(index, title="Austin", time_zone="America/Chicago")
    clock(at(2026, 11, 23, 16, 30, "America/Chicago"))
    assert "Open now" in get(client, location.url).content.decode()

    clock(at(2026, 11, 23, 17, 0, "America/Chicago"))
    settings.WAGTAIL_CACHE = False  # what the server renders once the entry expired

    assert "Closed now" in get(client, location.url).content.decode()


@pytest.mark.parametrize(
    ("rows", "moment", "expected"),
    [
        (MONDAY_9_TO_5, at(2026, 11, 23, 8, 0, "America/Chicago"), (23, 9, 0)),
        (MONDAY_9_TO_5, at(2026, 11, 23, 10, 0, "America/Chicago"), (23, 17, 0)),
        (MONDAY_9_TO_5, at(2026, 11, 23, 17, 0, "America/Chicago"), (24, 0, 0)),
        (LUNCH_BREAK, at(2026, 11, 23, 11, 0, "America/Chicago"), (23, 12, 0)),
        (LUNCH_BREAK, at(2026, 11, 23, 12, 30, "America/Chicago"), (23, 13, 0)),
        # 04:30 UTC on Tuesday is Monday evening in Chicago: closed until midnight.
        (MONDAY_9_TO_5, at(2026, 11, 24, 4, 30), (24, 0, 0)),
    ],
)
def test_next_change_is_the_next_opening_closing_or_midnight(rows, moment, expected):
    day, hour, minute = expected

    change = next_change(rows, "America/Chicago", moment)

    assert change == datetime.datetime(2026, 11, day, hour, minute, tzinfo=CHICAGO)
