"""Structured data for a clinic location (schema.org MedicalClinic)."""

from home.jsonld import GROUP_SPECIALTY, SCHEMA_CONTEXT, organization_id


def opening_hours_json_ld(rows):
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": f"https://schema.org/{row.get_weekday_display()}",
            "opens": row.opens.strftime("%H:%M"),
            "closes": row.closes.strftime("%H:%M"),
        }
        for row in sorted(rows, key=lambda r: (r.weekday, r.opens or r.closes or 0))
        if not row.closed and row.opens and row.closes
    ]


def closures_json_ld(closures):
    return [
        {
            "@type": "OpeningHoursSpecification",
            "validFrom": closure.date.isoformat(),
            "validThrough": closure.date.isoformat(),
            "opens": "00:00",
            "closes": "00:00",
            "description": closure.note,
        }
        for closure in closures
    ]


def postal_address_json_ld(page):
    """The clinic's PostalAddress, as its page shows it."""
    return {
        "@type": "PostalAddress",
        "streetAddress": ", ".join(
            part for part in (page.street_address, page.street_address_2) if part
        ),
        "addressLocality": page.city,
        "addressRegion": page.state,
        "postalCode": page.postal_code,
        "addressCountry": "US",
    }


def clinic_json_ld(page, request):
    """MedicalClinic for a LocationPage: the same name, address and phone it shows.

    Coordinates are written as stored (up to 6 decimal places): Google reads at least
    5 for a place on its map."""
    data = {
        "@context": SCHEMA_CONTEXT,
        "@type": "MedicalClinic",
        "@id": page.json_ld_id,
        "name": page.title,
        "url": page.full_url,
        "telephone": page.phone.as_e164 if page.phone else "",
        "address": postal_address_json_ld(page),
        "medicalSpecialty": GROUP_SPECIALTY,
        "parentOrganization": {"@id": organization_id(page.site_root_url)},
        "openingHoursSpecification": opening_hours_json_ld(page.hours_rows),
    }
    if page.email:
        data["email"] = page.email
    if page.seo_image_url:
        data["image"] = page.seo_image_url
    if page.latitude is not None and page.longitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(page.latitude),
            "longitude": float(page.longitude),
        }
    closures = closures_json_ld(page.upcoming_closures())
    if closures:
        data["specialOpeningHoursSpecification"] = closures
    services = [
        {"@type": "MedicalTherapy", "name": t.name} for t in page.services.all()
    ]
    if services:
        data["availableService"] = services
    return data
