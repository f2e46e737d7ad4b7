"""Admin screens for marketing editors, under Reports: the SEO report and the
not-found log (with "Create redirect")."""

from urllib.parse import urlencode

import django_filters
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.redirects.views import CreateView as RedirectCreateView
from wagtail.models import Page, Site

from seo.audit import audit_site, section_of
from seo.checks import PROBLEMS
from seo.models import NotFoundPath

SEO_REPORT_PERMISSION = "seo.view_seo_report"
NOT_FOUND_PERMISSION = "seo.view_notfoundpath"


class LinkColumn(Column):
    """A column of one link per row (the link's text is the column's label)."""

    cell_template_name = "seo/tables/link_cell.html"

    def __init__(self, name, get_url, **kwargs):
        super().__init__(name, **kwargs)
        self.get_url = get_url

    def get_value(self, instance):
        return self.get_url(instance)


class SeoReportRow:
    """One page in the SEO report, with its problems."""

    def __init__(self, page, findings, section):
        self.page = page
        self.findings = findings
        self.section = section
        self.pk = page.pk
        self.title = page.get_admin_display_title()
        self.url = page.full_url or ""
        self.page_type = page.specific_class._meta.verbose_name.capitalize()
        self.problem_codes = {item.code for item in findings}

    @property
    def problems(self):
        return "; ".join(str(item) for item in self.findings)


def site_sections(site):
    """(path, title) of the site's top-level sections, in menu order."""
    return [
        (page.path, page.title)
        for page in site.root_page.get_children().live().order_by("path")
    ]


class SeoReportFilterSet(WagtailFilterSet):
    """Filters the report by problem and section (applied to the audited rows)."""

    problem = django_filters.ChoiceFilter(
        label="Problem",
        choices=[(code, problem.label) for code, problem in PROBLEMS.items()],
        method="filter_rows",
        empty_label="All problems",
    )
    section = django_filters.ChoiceFilter(
        label="Section", method="filter_rows", empty_label="All sections"
    )

    class Meta:
        model = Page
        fields = []

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        site = Site.find_for_request(request) if request else None
        self.filters["section"].extra["choices"] = site_sections(site) if site else []

    def filter_rows(self, queryset, name, value):
        return queryset  # the rows are filtered by SeoReportView.get_filtered_queryset


class SeoReportView(ReportView):
    """Every live page of the current site with what to fix for search engines."""

    page_title = "SEO report"
    header_icon = "search"
    index_url_name = "seo_report:index"
    index_results_url_name = "seo_report:index_results"
    filterset_class = SeoReportFilterSet
    paginate_by = 50
    verbose_name_plural = "pages with problems"
    columns = [
        TitleColumn(
            "title",
            label="Page",
            get_url=lambda row: reverse("wagtailadmin_pages:edit", args=[row.pk]),
        ),
        Column("section_title", label="Section", accessor="section"),
        Column("page_type", label="Type"),
        Column("problems", label="Problems"),
    ]
    list_export = ["title", "url", "section", "page_type", "problems"]
    export_headings = {
        "title": "Page",
        "url": "Address",
        "section": "Section",
        "page_type": "Type",
        "problems": "Problems",
    }

    permission_required = "view"

    def user_has_permission(self, permission):
        return self.request.user.has_perm(SEO_REPORT_PERMISSION)

    @cached_property
    def site(self):
        return Site.find_for_request(self.request)

    def get_queryset(self):
        return Page.objects.none()  # the report lists audited rows, not a queryset

    def get_filtered_queryset(self):
        if self.site is None:
            return []
        titles = dict(site_sections(self.site))
        data = self.filters.form.cleaned_data if self.filters.is_valid() else {}
        problem, section = data.get("problem"), data.get("section")
        rows = []
        for page, findings in audit_site(self.site, self.request):
            path = section_of(page, self.site)
            if not findings or (problem and problem not in {f.code for f in findings}):
                continue
            if section and path != section:
                continue
            rows.append(SeoReportRow(page, findings, titles.get(path, "Home")))
        return rows


class NotFoundFilterSet(WagtailFilterSet):
    path = django_filters.CharFilter(label="Path contains", lookup_expr="icontains")

    class Meta:
        model = NotFoundPath
        fields = ["path"]


def create_redirect_url(entry):
    query = urlencode({"path": entry.path, "site": entry.site_id or ""})
    return f"{reverse('seo_not_found:create_redirect')}?{query}"


class NotFoundReportView(ReportView):
    """Public addresses that answered 'page not found', most asked for first;
    those that now redirect are left out."""

    page_title = "Pages not found"
    header_icon = "warning"
    index_url_name = "seo_not_found:index"
    index_results_url_name = "seo_not_found:index_results"
    filterset_class = NotFoundFilterSet
    paginate_by = 50
    verbose_name_plural = "addresses not found"
    columns = [
        Column("path", label="Address"),
        Column("hits", label="Visits", sort_key="hits"),
        DateColumn("first_seen", label="First seen", sort_key="first_seen"),
        DateColumn("last_seen", label="Last seen", sort_key="last_seen"),
        Column("referrer_host", label="Came from"),
        LinkColumn("create_redirect", get_url=create_redirect_url, label="Redirect"),
    ]
    default_ordering = "-hits"
    list_export = ["path", "hits", "first_seen", "last_seen", "referrer_host"]
    export_headings = {
        "path": "Address",
        "hits": "Visits",
        "first_seen": "First seen",
        "last_seen": "Last seen",
        "referrer_host": "Came from",
    }

    permission_required = "view"

    def user_has_permission(self, permission):
        return self.request.user.has_perm(NOT_FOUND_PERMISSION)

    def get_base_queryset(self):
        redirected = Redirect.objects.filter(old_path=OuterRef("path")).filter(
            Q(site_id=OuterRef("site_id")) | Q(site__isnull=True)
        )
        return NotFoundPath.objects.exclude(Exists(redirected))

    def order_queryset(self, queryset):
        return queryset.order_by(self.ordering, "-last_seen")


class CreateRedirectView(RedirectCreateView):
    """Wagtail's 'Add redirect' form with the not-found address filled in; back to
    the not-found log afterwards."""

    add_url_name = "seo_not_found:create_redirect"

    def get_initial(self):
        initial = super().get_initial()
        path = self.request.GET.get("path", "")
        if path.startswith("/"):
            initial["old_path"] = path
        site_id = self.request.GET.get("site", "")
        if site_id.isdigit():
            initial["site"] = site_id
        return initial

    def get_success_url(self):
        return reverse("seo_not_found:index")
