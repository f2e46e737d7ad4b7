from django.contrib.auth.models import Permission
from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from seo import views
from seo.editing import use_seo_checks

hooks.register("construct_wagtail_userbar", use_seo_checks)

report_urls = (
    [
        path("", views.SeoReportView.as_view(), name="index"),
        path(
            "results/",
            views.SeoReportView.as_view(results_only=True),
            name="index_results",
        ),
    ],
    "seo_report",
)
not_found_urls = (
    [
        path("", views.NotFoundReportView.as_view(), name="index"),
        path(
            "results/",
            views.NotFoundReportView.as_view(results_only=True),
            name="index_results",
        ),
        path(
            "create-redirect/",
            views.CreateRedirectView.as_view(),
            name="create_redirect",
        ),
    ],
    "seo_not_found",
)


@hooks.register("register_admin_urls")
def register_seo_urls():
    return [
        path("reports/seo/", include(report_urls)),
        path("reports/not-found/", include(not_found_urls)),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_reports_menu_item")
def register_seo_report_menu_item():
    return PermissionMenuItem(
        "SEO report",
        reverse("seo_report:index"),
        name="seo-report",
        icon_name="search",
        order=1100,
        permission=views.SEO_REPORT_PERMISSION,
    )


@hooks.register("register_reports_menu_item")
def register_not_found_menu_item():
    return PermissionMenuItem(
        "Pages not found",
        reverse("seo_not_found:index"),
        name="pages-not-found",
        icon_name="warning",
        order=1110,
        permission=views.NOT_FOUND_PERMISSION,
    )


@hooks.register("register_permissions")
def register_seo_permissions():
    return Permission.objects.filter(
        content_type__app_label="seo",
        codename__in=["view_seo_report", "view_notfoundpath"],
    )


@hooks.register("insert_editor_js")
def seo_content_metrics_js():
    return format_html(
        '<script src="{}" defer></script>', static("seo/content-metrics.js")
    )
