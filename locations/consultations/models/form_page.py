"""The consultation form page that editors build, and its fields."""

import logging
from urllib.parse import urlencode

from django.db import IntegrityError, models, transaction
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from modelcluster.fields import ParentalKey
from modelcluster.queryset import FakeQuerySet
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import (
    AbstractEmailForm,
    AbstractFormField,
    validate_to_address,
)
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from home.blocks import BODY_RICH_TEXT, INLINE_RICH_TEXT
from home.cache import cached_until_content_changes
from home.listings import on_same_site, site_root_path
from home.models import BasePage
from home.visibility import public_pages
from locations.consultations import spam
from locations.consultations.crypto import encrypt_json
from locations.consultations.fields import (
    CONSULTATION_FIELD_CHOICES,
    ConsultationFormBuilder,
)
from locations.consultations.forms import (
    LOCATION_FIELD,
    STAMP_FIELD,
    ConsultationFormPageForm,
)
from locations.consultations.models.requests import (
    ConsultationRequest,
    queue_notifications,
)
from locations.consultations.routing import route_request
from locations.models.pages import LocationPage

logger = logging.getLogger(__name__)

DEFAULT_CONSENT = (
    "I agree that the clinic may store what I send here and contact me about my "
    "request."
)
DEFAULT_PRIVACY_NOTE = (
    "<p>What you send is encrypted, seen only by the team of the clinic you choose, "
    "and deleted after a set time. Please do not include details you would rather "
    "tell us in person. This form is not watched around the clock: if you are in "
    'crisis, call or text <a href="tel:988">988</a>.</p>'
)
DEFAULT_THANK_YOU = (
    "<p>Your request has reached the team of the clinic you chose, and someone will "
    "contact you, usually within one working day.</p>"
)
DEFAULT_NEXT_STEPS = (
    "<ul><li>We call or email you, as you asked, to hear what you are looking for."
    "</li><li>We check your insurance and book a first evaluation with a provider "
    "who fits.</li><li>Before the visit we send you a short health questionnaire."
    "</li></ul>"
)
DEFAULT_CONFIRMATION = (
    "Thank you for contacting us. We have received your consultation request and "
    "will be in touch soon.\n\n"
    "For your privacy, this email does not repeat what you told us.\n\n"
    "If you are in crisis, call or text 988 (Suicide & Crisis Lifeline) at any "
    "time. In an emergency, call 911."
)
STALE_FORM_MESSAGE = (
    "This form was open for a long time, so we could not send it yet. Please check "
    "your answers and send it again."
)
THANK_YOU_SLUG = "thank-you"
RATE_LIMIT_MESSAGE = (
    "You have sent several requests from this device in a short time, so this one "
    "was not sent. Please try again in an hour, or call us."
)


class ConsultationFormField(AbstractFormField):
    """One question on a consultation form, as the editor set it up."""

    page = ParentalKey(
        "locations.ConsultationFormPage",
        on_delete=models.CASCADE,
        related_name="form_fields",
    )
    field_type = models.CharField(
        "field type",
        max_length=16,
        choices=CONSULTATION_FIELD_CHOICES,
        help_text="Phone numbers are checked and stored in one format; 'preferred "
        "time of day' offers morning, afternoon, evening or any time.",
    )
    field_type.required_on_save = True

    class Meta(AbstractFormField.Meta):
        verbose_name = "form field"


