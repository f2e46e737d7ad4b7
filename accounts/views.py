"""Two-factor sign-in screens in the Wagtail admin: the code step after the
password, setting up an authenticator app (with recovery codes), new recovery codes,
and an administrator's reset of a user's devices."""

import segno
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied

from accounts import audit
from accounts.devices import (
    app_secret,
    confirm_app_device,
    has_app_device,
    new_recovery_codes,
    pending_app_device,
    reset_devices,
)
from accounts.forms import DeviceSetupForm, SecondFactorForm
from home.two_factor import second_factor_required


def next_url(request):
    """Where to go once done: the `next` parameter when it is on this site, else
    the admin's dashboard."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


@sensitive_post_parameters("otp_token")
@never_cache
@login_required
def verify(request):
    """The code step: after the password, before anything else in the admin."""
    user = request.user
    if not user_has_device(user):
        return redirect(
            f"{reverse('accounts_two_factor_setup')}?{request.GET.urlencode()}"
        )
    if user.is_verified():
        return redirect(next_url(request))
    form = SecondFactorForm(request.POST or None, user=user)
    if request.method == "POST":
        if form.is_valid():
            otp_login(request, form.device)
            method = (
                "recovery code"
                if isinstance(form.device, StaticDevice)
                else "authenticator app"
            )
            audit.log_sign_in_event(
                user, audit.SECOND_FACTOR, request=request, method=method
            )
            if method == "recovery code":
                left = form.device.token_set.count()
                messages.warning(
                    request,
                    f"You signed in with a recovery code; {left} are left. Make new "
                    "ones in your account settings if you are running low.",
                )
            return redirect(next_url(request))
        audit.log_sign_in_event(user, audit.SECOND_FACTOR_FAILED, request=request)
    return TemplateResponse(
        request,
        "accounts/verify.html",
        {"form": form, "next": next_url(request)},
    )


@sensitive_post_parameters("otp_token")
@never_cache
@login_required
def setup(request):
    """Set up an authenticator app. Open before the second factor only to those who
    have none yet: with a device, the code step comes first."""
    user = request.user
    if user_has_device(user) and not user.is_verified():
        return redirect(
            f"{reverse('accounts_two_factor_verify')}?{request.GET.urlencode()}"
        )
    if has_app_device(user):
        messages.info(request, "Two-factor sign-in is already set up.")
        return redirect(next_url(request))
    device = pending_app_device(user)
    form = DeviceSetupForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        codes = confirm_app_device(device)
        otp_login(request, device)
        audit.log_sign_in_event(user, audit.DEVICE_ADDED, request=request)
        return TemplateResponse(
            request,
            "accounts/recovery_codes.html",
            {"codes": codes, "next": next_url(request), "first_time": True},
        )
    config_url = device.config_url
    return TemplateResponse(
        request,
        "accounts/setup.html",
        {
            "form": form,
            "next": next_url(request),
            "secret": app_secret(device),
            "qr_code": segno.make(config_url, error="m").svg_inline(
                scale=5, title="QR code for your authenticator app"
            ),
            "required": second_factor_required(user),
        },
    )


@never_cache
def recovery_codes(request):
    """Make a fresh set of recovery codes for the signed-in user (the old ones stop
    working), shown once after the POST."""
    user = request.user
    if not has_app_device(user):
        return redirect("accounts_two_factor_setup")
    if request.method != "POST":
        return TemplateResponse(request, "accounts/new_recovery_codes.html", {})
    codes = new_recovery_codes(user)
    audit.log_sign_in_event(
        user, audit.DEVICE_ADDED, request=request, reason="Made new recovery codes"
    )
    return TemplateResponse(
        request,
        "accounts/recovery_codes.html",
        {"codes": codes, "next": reverse("wagtailadmin_account"), "first_time": False},
    )


@never_cache
def reset(request, user_id):
    """A superuser removes a user's authenticator app and recovery codes (a lost
    phone): the user sets up a new app at their next sign-in."""
    if not request.user.is_superuser:
        return permission_denied(request)
    account = get_object_or_404(get_user_model(), pk=user_id)
    if request.method == "POST":
        removed = reset_devices(account)
        audit.log_sign_in_event(
            account, audit.DEVICE_RESET, request=request, by=request.user
        )
        messages.success(
            request,
            f"Two-factor sign-in of {account.get_username()} was reset "
            f"({removed} devices removed). They set up a new app at their next "
            "sign-in.",
        )
        return redirect("wagtailusers_users:index")
    return TemplateResponse(
        request,
        "accounts/reset.html",
        {"account": account, "has_device": user_has_device(account, confirmed=None)},
    )
