"""Security headers: the Content-Security-Policy (django-csp) and the
Permissions-Policy (django-permissions-policy), both built from settings
(CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_ADMIN, PERMISSIONS_POLICY).

Public pages get a policy with no inline script and no nonce: they are served to
everyone from the full-page cache, so a per-request nonce would be shared (and so
worthless). JSON-LD (<script type="application/ld+json">) is data, which browsers do
not run, so script-src does not apply to it. Wagtail's admin still relies on inline
scripts and styles, so it gets a policy of its own."""

from csp.middleware import CSPMiddleware
from django.conf import settings

ADMIN_PATH_PREFIX = "/admin/"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware (extended through get_policy_parts, as it documents):
    under /admin/ the policy is CONTENT_SECURITY_POLICY_ADMIN, unless a view set its
    own with django-csp's decorators.

    A page preview counts as the admin's: Wagtail renders it through the whole
    middleware chain with a stand-in request for the page's public address (marked
    `is_preview`), and the admin shows the answer in a frame, which the public
    policy (frame-ancestors 'none') forbids."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.config is None
            and (
                request.path_info.startswith(ADMIN_PATH_PREFIX)
                or getattr(request, "is_preview", False)
            )
        ):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        return parts
