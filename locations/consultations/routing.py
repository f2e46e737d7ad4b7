"""Who is told about a request: the chosen location's managers and extra addresses,
or, when the location has none, the form page's own address."""


def unique_addresses(addresses):
    seen, unique = set(), []
    for address in addresses:
        address = address.strip()
        if address and address.casefold() not in seen:
            seen.add(address.casefold())
            unique.append(address)
    return unique


def location_recipients(location):
    """The addresses told about requests for `location`: active managers with an
    email address, then the location's extra notification addresses."""
    manager_emails = (
        location.managers.filter(is_active=True)
        .exclude(email="")
        .order_by("pk")
        .values_list("email", flat=True)
    )
    return unique_addresses([*manager_emails, *location.extra_notification_addresses])


def fallback_recipients(form_page):
    return unique_addresses((form_page.to_address or "").split(","))


def route_request(location, form_page):
    """(recipients, used_fallback) for a new request."""
    recipients = location_recipients(location) if location is not None else []
    if recipients:
        return recipients, False
    return fallback_recipients(form_page), True
