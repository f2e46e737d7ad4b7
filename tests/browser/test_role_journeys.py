"""The everyday jobs of issue 8, each done in Chromium by the person whose job it is
(none a superuser), with no error page and no background 500."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Collection, Revision
from wagtailmenus.models import FlatMenu, FlatMenuItem, MainMenu, MainMenuItem

from articles.models import ArticlePage, PressReleasePage
from home.factories import StandardPageFactory
from home.models import ClinicSettings, StandardPage
from locations.models import ConsultationRequest, ConsultationStatus, LocationPage
from providers.models import ProviderPage
from tests.factories import (
    ArticleIndexPageFactory,
    ImageFactory,
    LocationIndexPageFactory,
    NewsroomPageFactory,
    ProviderIndexPageFactory,
    make_article,
    make_consultation_page,
    make_location,
    make_provider,
    make_site,
)

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    # The admin's choosers search Wagtail's index, which a worker updates on the site.
    pytest.mark.immediate_tasks,
]


@pytest.fixture(autouse=True)
def no_server_errors(page):
    """Fails the journey if any answer the browser got, seen or in the background
    (autosave, previews, choosers), was a server error."""
    errors = []
    page.on(
        "response",
        lambda response: (
            errors.append(f"{response.status} {response.url}")
            if response.status >= 500
            else None
        ),
    )
    yield
    page.goto("about:blank")  # no autosave after the test's database is gone
    assert errors == []


class Clinic:
    """The clinic group's site, small: every section, two clinics, a form."""

    def __init__(self):
        self.home = make_site()
        self.locations = LocationIndexPageFactory(parent=self.home, title="Locations")
        self.austin = make_location(
            self.locations, title="Austin Clinic", slug="austin"
        )
        self.round_rock = make_location(
            self.locations, title="Round Rock Clinic", slug="round-rock"
        )
        self.providers = ProviderIndexPageFactory(parent=self.home)
        self.learn = ArticleIndexPageFactory(parent=self.home)
        self.newsroom = NewsroomPageFactory(parent=self.home)
        self.about = StandardPageFactory(
            parent=self.home, title="About us", slug="about", show_in_menus=True
        )
        self.form_page = make_consultation_page(self.home)
        clinic = ClinicSettings.for_site(self.home.get_site())
        clinic.consultation_page = self.form_page
        clinic.save()
        site = self.home.get_site()
        self.main_menu = MainMenu.get_for_site(site)
        for position, page in enumerate([self.locations, self.learn, self.about]):
            MainMenuItem.objects.create(
                menu=self.main_menu, link_page=page, sort_order=position
            )
        self.footer = FlatMenu.objects.create(
            site=site, handle="footer", title="Footer"
        )
        FlatMenuItem.objects.create(
            menu=self.footer, link_page=self.about, sort_order=0
        )


@pytest.fixture
def clinic(people, settings):
    settings.CONSULTATION_MIN_FILL_SECONDS = 0  # the test types faster than people
    site = Clinic()
    site.austin.managers.add(people["austin-manager"])
    site.austin.save_revision().publish()
    site.round_rock.managers.add(people["round-rock-manager"])
    site.round_rock.save_revision().publish()
    return site


def field(page, label):
    """A text field of the Wagtail editor by its visible label."""
    return page.get_by_role("textbox", name=re.compile(f"^{re.escape(label)}"))


def publish(page):
    # A date or time picker can stay open over the footer's buttons: as a keyboard
    # user would, move to them and press Enter.
    page.get_by_role("button", name="More actions").press("Enter")
    page.locator("button[name='action-publish']").press("Enter")
    expect(page.locator(".messages")).to_contain_text("published")


def open_editor(page, url):
    """Opens a Wagtail editor and waits until it watches for edits. Wagtail takes
    its picture of the unedited form two seconds after loading; what is typed before
    that counts as unedited, and no autosave follows it."""
    page.add_init_script(
        "document.addEventListener('w-unsaved:watch-edits',"
        " () => { document.documentElement.dataset.editsWatched = 'true'; });"
    )
    page.goto(url)
    page.wait_for_selector("html[data-edits-watched]", state="attached")


