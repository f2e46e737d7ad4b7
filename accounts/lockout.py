"""What a locked-out sign-in sees (django-axes's `AXES_LOCKOUT_CALLABLE`)."""

import math

from axes.helpers import get_cool_off
from django.conf import settings
from django.shortcuts import render


def lockout_response(request, original_response=None, credentials=None):
    """The sign-in page's look with a plain message: how long to wait, and whom to
    ask. HTTP 429, as django-axes answers by default."""
    cool_off = get_cool_off(request)
    minutes = math.ceil(cool_off.total_seconds() / 60) if cool_off else None
    # Rendered here: django-axes's middleware puts it in place of the view's answer.
    return render(
        request,
        "accounts/locked_out.html",
        {"minutes": minutes, "failure_limit": settings.AXES_FAILURE_LIMIT},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
