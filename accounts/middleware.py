"""Admin sign-in middleware: idle logoff, and the second factor on every admin URL."""

import time
from urllib.parse import urlencode

import django_otp
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django_otp.middleware import OTPMiddleware

from home.two_factor import second_factor_required

LAST_SEEN_KEY = "accounts:last_seen"
SIGNED_IN_AT_KEY = "accounts:signed_in_at"
# Seconds between two writes of the last-seen time: not a session write per request.
LAST_SEEN_RESOLUTION = 60

# Admin URLs that a signed-in user reaches before proving a second factor.
OPEN_BEFORE_SECOND_FACTOR = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
    "accounts_two_factor_verify",
    "accounts_two_factor_setup",
}
# Requests the admin's pages send by themselves (they are no sign of a person).
BACKGROUND_URL_NAMESPACES = {"wagtailadmin_editing_sessions"}


def admin_login_url(next_url):
    return f"{reverse('wagtailadmin_login')}?{urlencode({'next': next_url})}"


def is_admin_path(request):
    return request.path_info.startswith(reverse("wagtailadmin_home"))


class IdleSignOutMiddleware:
    """Ends a signed-in session after `SESSION_IDLE_MINUTES` without a request, or
    `SESSION_MAX_AGE_HOURS` after signing in, and tells the person why on the sign-in
    page. Times are kept in the session (seconds since the epoch)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.user.is_authenticated:
            return None
        session = request.session
        now = time.time()
        last_seen = session.get(LAST_SEEN_KEY)
        signed_in_at = session.get(SIGNED_IN_AT_KEY)
        if last_seen is None or signed_in_at is None:
            session[LAST_SEEN_KEY] = session[SIGNED_IN_AT_KEY] = now
            return None
        if now - signed_in_at > settings.SESSION_MAX_AGE_HOURS * 3600:
            return self.sign_out(
                request,
                "max_age",
                f"You were signed out {settings.SESSION_MAX_AGE_HOURS} hours after "
                "signing in. Please sign in again.",
            )
        if now - last_seen > settings.SESSION_IDLE_MINUTES * 60:
            return self.sign_out(
                request,
                "idle",
                f"You were signed out after {settings.SESSION_IDLE_MINUTES} minutes "
                "without activity, to protect patient information. Please sign in "
                "again.",
            )
        match = request.resolver_match
        background = match is not None and bool(
            set(match.namespaces) & BACKGROUND_URL_NAMESPACES
        )
        if not background and now - last_seen >= LAST_SEEN_RESOLUTION:
            session[LAST_SEEN_KEY] = now
        return None

    def sign_out(self, request, reason, message):
        request.sign_out_reason = reason
        logout(request)
        messages.warning(request, message)
        if is_admin_path(request):
            return redirect(admin_login_url(request.get_full_path()))
        return None


class SecondFactorMiddleware(OTPMiddleware):
    """django-otp's middleware (it gives `request.user` `is_verified()`), and on
    every admin URL: a user with a device who has not verified it in this session
    is sent to enter a code; a user who must have a second factor and has none is
    sent to set one up. Nothing else in the admin is served before."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.TWO_FACTOR_ENABLED or not is_admin_path(request):
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        match = request.resolver_match
        if match is not None and match.url_name in OPEN_BEFORE_SECOND_FACTOR:
            return None
        query = urlencode({"next": request.get_full_path()})
        if django_otp.user_has_device(user):
            return redirect(f"{reverse('accounts_two_factor_verify')}?{query}")
        if second_factor_required(user):
            return redirect(f"{reverse('accounts_two_factor_setup')}?{query}")
        return None


def start_session_clock(sender, request, user, **kwargs):
    """On every sign-in (a `user_logged_in` receiver): the idle and maximum-age
    clocks start now, whatever the session held before."""
    if request is not None and hasattr(request, "session"):
        request.session[LAST_SEEN_KEY] = request.session[SIGNED_IN_AT_KEY] = time.time()