def nav_links(page, label):
    return page.get_by_role("navigation", name=label).get_by_role("link")


def test_1_editor_creates_a_location_with_hours_a_lunch_break_and_a_closure(
    page, live_server, sign_in, clinic
):
    page.set_viewport_size({"width": 1300, "height": 900})
    sign_in(page, "maya")
    page.goto(
        f"{live_server.url}/admin/pages/add/locations/locationpage/"
        f"{clinic.locations.pk}/"
    )
    field(page, "Clinic name").fill("Georgetown")
    field(page, "Street address").first.fill("700 Main Street")
    field(page, "City").fill("Georgetown")
    field(page, "ZIP code").fill("78626")
    field(page, "Phone").fill("(512) 555-0177")
    # Monday with a lunch break: two rows.
    for row, (opens, closes) in enumerate([("09:00", "12:00"), ("13:00", "17:00")]):
        page.get_by_role("button", name="Add opening hours").click()
        page.locator(f"select[name='opening_hours-{row}-weekday']").select_option("0")
        page.locator(f"input[name='opening_hours-{row}-opens']").fill(opens)
        page.locator(f"input[name='opening_hours-{row}-closes']").fill(closes)
        page.locator(f"input[name='opening_hours-{row}-closes']").press("Tab")
    # At 1300 px the row and its "closed all day" box fit the editor.
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    closed_label = page.locator("label[for='id_opening_hours-0-closed']")
    assert closed_label.evaluate(
        "el => el.getBoundingClientRect().height"
        " < 2 * parseFloat(getComputedStyle(el).lineHeight)"
    )
    closure_day = timezone.localdate() + datetime.timedelta(days=20)
    page.get_by_role("button", name="Add holiday closure").click()
    page.locator("input[name='holiday_closures-0-date']").fill(closure_day.isoformat())
    page.locator("input[name='holiday_closures-0-date']").press("Tab")
    page.locator("input[name='holiday_closures-0-note']").fill("Staff training day")
    publish(page)

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/locations/")
    expect(page.get_by_role("link", name="Georgetown", exact=True)).to_be_visible()
    page.goto(f"{live_server.url}/locations/georgetown/")
    expect(page.locator("h1")).to_have_text("Georgetown")
    expect(page.locator("a.location__phone")).to_have_text("(512) 555-0177")
    hours = page.locator("table.hours")
    expect(hours).to_contain_text("9:00")
    expect(hours).to_contain_text("1:00")
    expect(page.locator(".closures")).to_contain_text("Staff training day")
    assert LocationPage.objects.get(slug="georgetown").live


def test_2_editor_adds_a_provider_with_a_headshot_and_npi_at_a_location(
    page, live_server, sign_in, clinic
):
    ImageFactory(  # where editors' images go (the factory makes a new collection)
        title="Rosa Lindqvist portrait", collection=Collection.get_first_root_node()
    )
    sign_in(page, "maya")
    page.goto(
        f"{live_server.url}/admin/pages/add/providers/providerpage/"
        f"{clinic.providers.pk}/"
    )
    field(page, "Full name").fill("Rosa Lindqvist")
    field(page, "Credentials").fill("MD")
    field(page, "Job title").fill("Psychiatrist")
    field(page, "Summary").fill("Cares for adults with anxiety and depression.")
    page.locator("#panel-child-content-headshot-section").get_by_role(
        "button", name="Choose an image"
    ).click()
    chooser = page.locator(".modal-dialog")
    chooser.get_by_text("Rosa Lindqvist portrait").click()
    expect(chooser).to_be_hidden()
    field(page, "NPI number").fill("1234567893")
    page.get_by_role("checkbox", name="Austin Clinic").check()
    publish(page)
    provider = ProviderPage.objects.get(slug="rosa-lindqvist")
    assert provider.live and provider.npi == "1234567893"

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/providers/?location=austin")
    expect(page.locator(".provider-card__name")).to_have_text(["Rosa Lindqvist, MD"])
    expect(page.locator(".provider-card img")).to_have_count(1)
    page.goto(f"{live_server.url}/locations/austin/")
    page.get_by_role("link", name="Rosa Lindqvist, MD").click()
    expect(page.locator("h1")).to_have_text("Rosa Lindqvist, MD")
    expect(
        page.locator("main").get_by_role("link", name="Austin Clinic")
    ).to_be_visible()


