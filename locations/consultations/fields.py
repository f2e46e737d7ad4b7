"""The form builder of consultation forms: Wagtail's field types, each with a length
limit and a refusal of invisible characters, plus phone and preferred time of day."""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from phonenumber_field.formfields import PhoneNumberField
from phonenumber_field.widgets import RegionalPhoneNumberWidget
from wagtail.compat import URLField
from wagtail.contrib.forms.forms import FormBuilder
from wagtail.contrib.forms.models import FORM_FIELD_CHOICES

from locations.consultations.forms import ConsultationForm, usable_field_names

SINGLE_LINE_MAX_LENGTH = 255
MULTI_LINE_MAX_LENGTH = 2000
EMAIL_MAX_LENGTH = 254
URL_MAX_LENGTH = 500
PHONE_MAX_LENGTH = 30

CONSULTATION_FIELD_CHOICES = (
    *FORM_FIELD_CHOICES,
    ("phone", "Phone number"),
    ("preferred_time", "Preferred time of day"),
)
PREFERRED_TIMES = [
    "Morning (8 am to noon)",
    "Afternoon (noon to 5 pm)",
    "Evening (after 5 pm)",
    "Any time",
]

# Characters that change how text displays without being visible (bidirectional
# overrides) or that show that the browser sent bytes it could not decode (U+FFFD).
INVISIBLE_CHARACTERS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufffd\ufeff"
)
UNREADABLE_MESSAGE = (
    "This answer contains invisible or unreadable characters. Please type it again."
)
CHOICE_MESSAGE = "Choose one of the options listed."

# Labels whose field browsers can fill in for the visitor (WCAG 1.3.5).
AUTOCOMPLETE_BY_NAME = {
    "first_name": "given-name",
    "given_name": "given-name",
    "last_name": "family-name",
    "family_name": "family-name",
    "surname": "family-name",
    "name": "name",
    "full_name": "name",
    "your_name": "name",
}


def has_unreadable_characters(value, allow_line_breaks=False):
    for char in value:
        if allow_line_breaks and char in "\n\r\t":
            continue
        if char in INVISIBLE_CHARACTERS or unicodedata.category(char) in ("Cc", "Cs"):
            return True
    return False


def refuse_unreadable_single_line(value):
    if has_unreadable_characters(value):
        raise ValidationError(UNREADABLE_MESSAGE, code="unreadable")


def refuse_unreadable_multi_line(value):
    if has_unreadable_characters(value, allow_line_breaks=True):
        raise ValidationError(UNREADABLE_MESSAGE, code="unreadable")


def without_null_character_check(field):
    """Drop Django's own NUL check: refuse_unreadable_* covers it, with one message."""
    field.validators = [
        validator
        for validator in field.validators
        if not isinstance(validator, ProhibitNullCharactersValidator)
    ]
    return field