class ConsultationFormPage(AbstractEmailForm, BasePage):
    """A form visitors use to ask for a consultation at one of the clinics."""

    intro = RichTextField(
        features=INLINE_RICH_TEXT,
        blank=True,
        help_text="A few words above the form: what happens after sending it.",
    )
    consent_text = models.CharField(
        "consent checkbox text",
        max_length=300,
        default=DEFAULT_CONSENT,
        help_text="Visitors must tick this box to send the form. A link to the "
        "privacy policy (Settings > Clinic settings) is shown with it.",
    )
    privacy_note = RichTextField(
        features=INLINE_RICH_TEXT,
        blank=True,
        default=DEFAULT_PRIVACY_NOTE,
        help_text="A short note under the form about how requests are handled.",
    )
    thank_you_text = RichTextField(
        features=INLINE_RICH_TEXT,
        default=DEFAULT_THANK_YOU,
        help_text="Shown after the form is sent, with the chosen clinic's phone "
        "number.",
    )
    next_steps = RichTextField(
        features=BODY_RICH_TEXT,
        blank=True,
        default=DEFAULT_NEXT_STEPS,
        help_text="What happens next, shown on the thank-you page.",
    )
    to_address = models.CharField(
        "fallback address",
        max_length=255,
        blank=True,
        validators=[validate_to_address],
        help_text="Told about requests for a location that has nobody set to "
        "receive them (choose managers and extra addresses on each location page). "
        "Separate several addresses with commas. Emails never contain answers.",
    )
    subject = models.CharField(
        "email subject",
        max_length=120,
        default="New consultation request",
        help_text="The start of the subject of staff notifications; the location's "
        "name is added. Emails never contain answers.",
    )
    send_confirmation = models.BooleanField(
        "email the visitor a confirmation",
        default=True,
        help_text="Sent when the visitor gave an email address. It never repeats "
        "their answers.",
    )
    confirmation_text = models.TextField(
        "confirmation email text",
        max_length=2000,
        default=DEFAULT_CONFIRMATION,
        help_text="Plain text. Do not ask visitors to reply with health details.",
    )

    form_builder = ConsultationFormBuilder
    base_form_class = ConsultationFormPageForm
    parent_page_types = ["home.HomePage", "locations.LocationPage"]
    subpage_types = []
    seo_description_sources = ["search_description", "intro_text"]

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel(
            "form_fields",
            label="Form field",
            heading="Form fields",
            help_text="The location choice (fixed when this page sits under a "
            "location) and the consent checkbox are added for you. Include an "
            "email or phone field so the clinic can reply.",
        ),
        MultiFieldPanel(
            [FieldPanel("consent_text"), FieldPanel("privacy_note")],
            heading="Consent and privacy",
        ),
        MultiFieldPanel(
            [FieldPanel("thank_you_text"), FieldPanel("next_steps")],
            heading="Thank-you page",
        ),
        MultiFieldPanel(
            [
                FieldPanel("to_address"),
                FieldPanel("from_address"),
                FieldPanel("subject"),
                FieldPanel("send_confirmation"),
                FieldPanel("confirmation_text"),
            ],
            heading="Emails",
        ),
    ]

    class Meta:
        verbose_name = "consultation form page"

    @property
    def intro_text(self):
        """The intro without markup, for search engines when no description is set."""
        return " ".join(strip_tags(self.intro or "").split())

    @cached_property
    def fixed_location(self):
        """The location this form belongs to when it sits under a location page
        (read once per content generation)."""
        if self.depth is None or self.depth <= 1:
            return None
        (location,) = cached_until_content_changes(
            f"consultation-fixed-location:{self.pk}",
            lambda: (
                LocationPage.objects.filter(path=self.path[: -self.steplen])
                .defer_streamfields()
                .first(),
            ),
        )
        return location

    @cached_property
    def offered_locations(self):
        """The public locations of this page's site that a visitor may choose, by
        name (read once per content generation). Another site's clinics are never
        offered: their managers would get requests from a site they do not run."""
        return cached_until_content_changes(
            f"consultation-offered-locations:{site_root_path(self)}",
            lambda: list(
                on_same_site(public_pages(LocationPage.objects.all()), self)
                .defer_streamfields()
                .order_by("title")
            ),
        )

    def get_submission_class(self):
        return ConsultationRequest

    def get_form_fields(self):
        # The published fields change only with a publish: read once per content
        # generation. A preview or an unsaved page has its own fields in memory.
        fields = self.form_fields.all()
        if self.pk is None or isinstance(fields, FakeQuerySet):
            return fields
        return cached_until_content_changes(
            f"consultation-form-fields:{self.pk}", lambda: list(fields)
        )

    def get_form_parameters(self):
        fixed = self.fixed_location
        return {
            "locations": () if fixed else self.offered_locations,
            "fixed_location": fixed,
            "consent_label": self.consent_text,
        }

    def initial_values(self, request):
        """A fresh form token, and the location named by ?location=<slug>."""
        initial = {STAMP_FIELD: spam.issue_form_token(self)}
        location = self.location_from_query(request)
        if self.fixed_location is None and location is not None:
            initial[LOCATION_FIELD] = str(location.pk)
        return initial

    def location_from_query(self, request):
        """The location named by ?location=<slug> among those this form offers (its
        fixed location when it has one), or None."""
        if self.fixed_location is not None:
            return self.fixed_location
        slug = request.GET.get("location", "")
        return next(
            (location for location in self.offered_locations if location.slug == slug),
            None,
        )

    def route(self, request, path_components):
        if path_components == [THANK_YOU_SLUG] and self.live:
            return RouteResult(self, kwargs={"thank_you": True})
        return super().route(request, path_components)

    def serve(self, request, *args, thank_you=False, **kwargs):
        if thank_you:
            if request.method not in ("GET", "HEAD"):
                return HttpResponseNotAllowed(["GET", "HEAD"])
            return self.render_landing_page(
                request, location=self.location_from_query(request)
            )
        if request.method == "POST":
            response = self.serve_post(request, *args, **kwargs)
        else:
            form = self.get_form(
                page=self, user=request.user, initial=self.initial_values(request)
            )
            response = self.render_form(request, form)
        # The form carries this visitor's tokens, its answers their own words: no
        # browser or proxy may keep any of its responses.
        patch_cache_control(response, private=True, no_store=True)
        return response

    def serve_post(self, request, *args, **kwargs):
        """Stores a person's valid request once, then sends the browser to the
        thank-you page (POST/redirect/GET: a reload sends nothing). Spam and copies
        of a form already received go there too, with nothing stored or sent."""
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        verdict = spam.screen_post(self, request.POST)
        if verdict is spam.Verdict.SPAM:
            return self.redirect_to_thank_you(request, form.posted_location())
        if verdict is spam.Verdict.STALE:
            data = request.POST.copy()
            data[STAMP_FIELD] = spam.issue_form_token(self)
            form = self.get_form(data, request.FILES, page=self, user=request.user)
            form.is_valid()
            form.add_error(None, STALE_FORM_MESSAGE)
            return self.render_form(request, form)
        if not form.is_valid():
            return self.render_form(request, form)
        digest = spam.form_token_digest(form.cleaned_data[STAMP_FIELD])
        if not ConsultationRequest.objects.filter(form_token_digest=digest).exists():
            if spam.over_rate_limit(request, digest):
                form.add_error(None, RATE_LIMIT_MESSAGE)
                return self.render_form(request, form, status=429)
            self.process_form_submission(form)
        return self.redirect_to_thank_you(request, form.chosen_location())

    def process_form_submission(self, form):
        """Stores the request, answers encrypted, with one pending notification per
        recipient in the same transaction, and returns it. Nothing is sent here: the
        notification worker sends them, so a dead mail server never delays or fails
        a visitor.

        The same transaction claims the form token's digest (a unique column): of
        any number of copies of one form, posted at once or replayed later to any
        worker, one is stored, and the others get the request that was."""
        location = form.chosen_location()
        recipients, used_fallback = route_request(location, self)
        digest = spam.form_token_digest(form.cleaned_data[STAMP_FIELD])
        try:
            with transaction.atomic():
                submission = ConsultationRequest.objects.create(
                    page=self,
                    location=location,
                    location_name=location.title,
                    answers=encrypt_json({"version": 1, "fields": form.answers()}),
                    routed_to_fallback=used_fallback,
                    form_token_digest=digest,
                )
                visitor_email = form.visitor_email() if self.send_confirmation else None
                queue_notifications(submission, recipients, visitor_email=visitor_email)
        except IntegrityError:
            stored = ConsultationRequest.objects.filter(
                form_token_digest=digest
            ).first()
            if stored is None:
                raise
            logger.info(
                "Consultation form %s: a copy of request #%s was not stored again.",
                self.pk,
                stored.pk,
            )
            return stored
        return submission

    def send_mail(self, form):
        """Never used: Wagtail's version emails every answer. Notifications are
        queued by process_form_submission and carry none."""
        raise NotImplementedError("Consultation forms never email answers.")

    def render_form(self, request, form, status=200):
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(
            request, self.get_template(request), context, status=status
        )

    def thank_you_url(self, request, location=None):
        """The thank-you page's address: <form page>thank-you/, with ?location=<slug>
        when the form offers a choice, so that it names the clinic chosen."""
        url = self.get_url(request) + THANK_YOU_SLUG + "/"
        if location is not None and self.fixed_location is None:
            url += "?" + urlencode({"location": location.slug})
        return url

    def redirect_to_thank_you(self, request, location=None):
        # 303 See Other: the browser fetches the thank-you page with GET.
        response = HttpResponseRedirect(self.thank_you_url(request, location))
        response.status_code = 303
        return response

    def render_landing_page(
        self, request, form_submission=None, *args, location=None, **kwargs
    ):
        """The thank-you page. Its context names the form page `form_page`, not
        `page`, so that the base template gives it its own title and robots tag
        instead of the form page's cached ones."""
        if location is None and form_submission is not None:
            location = form_submission.location
        context = self.get_context(request)
        del context["page"], context["self"]
        context["form_page"] = self
        context["form_submission"] = form_submission
        context["location"] = location
        return TemplateResponse(
            request, self.get_landing_page_template(request), context
        )