def test_3_editor_writes_an_article_that_goes_live_only_when_a_reviewer_approves(
    page, live_server, sign_in, clinic
):
    for title, credentials in [
        ("Elena Marquez", "MD"),
        ("Hannah Cho", "LPC"),
        ("James Whitfield", "DO"),
    ]:
        make_provider(
            clinic.providers, title=title, credentials=credentials, job_title="Doctor"
        )
    sign_in(page, "maya")
    page.goto(
        f"{live_server.url}/admin/pages/add/articles/articlepage/{clinic.learn.pk}/"
    )
    page.locator("#id_title").fill("Ketamine and sleep")
    page.locator("#id_summary").fill("How ketamine treatment affects sleep.")
    body = page.locator("#panel-child-content-body-section")
    body.get_by_role("button", name="Insert a block").first.click()
    page.get_by_role("option", name="Expert quote").click()
    body.locator("[data-chooser-action-choose]").click()
    chooser = page.locator(".modal-dialog")
    chooser.get_by_role("link", name="Elena Marquez", exact=True).click()
    expect(chooser).to_be_hidden()
    page.locator("#body-0-value-quote").fill("Rest well after each treatment.")
    page.locator("#id_authors-0-provider").select_option(label="Hannah Cho")
    page.locator("#id_medical_reviewer").select_option(label="James Whitfield")
    page.locator("#id_last_reviewed").fill("2026-11-01")
    page.locator("#id_last_reviewed").press("Tab")
    page.get_by_role("button", name="More actions").click()
    expect(page.locator("button[name='action-publish']")).to_have_count(0)
    page.get_by_role("button", name="Submit to Medical review").click()
    expect(page.locator(".messages")).to_contain_text("submitted for moderation")
    article = ArticlePage.objects.get(slug="ketamine-and-sleep")
    assert not article.live
    assert page.goto(f"{live_server.url}/learn/ketamine-and-sleep/").status == 404

    sign_in(page, "dr-reyes")
    awaiting = page.locator("#awaiting-review-section")
    expect(awaiting).to_contain_text("Ketamine and sleep")
    awaiting.get_by_role("button", name="Actions").click()
    awaiting.get_by_role("button", name="Approve", exact=True).click()
    expect(page.locator("#awaiting-review-section")).to_have_count(0)
    article.refresh_from_db()
    assert article.live

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/learn/ketamine-and-sleep/")
    expect(page.locator("h1")).to_have_text("Ketamine and sleep")
    expect(page.locator(".byline")).to_have_text(
        re.compile(
            r"Written by Hannah Cho, LPC\s*·\s*Medically reviewed by "
            r"James Whitfield, DO on November 1, 2026"
        )
    )
    expect(page.locator(".expert-quote")).to_contain_text("Rest well")
    expect(page.locator(".expert-quote__name")).to_have_text("Elena Marquez, MD")
    feed = page.goto(f"{live_server.url}/learn/feed/")
    assert "Ketamine and sleep" in feed.text()


