"""Clinic locations (and, in their own modules, what is routed to them)."""

from locations.models.pages import (
    LocationHolidayClosure,
    LocationIndexPage,
    LocationOpeningHours,
    LocationPage,
)

__all__ = [
    "LocationHolidayClosure",
    "LocationIndexPage",
    "LocationOpeningHours",
    "LocationPage",
]
