"""Builders of locations and consultation form pages, shared by the tests and the demo
content."""

import factory
import wagtail_factories

from locations.models import (
    ConsultationFormField,
    ConsultationFormPage,
    LocationIndexPage,
    LocationOpeningHours,
    LocationPage,
)


class LocationIndexPageFactory(wagtail_factories.PageFactory):
    title = "Locations"
    slug = "locations"

    class Meta:
        model = LocationIndexPage


class LocationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Clinic {n}")
    street_address = "100 Congress Ave"
    city = "Austin"
    state = "TX"
    postal_code = "78701"
    phone = "+15125550142"
    latitude = "30.267153"
    longitude = "-97.743061"
    time_zone = "America/Chicago"
    intro = "A calm clinic in the middle of town."

    class Meta:
        model = LocationPage


class ConsultationFormPageFactory(wagtail_factories.PageFactory):
    title = "Request a consultation"
    slug = "request-a-consultation"
    to_address = "frontdesk@clinic.example"
    from_address = "hello@clinic.example"

    class Meta:
        model = ConsultationFormPage


def opening_hours(rows):
    """Unsaved opening-hours rows for a location page, from (weekday, opens, closes)
    tuples (weekday 0 is Monday) in display order."""
    return [
        LocationOpeningHours(weekday=weekday, opens=opens, closes=closes, sort_order=i)
        for i, (weekday, opens, closes) in enumerate(rows)
    ]


def consultation_form_fields(specs):
    """Unsaved fields for a consultation form page, from dicts with "label" and
    "field_type", and optionally "required" (default True), "choices" (one per
    line) and "help_text"."""
    return [
        ConsultationFormField(
            sort_order=order,
            label=spec["label"],
            field_type=spec["field_type"],
            required=spec.get("required", True),
            choices=spec.get("choices", ""),
            help_text=spec.get("help_text", ""),
        )
        for order, spec in enumerate(specs)
    ]