def test_4_editor_schedules_a_press_release_that_appears_once_its_time_comes(
    page, live_server, sign_in, clinic
):
    sign_in(page, "maya")
    open_editor(
        page,
        f"{live_server.url}/admin/pages/add/articles/pressreleasepage/"
        f"{clinic.newsroom.pk}/",
    )
    page.locator("#id_title").fill("Georgetown clinic opens")
    page.locator("#id_dateline_city").fill("Georgetown")
    page.locator("#id_dateline_state").fill("Texas")
    page.locator("#id_summary").fill("A new clinic opens in Georgetown.")
    body = page.locator("#panel-child-content-body-section")
    body.get_by_role("button", name="Insert a block").first.click()
    page.get_by_role("option", name="Paragraph").click()
    body.locator(".public-DraftEditor-content").first.click()
    page.keyboard.type("Live Oak Mind Health opens its fourth clinic on Monday.")
    go_live = timezone.localtime() + datetime.timedelta(days=1)
    page.get_by_role("button", name="Toggle status").click()
    page.get_by_role("button", name="Set schedule").click()
    dialog = page.get_by_role("dialog")
    dialog.locator("input[name='go_live_at']").fill(go_live.strftime("%Y-%m-%d %H:%M"))
    # The date picker stays open over the dialog's buttons: as a keyboard user would,
    # the test moves to "Save schedule" and presses Enter.
    dialog.get_by_role("button", name="Save schedule").press("Enter")
    # Saving the schedule saves a draft (autosave may already have made the page).
    expect(page.locator(".messages")).to_contain_text(re.compile("created|updated"))
    expect(page.get_by_text("Go-live:")).to_be_visible()
    page.get_by_role("button", name="More actions").click()
    page.locator("button[name='action-publish']").click()
    expect(page.locator(".messages")).to_contain_text("scheduled", timeout=20_000)
    release = PressReleasePage.objects.get(slug="georgetown-clinic-opens")
    assert not release.live

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/newsroom/")
    expect(page.get_by_text("Georgetown clinic opens")).to_have_count(0)

    # The clock reaches the go-live time, and the scheduler runs.
    past = timezone.now() - datetime.timedelta(minutes=1)
    scheduled = Revision.page_revisions.get(
        object_id=str(release.pk), approved_go_live_at__isnull=False
    )
    scheduled.approved_go_live_at = past
    scheduled.content["go_live_at"] = past.isoformat()
    scheduled.save(update_fields=["approved_go_live_at", "content"])
    call_command("publish_scheduled")
    page.goto(f"{live_server.url}/newsroom/")
    expect(page.get_by_role("link", name="Georgetown clinic opens")).to_be_visible()


def test_5_editor_adds_the_new_location_to_the_main_menu_and_a_footer_link(
    page, live_server, sign_in, clinic
):
    sign_in(page, "maya")
    page.goto(f"{live_server.url}/admin/wagtailmenus/mainmenu/")
    page.get_by_role("button", name="Add menu item").click()
    new_item = page.locator("[id^='inline_child_menu_items-']").last
    new_item.get_by_role("button", name="Choose a page").click()
    chooser = page.locator(".modal-dialog")
    chooser.get_by_role("textbox", name="Search term").fill("Austin")
    chooser.get_by_role("link", name="Austin Clinic").click()
    expect(chooser).to_be_hidden()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".messages")).to_contain_text("updated")

    page.goto(f"{live_server.url}/admin/wagtailmenus/flatmenu/edit/{clinic.footer.pk}/")
    page.get_by_role("button", name="Add menu item").click()
    new_item = page.locator("[id^='inline_child_menu_items-']").last
    new_item.get_by_role("textbox", name=re.compile("^Link to a custom URL")).fill(
        "https://988lifeline.org/"
    )
    new_item.get_by_role("textbox", name=re.compile("^Link text")).fill("988 Lifeline")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".messages")).to_contain_text("updated")

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/about/")
    expect(nav_links(page, "Main")).to_have_text(
        ["Locations", "Learn", "About us", "Austin Clinic"]
    )
    expect(nav_links(page, "Footer")).to_have_text(["About us", "988 Lifeline"])


