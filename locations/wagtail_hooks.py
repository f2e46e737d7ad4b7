from django.contrib.contenttypes.models import ContentType
from wagtail import hooks

from home.demo import DEMO_HOOK
from locations.consultations.audit import register_consultation_log_actions
from locations.consultations.dashboard import add_consultation_requests_panel
from locations.consultations.inbox import ConsultationRequestViewSet
from locations.models import ConsultationFormPage


@hooks.register(DEMO_HOOK, order=10)
def register_locations_demo(builder):
    # The demo and its factories load only when demo content is built.
    from locations.demo import load_locations_demo

    load_locations_demo(builder)


@hooks.register(DEMO_HOOK, order=30)
def register_consultation_demo(builder):
    from locations.demo.consultations import load_consultation_demo

    load_consultation_demo(builder)


@hooks.register("register_admin_viewset")
def register_consultation_inbox():
    return ConsultationRequestViewSet()


@hooks.register("register_log_actions")
def register_consultation_actions(actions):
    register_consultation_log_actions(actions)


@hooks.register("filter_form_submissions_for_user")
def hide_consultation_forms_from_stock_submission_screens(user, editable_forms):
    """Consultation requests are read only in their inbox, which checks locations and
    writes the audit log; Wagtail's form-submission screens refuse them to everyone."""
    return editable_forms.exclude(
        content_type=ContentType.objects.get_for_model(ConsultationFormPage)
    )


hooks.register("construct_homepage_panels", add_consultation_requests_panel)
