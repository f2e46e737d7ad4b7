"""The client's address as this deployment can trust it, for rate limits and the
sign-in lockout."""

from django.conf import settings


def client_address(request):
    """The client's IP address (a string, "" when unknown).

    With `TRUSTED_PROXY_COUNT` = n > 0, the n-th address from the right of
    `X-Forwarded-For` (the one the outermost trusted proxy saw); addresses further
    left were written by the client and are not trusted. With 0, or a header shorter
    than n, the peer address (`REMOTE_ADDR`)."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")