def test_6_editor_adds_a_required_question_that_reaches_the_inbox(
    page, live_server, sign_in, clinic
):
    sign_in(page, "maya")
    page.goto(f"{live_server.url}/admin/pages/{clinic.form_page.pk}/edit/")
    before = clinic.form_page.form_fields.count()
    page.get_by_role("button", name="Add form field").click()
    question = page.locator(f"#inline_child_form_fields-{before}")
    question.get_by_role("textbox", name=re.compile("^Label")).fill(
        "Which language do you prefer?"
    )
    question.get_by_role("combobox", name=re.compile("^Field type")).select_option(
        label="Single line text"
    )
    question.get_by_role("checkbox", name=re.compile("^Required")).check()
    question.get_by_role("button", name="Move up").click()
    publish(page)
    labels = [field.label for field in clinic.form_page.specific.form_fields.all()]
    assert labels.index("Which language do you prefer?") == before - 1

    page.context.clear_cookies()
    page.goto(f"{live_server.url}{clinic.form_page.url}")
    page.get_by_label("Location").select_option(label="Austin Clinic")
    page.get_by_label("First name").fill("Imogen")
    page.get_by_label("Last name").fill("Castellanos")
    page.get_by_role("textbox", name="Email").fill("imogen@visitor.example")
    page.get_by_role("textbox", name="Phone").fill("(512) 555-0123")
    page.get_by_role("radio", name="Phone call").check()
    page.get_by_role("radio", name="Morning (8 am to noon)").check()
    page.get_by_role("button", name="Send my request").click()
    expect(page.get_by_label("Which language do you prefer?")).to_be_focused()
    page.get_by_label("Which language do you prefer?").fill("Spanish")
    page.get_by_role("checkbox").check()
    page.get_by_role("button", name="Send my request").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Thank you: your request has been sent"
    )

    submission = ConsultationRequest.objects.get()
    sign_in(page, "austin-manager")
    page.goto(f"{live_server.url}/admin/consultation-requests/inspect/{submission.pk}/")
    expect(page.get_by_text("Which language do you prefer?")).to_be_visible()
    expect(page.get_by_text("Spanish", exact=True)).to_be_visible()


def test_7_editor_changes_the_crisis_banner_and_disclaimer_and_the_site_shows_them(
    page, live_server, sign_in, clinic
):
    reviewer = make_provider(clinic.providers, title="Ana Ruiz", credentials="MD")
    article = make_article(clinic.learn, reviewer, title="Sleep and mood")
    page.goto(f"{live_server.url}{article.url}")  # cached before the change
    sign_in(page, "maya")
    site_id = clinic.home.get_site().pk
    page.goto(f"{live_server.url}/admin/settings/home/clinicsettings/{site_id}/")
    for name, text in [
        ("crisis_banner_text", "Call or text 988, day or night."),
        ("medical_disclaimer", "Talk to your own clinician before any change."),
    ]:
        editor = page.locator(
            f"[id$='{name}-section'] .public-DraftEditor-content, "
            f"[id$='{name}-wrapper'] .public-DraftEditor-content"
        ).first
        editor.click()
        page.keyboard.press("Control+A")
        page.keyboard.type(text)
        expect(editor).to_have_text(text)
        # Draftail copies what is typed into the form a quarter of a second after
        # the last key; a person's move to the Save button takes longer than that.
        expect(page.locator(f"#id_{name}")).to_have_value(re.compile(re.escape(text)))
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".messages")).to_contain_text("updated")

    page.context.clear_cookies()
    page.goto(f"{live_server.url}{article.url}")
    expect(page.get_by_role("region", name="Crisis support")).to_contain_text(
        "Call or text 988, day or night."
    )
    expect(page.get_by_role("complementary", name="Medical disclaimer")).to_have_text(
        "Talk to your own clinician before any change."
    )


