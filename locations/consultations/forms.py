"""The visitor's consultation form (the editor's fields plus what the code adds) and
the editor's form for consultation form pages."""

import datetime
import decimal

from django import forms
from phonenumber_field.phonenumber import PhoneNumber
from wagtail.contrib.forms.forms import BaseForm, WagtailAdminFormPageForm

# Names of the fields the code adds; editors' fields may not take them.
LOCATION_FIELD = "location"
CONSENT_FIELD = "privacy_consent"
HONEYPOT_FIELD = "website"
STAMP_FIELD = "form_token"
RESERVED_FIELD_NAMES = frozenset(
    {LOCATION_FIELD, CONSENT_FIELD, HONEYPOT_FIELD, STAMP_FIELD, "submit_time"}
)
# Names Django posts with every form (its CSRF token), and properties of the
# browser's <form> element that a field of that name would hide from scripts
# (form.submit(), form.action: the HTML standard's "named properties" of a form).
FRAMEWORK_FIELD_NAMES = frozenset(
    {
        "csrfmiddlewaretoken",
        "action",
        "elements",
        "encoding",
        "enctype",
        "length",
        "method",
        "reset",
        "submit",
        "target",
    }
)
EMPTY_NAME_MESSAGE = (
    "This label has no letters or numbers to name the field by (emoji and symbols "
    "are left out of names). Add a word, for example 'Mood 😀'."
)


def field_name_problem(name):
    """Why an editor's field may not take `name` (derived from its label), as a
    message for the editor; None when it may. Duplicates between the editor's own
    fields are Wagtail's check (WagtailAdminFormPageForm)."""
    if not name:
        return EMPTY_NAME_MESSAGE
    if name in RESERVED_FIELD_NAMES:
        return f"The form already has its own '{name}' field; choose another label."
    if name in FRAMEWORK_FIELD_NAMES:
        return (
            f"'{name}' is a name web browsers and Django use for forms themselves; "
            "choose another label."
        )
    return None


def usable_field_names(fields):
    """The names of the editor's fields (AbstractFormField rows), in order: each
    field's saved name, or, for a field saved before names were checked whose name
    is empty, taken by an earlier field or reserved, `field_<id>`. The field then
    renders with a name browsers send, and its answers are kept under that name."""
    names, taken = [], set()
    for position, field in enumerate(fields, 1):
        name = field.clean_name or field.get_field_clean_name()
        if field_name_problem(name) or name in taken:
            name = f"field_{field.pk or position}"
            while name in taken:
                name += "_"
        taken.add(name)
        names.append(name)
    return names


CONTACT_FIELD_TYPES = frozenset({"email", "phone"})


def answer_value(value):
    """A cleaned value as it is stored (JSON) and shown to staff."""
    if isinstance(value, PhoneNumber):
        return value.as_e164
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value]
    return value


class ConsultationForm(BaseForm):
    """A consultation form: the location choice, the editor's fields, the consent
    checkbox and two spam traps (a honeypot and a signed timestamp)."""

    def __init__(
        self,
        *args,
        locations=(),
        fixed_location=None,
        consent_label="I agree that the clinic stores my request and contacts me.",
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.fixed_location = fixed_location
        self.locations = {str(location.pk): location for location in locations}
        self.editor_field_names = list(self.fields)
        fields = {}
        if fixed_location is None:
            fields[LOCATION_FIELD] = forms.ChoiceField(
                label="Location",
                choices=[
                    ("", "Choose a location"),
                    *((pk, loc.title) for pk, loc in self.locations.items()),
                ],
                help_text="The clinic where you would like to be seen.",
                error_messages={
                    "required": "Choose the location where you would like to be seen.",
                    "invalid_choice": "Choose one of the locations in the list.",
                },
            )
        fields.update(self.fields)
        fields[CONSENT_FIELD] = forms.BooleanField(
            label=consent_label,
            error_messages={
                "required": "Tick this box so that we may store your request and "
                "contact you about it."
            },
        )
        fields[HONEYPOT_FIELD] = forms.CharField(
            label="Leave this field empty",
            required=False,
            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
        )
        fields[STAMP_FIELD] = forms.CharField(required=False, widget=forms.HiddenInput)
        self.fields = fields

    @property
    def editor_fields(self):
        return [self[name] for name in self.editor_field_names]

    @property
    def location_field(self):
        return self[LOCATION_FIELD] if LOCATION_FIELD in self.fields else None

    def chosen_location(self):
        """The location this request is for, once the form is valid."""
        if self.fixed_location is not None:
            return self.fixed_location
        return self.locations[self.cleaned_data[LOCATION_FIELD]]

    def posted_location(self):
        """The location the raw post names, if it is one offered (for spam replies)."""
        if self.fixed_location is not None:
            return self.fixed_location
        return self.locations.get(str(self.data.get(LOCATION_FIELD, "")))

    def answers(self):
        """The editor's fields as stored: name, label at the time, value (and
        "kind": "phone" for phone numbers, shown to staff in national format)."""
        answers = []
        for name in self.editor_field_names:
            value = self.cleaned_data.get(name)
            answer = {
                "name": name,
                "label": str(self.fields[name].label),
                "value": answer_value(value),
            }
            if isinstance(value, PhoneNumber):
                answer["kind"] = "phone"
            answers.append(answer)
        return answers

    def visitor_email(self):
        """The first email address the visitor gave, or None."""
        for name in self.editor_field_names:
            value = self.cleaned_data.get(name)
            if isinstance(self.fields[name], forms.EmailField) and value:
                return value
        return None


class ConsultationFormPageForm(WagtailAdminFormPageForm):
    """The page editor: checks that a consultation form can reach the clinic and the
    visitor, and that every field's name (derived from its label) is usable: not
    empty, and not one the form, Django or the browser uses (issue 9, kind 1)."""

    def clean(self):
        cleaned_data = super().clean()
        if not (cleaned_data.get("to_address") or "").strip():
            self.add_error(
                "to_address",
                "Enter at least one address: requests for a location with nobody "
                "to receive them are announced there.",
            )
        self.check_form_fields()
        return cleaned_data

    def check_form_fields(self):
        formset = self.formsets.get("form_fields")
        if formset is None:
            return
        kept = [
            form
            for form in formset.forms
            if getattr(form, "cleaned_data", None)
            and not form.cleaned_data.get("DELETE")
        ]
        for form in kept:
            name = form.instance.clean_name or form.instance.get_field_clean_name()
            problem = field_name_problem(name)
            if problem:
                form.add_error("label", problem)
        if not any(
            form.cleaned_data.get("field_type") in CONTACT_FIELD_TYPES for form in kept
        ):
            self.add_error(
                None,
                "Add an email or phone number field, so that the clinic can reach "
                "the person.",
            )
