"""Demo content: three fictional Texas clinics of Live Oak Mind Health."""

import datetime

from django.utils import timezone

from home.models import Treatment
from locations.factories import (
    LocationIndexPageFactory,
    LocationPageFactory,
    opening_hours,
)
from locations.models import LocationHolidayClosure

T = datetime.time

LOCATIONS = [
    {
        "title": "Austin – Clarksville",
        "slug": "austin-clarksville",
        "street_address": "1208 West Lynn Street",
        "street_address_2": "Suite 200",
        "city": "Austin",
        "postal_code": "78703",
        "phone": "+15125550142",
        "email": "austin@liveoak.example",
        "latitude": "30.281137",
        "longitude": "-97.760284",
        "intro": "Our first clinic, on a quiet tree-lined street west of downtown, "
        "with private treatment rooms that look onto a small garden.",
        "parking_notes": "Free parking in the lot behind the building; two spaces "
        "are reserved for patients leaving a ketamine session with a driver.",
        "accessibility_notes": "Step-free entrance from the parking lot, a lift to "
        "the second floor and an accessible restroom on each floor.",
        "hours": [(day, T(8), T(18)) for day in range(4)]
        + [(4, T(8), T(16)), (5, T(9), T(13))],
        "services": [
            "Psychiatric evaluation",
            "Medication management",
            "Ketamine infusion therapy",
            "Esketamine (Spravato) treatment",
            "Ketamine-assisted psychotherapy",
        ],
        "closure": "Closed for the winter holiday",
    },
    {
        "title": "Round Rock",
        "slug": "round-rock",
        "street_address": "450 Sundance Parkway",
        "city": "Round Rock",
        "postal_code": "78681",
        "phone": "+15125550187",
        "email": "roundrock@liveoak.example",
        "latitude": "30.515163",
        "longitude": "-97.689942",
        "intro": "A ground-floor clinic a short drive from I-35, with evening "
        "telehealth for patients across Williamson County.",
        "parking_notes": "Free parking right outside the front door.",
        "accessibility_notes": "Everything is on the ground floor; automatic doors "
        "at the entrance.",
        "hours": [(day, T(9), T(12, 30)) for day in range(5)]
        + [(day, T(13, 30), T(17, 30)) for day in range(5)],
        "services": [
            "Psychiatric evaluation",
            "Medication management",
            "Esketamine (Spravato) treatment",
            "Talk therapy",
        ],
    },
    {
        "title": "San Antonio – Alamo Heights",
        "slug": "san-antonio-alamo-heights",
        "street_address": "5800 Broadway Street",
        "street_address_2": "Building B",
        "city": "San Antonio",
        "postal_code": "78209",
        "phone": "+12105550163",
        "email": "sanantonio@liveoak.example",
        "latitude": "29.486874",
        "longitude": "-98.464718",
        "intro": "Our newest clinic, opened for patients in South Texas, with a "
        "dedicated suite for ketamine treatment and recovery.",
        "parking_notes": "Park in the shared garage (first two hours validated at "
        "reception).",
        "accessibility_notes": "Lift from every level of the garage; wheelchairs "
        "available at reception.",
        "hours": [(day, T(9), T(17)) for day in range(1, 6)],
        "services": [
            "Psychiatric evaluation",
            "Medication management",
            "Ketamine infusion therapy",
            "Talk therapy",
        ],
    },
]


def next_christmas():
    today = timezone.localdate()
    christmas = datetime.date(today.year, 12, 25)
    return christmas if christmas >= today else christmas.replace(year=today.year + 1)


def load_locations_demo(builder):
    index = builder.section(
        LocationIndexPageFactory.build(
            show_in_menus=True,
            intro="Find the clinic nearest to you, its opening hours and how to get "
            "there.",
        ),
        menu_order=0,
        footer_order=0,
        allow_subnav=True,
    )
    for number, spec in enumerate(LOCATIONS, start=1):
        if index.get_children().filter(slug=spec["slug"]).exists():
            continue
        fields = {
            key: value
            for key, value in spec.items()
            if key not in {"hours", "services", "closure"}
        }
        location = LocationPageFactory.build(
            **fields,
            show_in_menus=True,
            hero_image=builder.image(f"{spec['title']} clinic", seed=10 + number),
        )
        location.opening_hours = opening_hours(spec["hours"])
        if spec.get("closure"):
            location.holiday_closures.add(
                LocationHolidayClosure(date=next_christmas(), note=spec["closure"])
            )
        location.services = Treatment.objects.filter(name__in=spec["services"])
        builder.child_page(index, location)