def test_8_a_manager_works_a_request_to_closed_and_exports_csv(
    page, live_server, sign_in, clinic, tmp_path
):
    page.goto(f"{live_server.url}{clinic.form_page.url}?location=austin")
    page.get_by_label("First name").fill("Imogen")
    page.get_by_label("Last name").fill("Castellanos")
    page.get_by_role("textbox", name="Email").fill("imogen@visitor.example")
    page.get_by_role("textbox", name="Phone").fill("(512) 555-0123")
    page.get_by_role("radio", name="Phone call").check()
    page.get_by_role("radio", name="Morning (8 am to noon)").check()
    page.get_by_role("checkbox").check()
    page.get_by_role("button", name="Send my request").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Thank you")
    submission = ConsultationRequest.objects.get()

    sign_in(page, "austin-manager")
    dashboard = page.locator("#consultation-requests-section")
    dashboard.get_by_role(
        "link", name=f"Request #{submission.pk} · Austin Clinic"
    ).click()
    for status in ("contacted", "scheduled", "closed"):
        page.get_by_label("Status").select_option(status)
        page.get_by_role("button", name="Save status").click()
        expect(page.get_by_text("status changed")).to_be_visible()
    submission.refresh_from_db()
    assert submission.status == ConsultationStatus.CLOSED

    page.goto(f"{live_server.url}/admin/consultation-requests/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Export CSV").click()
    csv_text = (download.value.path()).read_text()
    assert "Castellanos" in csv_text and "Closed" in csv_text

    sign_in(page, "round-rock-manager")
    expect(page.locator("#consultation-requests-section")).not_to_contain_text(
        f"Request #{submission.pk}"
    )
    page.goto(f"{live_server.url}/admin/consultation-requests/")
    expect(page.get_by_text(f"Request #{submission.pk}")).to_have_count(0)
    inspect = page.goto(
        f"{live_server.url}/admin/consultation-requests/inspect/{submission.pk}/"
    )
    assert inspect.status == 404
    with page.expect_download() as download:
        page.goto(f"{live_server.url}/admin/consultation-requests/")
        page.get_by_role("link", name="Export CSV").click()
    assert "Castellanos" not in download.value.path().read_text()


def test_9_editor_previews_a_draft_that_the_live_site_does_not_show(
    page, live_server, sign_in, clinic
):
    sign_in(page, "maya")
    page.goto(f"{live_server.url}/admin/pages/{clinic.about.pk}/edit/")
    page.locator("#id_title").fill("About Live Oak Mind Health")
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages")).to_contain_text("updated")
    with page.expect_popup() as popup:
        page.get_by_role("button", name="Toggle preview").click()
        page.get_by_role("link", name="Preview in new tab").click()
    preview = popup.value
    expect(preview.locator("h1")).to_have_text("About Live Oak Mind Health")
    preview.close()

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/about/")
    expect(page.locator("h1")).to_have_text("About us")
    assert StandardPage.objects.get(pk=clinic.about.pk).title == "About us"


def test_publish_clicked_while_the_first_autosave_is_on_its_way_publishes_one_page(
    page, live_server, sign_in, clinic
):
    """Wagtail's first autosave of a new page creates it. A Publish clicked before
    that answer arrives waits for it, then publishes the page it made, instead of
    creating the page a second time ("slug already in use")."""
    held = []  # the POSTs to the creation address, answered when the test says

    def hold_posts(route):
        if route.request.method == "POST":
            held.append(route)
        else:
            route.continue_()

    sign_in(page, "maya")
    page.route(re.compile(r"/admin/pages/add/"), hold_posts)
    open_editor(
        page, f"{live_server.url}/admin/pages/add/home/standardpage/{clinic.home.pk}/"
    )
    page.locator("#id_title").fill("Holiday hours")
    page.locator("#id_title").press("Tab")  # Wagtail fills in the slug
    for _ in range(50):  # the autosave starts half a second after typing stops
        if held:
            break
        page.wait_for_timeout(100)
    assert len(held) == 1, "the autosave did not start"
    page.get_by_role("button", name="More actions").click()
    # (A Publish that went out at once would be held: the click must not wait for it.)
    page.locator("button[name='action-publish']").click(no_wait_after=True)
    page.wait_for_timeout(500)  # a Publish that did not wait would be held now
    held[0].continue_()  # the autosave creates the page
    page.wait_for_timeout(1_500)
    for route in held[1:]:
        route.continue_()
    page.unroute(re.compile(r"/admin/pages/add/"))

    expect(page.locator(".messages")).to_contain_text("published")
    assert len(held) == 1, "Publish was sent to the creation address"
    pages = StandardPage.objects.filter(title="Holiday hours")
    assert [p.live for p in pages] == [True]
