"""Demo content: the "Request a consultation" page and one manager per demo clinic."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from home.models import ClinicSettings
from locations.factories import ConsultationFormPageFactory, consultation_form_fields
from locations.models import LocationPage

LOCATION_MANAGERS_GROUP = "Location managers"
CONSULTATION_SLUG = "request-a-consultation"

# (location slug, username, first name, last name)
DEMO_MANAGERS = [
    ("austin-clarksville", "manager-austin", "Dana", "Whitaker"),
    ("round-rock", "manager-round-rock", "Luis", "Ortega"),
    ("san-antonio-alamo-heights", "manager-san-antonio", "Grace", "Okafor"),
]

CONTACT_METHODS = "Phone call\nText message\nEmail"
HEARD_ABOUT_US = (
    "Search engine\nMy doctor or therapist\nFriend or family member\n"
    "Social media\nInsurance directory\nSomewhere else"
)
DEMO_FIELDS = [
    {"label": "First name", "field_type": "singleline"},
    {"label": "Last name", "field_type": "singleline"},
    {"label": "Email", "field_type": "email"},
    {
        "label": "Phone",
        "field_type": "phone",
        "help_text": "A US number, e.g. (512) 555-0142.",
    },
    {
        "label": "Preferred contact method",
        "field_type": "radio",
        "choices": CONTACT_METHODS,
    },
    {"label": "Preferred time of day", "field_type": "preferred_time"},
    {
        "label": "What would you like help with?",
        "field_type": "multiline",
        "required": False,
        "help_text": "A sentence or two is plenty; you can tell us more when we talk.",
    },
    {
        "label": "How did you hear about us?",
        "field_type": "dropdown",
        "required": False,
        "choices": HEARD_ABOUT_US,
    },
]


def ensure_consultation_page(builder):
    page = ConsultationFormPageFactory.build(
        slug=CONSULTATION_SLUG,
        show_in_menus=True,
        search_description="Ask for a first consultation at one of our Texas "
        "clinics; our team replies within one working day.",
        intro="<p>Tell us how to reach you and which clinic suits you best. A member "
        "of that clinic's team will get back to you to talk things through and find "
        "a time for a first evaluation.</p>",
        to_address="frontdesk@liveoak.example",
        from_address="hello@liveoak.example",
    )
    page.form_fields = consultation_form_fields(DEMO_FIELDS)
    return builder.child_page(builder.home, page)


def link_consultation_page(builder, page):
    """Make the page the target of every consultation button, unless one is set."""
    clinic = ClinicSettings.for_site(builder.site)
    if clinic.consultation_page_id is None:
        clinic.consultation_page = page
        clinic.save()
        builder.log("consultation page in clinic settings")
    home = builder.home.specific
    if home.cta_page_id is None:
        home.cta_page = page
        home.save_revision().publish()
        builder.log("home page button to the consultation page")
    builder.main_menu_item(builder.site, page, sort_order=5)


def ensure_demo_managers(builder):
    """One manager user per demo clinic, chosen on its location page. Passwords are
    set (development only) by `manage.py demo_manager_logins`."""
    User = get_user_model()
    group = Group.objects.get(name=LOCATION_MANAGERS_GROUP)
    for slug, username, first_name, last_name in DEMO_MANAGERS:
        location = LocationPage.objects.filter(slug=slug).first()
        if location is None or User.objects.filter(username=username).exists():
            continue
        user = User(
            username=username,
            email=f"{username}@liveoak.example",
            first_name=first_name,
            last_name=last_name,
        )
        user.set_unusable_password()
        user.save()
        user.groups.add(group)
        location.managers.add(user)
        location.save_revision().publish()
        builder.log(f"location manager '{username}' for {location.title}")


def load_consultation_demo(builder):
    page = ensure_consultation_page(builder)
    link_consultation_page(builder, page)
    ensure_demo_managers(builder)