class MultiLineField(forms.CharField):
    """Free text over several lines, its line breaks stored the same way always."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n") if value else value


class ConsultationPhoneField(PhoneNumberField):
    """A US phone number (or one with a country code), stored as +15125550142."""

    def to_python(self, value):
        if isinstance(value, str):
            if has_unreadable_characters(value):
                raise ValidationError(UNREADABLE_MESSAGE, code="unreadable")
            if self.max_length is not None and len(value) > self.max_length:
                raise ValidationError(
                    f"Enter at most {self.max_length} characters.", code="max_length"
                )
        return super().to_python(value)


class ConsultationFormBuilder(FormBuilder):
    """Builds the editor's fields; the form class adds the location and consent."""

    def get_form_class(self):
        return type("ConsultationBuiltForm", (ConsultationForm,), self.formfields)

    @property
    def formfields(self):
        """Wagtail's {name: form field}, with names from usable_field_names(): a
        form saved with an unusable name (an emoji label) still renders and keeps
        every answer."""
        fields = list(self.fields)
        return {
            name: self.get_create_field_function(field.field_type)(
                field, self.get_field_options(field)
            )
            for name, field in zip(usable_field_names(fields), fields, strict=True)
        }

    def get_field_options(self, field):
        options = super().get_field_options(field)
        options["autocomplete"] = AUTOCOMPLETE_BY_NAME.get(
            field.clean_name or field.get_field_clean_name()
        )
        return options

    def _text_widget(self, options, widget_class=forms.TextInput, **attrs):
        autocomplete = options.pop("autocomplete", None)
        if autocomplete:
            attrs["autocomplete"] = autocomplete
        return widget_class(attrs=attrs)

    def _without_autocomplete(self, options):
        options.pop("autocomplete", None)
        return options

    def _with_choice_message(self, options):
        options["error_messages"] = {"invalid_choice": CHOICE_MESSAGE}
        return self._without_autocomplete(options)

    def create_singleline_field(self, field, options):
        return without_null_character_check(
            forms.CharField(
                max_length=SINGLE_LINE_MAX_LENGTH,
                validators=[refuse_unreadable_single_line],
                widget=self._text_widget(options),
                **options,
            )
        )

    def create_multiline_field(self, field, options):
        return without_null_character_check(
            MultiLineField(
                max_length=MULTI_LINE_MAX_LENGTH,
                validators=[refuse_unreadable_multi_line],
                widget=self._text_widget(options, forms.Textarea, rows=5),
                **options,
            )
        )

    def create_hidden_field(self, field, options):
        return without_null_character_check(
            forms.CharField(
                max_length=SINGLE_LINE_MAX_LENGTH,
                validators=[refuse_unreadable_single_line],
                widget=forms.HiddenInput,
                **self._without_autocomplete(options),
            )
        )

    def create_email_field(self, field, options):
        options.pop("autocomplete", None)
        return without_null_character_check(
            forms.EmailField(
                max_length=EMAIL_MAX_LENGTH,
                validators=[refuse_unreadable_single_line],
                widget=forms.EmailInput(attrs={"autocomplete": "email"}),
                error_messages={
                    "invalid": "Enter an email address such as name@example.com."
                },
                **options,
            )
        )

    def create_url_field(self, field, options):
        return without_null_character_check(
            URLField(
                max_length=URL_MAX_LENGTH,
                validators=[refuse_unreadable_single_line],
                **self._without_autocomplete(options),
            )
        )

    def create_number_field(self, field, options):
        return forms.DecimalField(
            max_digits=15, decimal_places=4, **self._without_autocomplete(options)
        )

    def create_date_field(self, field, options):
        return forms.DateField(
            widget=forms.DateInput(attrs={"type": "date"}),
            **self._without_autocomplete(options),
        )

    def create_datetime_field(self, field, options):
        return forms.DateTimeField(
            widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
            **self._without_autocomplete(options),
        )

    def create_checkbox_field(self, field, options):
        return super().create_checkbox_field(field, self._without_autocomplete(options))

    def create_dropdown_field(self, field, options):
        options = self._with_choice_message(options)
        options["choices"] = [
            ("", "Choose one"),
            *self.get_formatted_field_choices(field),
        ]
        return forms.ChoiceField(**options)

    def create_radio_field(self, field, options):
        return super().create_radio_field(field, self._with_choice_message(options))

    def create_checkboxes_field(self, field, options):
        return super().create_checkboxes_field(
            field, self._with_choice_message(options)
        )

    def create_multiselect_field(self, field, options):
        return super().create_multiselect_field(
            field, self._with_choice_message(options)
        )

    def create_phone_field(self, field, options):
        options.pop("autocomplete", None)
        return ConsultationPhoneField(
            region="US",
            max_length=PHONE_MAX_LENGTH,
            widget=RegionalPhoneNumberWidget(
                region="US", attrs={"type": "tel", "autocomplete": "tel"}
            ),
            error_messages={
                "invalid": "Enter a phone number such as (512) 555-0142, or one "
                "starting with + and the country code."
            },
            **options,
        )

    def create_preferred_time_field(self, field, options):
        options = self._with_choice_message(options)
        options["choices"] = [(label, label) for label in PREFERRED_TIMES]
        options.setdefault("widget", forms.RadioSelect)
        return forms.ChoiceField(**options)
