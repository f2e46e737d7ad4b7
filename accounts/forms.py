"""The code forms of two-factor sign-in."""

import django_otp
from django import forms

WRONG_CODE = (
    "That code is not right. Enter the 6-digit code your authenticator app shows "
    "now, or one of your recovery codes. After several wrong codes, wait a little "
    "before the next try."
)


def code_field(label):
    return forms.CharField(
        label=label,
        max_length=32,
        strip=True,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True}
        ),
    )


def normalise_code(value):
    return "".join(value.split())


class SecondFactorForm(forms.Form):
    """Sign-in's second step: a code from the user's authenticator app or one of
    their single-use recovery codes (which is used up)."""

    otp_token = code_field("Code from your authenticator app, or a recovery code")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = None

    def clean_otp_token(self):
        token = normalise_code(self.cleaned_data["otp_token"])
        # django-otp checks each confirmed device in turn, with its throttling.
        self.device = django_otp.match_token(self.user, token)
        if self.device is None:
            raise forms.ValidationError(WRONG_CODE)
        return token


class DeviceSetupForm(forms.Form):
    """Setting up an authenticator app: the first code it shows proves it works."""

    otp_token = code_field("Code your authenticator app shows")

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_otp_token(self):
        token = normalise_code(self.cleaned_data["otp_token"])
        if not self.device.verify_token(token):
            raise forms.ValidationError(
                "That code is not right. Check that the app shows this site's entry "
                "and enter the code it shows now."
            )
        return token
