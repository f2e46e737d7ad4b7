"""Demo content for a fictional clinic group, built by `manage.py load_demo_content`.

Each app adds its own part through the hook named DEMO_HOOK (registered in its
wagtail_hooks.py with this constant), so that the foundation never imports a feature
app. Pages are built with the factories that the tests use (each app's
factories.py). Every step is idempotent: what exists already is
left exactly as it is."""

import colorsys
import io
import random
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail import hooks
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtailmenus.models import FlatMenu, FlatMenuItem, MainMenu, MainMenuItem
from wagtailseo.models import SeoSettings

from home.factories import HomePageFactory, StandardPageFactory
from home.models import ClinicSettings, HomePage, HomePageFeaturedPage, Treatment

DEMO_HOOK = "register_demo_content"
GROUP_NAME = "Live Oak Mind Health"


class DemoBuilder:
    """Idempotent helpers that feature apps use to add their demo content."""

    def __init__(self, stdout=None):
        self.stdout = stdout
        self.created = []
        self.featured = []

    def log(self, message):
        self.created.append(message)
        if self.stdout is not None:
            self.stdout.write(f"  created {message}")

    def child_page(self, parent, page):
        """Add and publish `page` under `parent` unless a child with its slug exists."""
        existing = parent.get_children().filter(slug=page.slug).first()
        if existing is not None:
            return existing.specific
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.log(f"page '{page.title}'")
        return page

    def feature(self, page):
        """Ask for `page` to be a card on the home page (on a new site only)."""
        self.featured.append(page)

    def publish_featured(self):
        """Put the requested cards on the home page, unless it already has cards."""
        if not self.featured or self.home.featured_pages.exists():
            return
        for position, page in enumerate(self.featured):
            self.home.featured_pages.add(
                HomePageFeaturedPage(featured_page=page, sort_order=position)
            )
        self.home.save_revision().publish()
        self.log(f"{len(self.featured)} featured pages on the home page")

    def image(self, title, kind="landscape", seed=0):
        """A generated image (no download), created once per title."""
        Image = get_image_model()
        existing = Image.objects.filter(title=title).first()
        if existing is not None:
            return existing
        painter = PAINTERS[kind]
        file_format = "PNG" if kind == "logo" else "JPEG"
        buffer = io.BytesIO()
        painter(random.Random(f"{title}-{seed}")).save(buffer, format=file_format)
        extension = file_format.lower().replace("jpeg", "jpg")
        filename = f"{title.lower().replace(' ', '-')[:60]}.{extension}"
        image = Image(title=title, description=title)
        image.file = ImageFile(buffer, name=filename)
        image.save()
        self.log(f"image '{title}'")
        return image

    def section(self, page, menu_order, footer_order=None, allow_subnav=False):
        """A top-level section under the home page: in the main menu (and the footer
        when footer_order is given) and a card on the home page."""
        section = self.child_page(self.home, page)
        self.main_menu_item(self.site, section, menu_order, allow_subnav)
        if footer_order is not None:
            self.flat_menu_item(self.site, "footer", "Footer", section, footer_order)
        self.feature(section)
        return section

    # Menu items' sort orders are their positions, 0, 1, 2, ..., as the menu editor
    # saves them (main menu: Locations, Our providers, Learn, Newsroom, About us,
    # Request a consultation; footer: Locations, About us, Privacy policy).
    def main_menu_item(self, site, page, sort_order, allow_subnav=False):
        menu = MainMenu.get_for_site(site)
        _, created = MainMenuItem.objects.get_or_create(
            menu=menu,
            link_page=page,
            defaults={"sort_order": sort_order, "allow_subnav": allow_subnav},
        )
        if created:
            self.log(f"main menu item '{page.title}'")

    def flat_menu_item(self, site, handle, title, page, sort_order):
        menu, _ = FlatMenu.objects.get_or_create(
            site=site, handle=handle, defaults={"title": title}
        )
        _, created = FlatMenuItem.objects.get_or_create(
            menu=menu, link_page=page, defaults={"sort_order": sort_order}
        )
        if created:
            self.log(f"{handle} menu item '{page.title}'")


def _soft_colour(rng, lightness):
    red, green, blue = colorsys.hls_to_rgb(rng.uniform(0.42, 0.58), lightness, 0.35)
    return int(red * 255), int(green * 255), int(blue * 255)


def paint_landscape(rng, size=(1600, 1000)):
    """Calm rolling hills under a pale sky."""
    width, height = size
    canvas = PILImage.new("RGB", size, _soft_colour(rng, 0.88))
    draw = ImageDraw.Draw(canvas)
    sun = rng.randint(width // 5, width * 4 // 5)
    draw.ellipse((sun - 90, 120, sun + 90, 300), fill=(250, 236, 200))
    for layer in range(4):
        base = height * (0.45 + 0.13 * layer)
        points = [(0, height)]
        for x in range(0, width + 100, 100):
            points.append((x, base + rng.uniform(-40, 40)))
        points.append((width, height))
        draw.polygon(points, fill=_soft_colour(rng, 0.62 - 0.1 * layer))
    return canvas


def paint_portrait(rng, size=(800, 1000)):
    """A simple, friendly silhouette on a soft background, used as a headshot."""
    width, height = size
    canvas = PILImage.new("RGB", size, _soft_colour(rng, 0.85))
    draw = ImageDraw.Draw(canvas)
    skin = rng.choice(
        [(241, 204, 178), (198, 142, 103), (141, 85, 54), (224, 172, 140)]
    )
    hair = rng.choice([(40, 30, 25), (90, 60, 40), (160, 120, 80), (70, 70, 75)])
    shirt = _soft_colour(rng, 0.35)
    draw.ellipse((width * 0.15, height * 0.68, width * 0.85, height * 1.3), fill=shirt)
    draw.rectangle(
        (width * 0.43, height * 0.55, width * 0.57, height * 0.72), fill=skin
    )
    draw.ellipse((width * 0.3, height * 0.2, width * 0.7, height * 0.62), fill=hair)
    draw.ellipse((width * 0.33, height * 0.26, width * 0.67, height * 0.62), fill=skin)
    return canvas


def paint_logo(rng, size=(512, 512)):
    """A live oak's round crown on a trunk, in the group's green, on white (search
    engines show logos on a white background)."""
    width, height = size
    canvas = PILImage.new("RGB", size, (255, 255, 255))
    draw = ImageDraw.Draw(canvas)
    green, bark = (47, 107, 79), (110, 84, 60)
    draw.rectangle((width * 0.46, height * 0.5, width * 0.54, height * 0.86), fill=bark)
    for x, y, radius in ((0.5, 0.36, 0.22), (0.32, 0.46, 0.16), (0.68, 0.46, 0.16)):
        draw.ellipse(
            (
                width * (x - radius),
                height * (y - radius),
                width * (x + radius),
                height * (y + radius),
            ),
            fill=green,
        )
    draw.rectangle(
        (width * 0.18, height * 0.86, width * 0.82, height * 0.9), fill=green
    )
    return canvas


PAINTERS = {
    "landscape": paint_landscape,
    "portrait": paint_portrait,
    "logo": paint_logo,
}


def ensure_home_page(builder):
    """The HomePage at the root of the default site, in place of Wagtail's welcome."""
    home = HomePage.objects.first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    for page in root.get_children().filter(slug="home"):
        if page.specific_class is Page:  # Wagtail's stock "Welcome" page
            page.delete()
    home = HomePageFactory.build(
        seo_title=f"{GROUP_NAME} | Ketamine and psychiatry in Texas",
        hero_heading="Care for depression, anxiety and PTSD, close to home",
        intro=(
            "Our psychiatrists and nurse practitioners offer medication management, "
            "therapy and supervised ketamine treatment, with a plan built around you."
        ),
        hero_image=builder.image("Hills at sunrise", seed=1),
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    builder.log("home page")
    return home


def ensure_site(builder, home):
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None and site.root_page_id == home.pk:
        return site
    hostname, port = site_address()
    if site is None:
        site = Site(is_default_site=True)
    site.hostname, site.port = hostname, port
    site.root_page = home
    site.site_name = GROUP_NAME
    site.save()
    builder.log(f"site {hostname}:{port}")
    return site


def site_address():
    """Host and port of the site, from WAGTAILADMIN_BASE_URL."""
    parts = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    default_port = 443 if parts.scheme == "https" else 80
    return parts.hostname or "localhost", parts.port or default_port


DEMO_TREATMENTS = [
    (
        "Psychiatric evaluation",
        "A first, thorough assessment of your symptoms and history.",
    ),
    (
        "Medication management",
        "Regular visits to start, adjust or stop medication safely.",
    ),
    (
        "Ketamine infusion therapy",
        "Low-dose IV ketamine given under medical monitoring.",
    ),
    (
        "Esketamine (Spravato) treatment",
        "A nasal spray taken in the clinic, then observed.",
    ),
    (
        "Ketamine-assisted psychotherapy",
        "Therapy sessions planned around ketamine treatment.",
    ),
    (
        "Talk therapy",
        "Individual counselling such as CBT and trauma-focused therapy.",
    ),
]


def ensure_treatments(builder):
    """The shared list of treatments that locations and providers pick from."""
    for name, description in DEMO_TREATMENTS:
        _, created = Treatment.objects.get_or_create(
            name=name, defaults={"description": description}
        )
        if created:
            builder.log(f"treatment '{name}'")


def load_foundation_demo(builder):
    home = ensure_home_page(builder)
    ensure_treatments(builder)
    site = ensure_site(builder, home)
    about = builder.child_page(
        home,
        StandardPageFactory.build(
            title="About us",
            slug="about",
            show_in_menus=True,
            intro=(
                "We are a small group of Texas clinics where psychiatrists, nurse "
                "practitioners and therapists work as one team."
            ),
            body=[
                ("heading", {"text": "How we work", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Every new patient starts with an unhurried evaluation. We "
                    "look at what you have already tried, what matters to you, and "
                    "which options fit your health history, then agree on a plan "
                    "together.</p>",
                ),
                (
                    "faq",
                    {
                        "heading": "Common questions",
                        "items": [
                            {
                                "question": "Do I need a referral?",
                                "answer": "<p>No. You can ask for a consultation "
                                "yourself; we will ask for your records later.</p>",
                            },
                            {
                                "question": "Do you offer telehealth?",
                                "answer": "<p>Yes, for evaluations and follow-up "
                                "visits with most of our providers.</p>",
                            },
                        ],
                    },
                ),
            ],
        ),
    )
    privacy = builder.child_page(
        home,
        StandardPageFactory.build(
            title="Privacy policy",
            slug="privacy",
            show_in_menus=True,
            intro="How we collect, use and protect what you share with us.",
            body=[
                (
                    "paragraph",
                    "<p>We collect only what we need to answer your request and to "
                    "care for you. Requests sent through this website are stored "
                    "encrypted, are seen only by the staff of the clinic you choose, "
                    "and are "
                    "deleted after a set period.</p>",
                ),
                (
                    "paragraph",
                    "<p>We never sell your information and we do not use advertising "
                    "trackers on this website.</p>",
                ),
            ],
        ),
    )
    builder.main_menu_item(site, about, sort_order=4)
    builder.feature(about)
    builder.flat_menu_item(site, "footer", "Footer", about, sort_order=1)
    builder.flat_menu_item(site, "footer", "Footer", privacy, sort_order=2)

    clinic = ClinicSettings.for_site(site)
    if not clinic.group_name:
        clinic.group_name = GROUP_NAME
        clinic.main_phone = "+15125550100"
        clinic.privacy_page = privacy
        clinic.save()
        builder.log("clinic settings")

    seo = SeoSettings.for_site(site)
    if not seo.struct_org_type:
        seo.struct_org_type = "MedicalOrganization"
        seo.struct_org_name = GROUP_NAME
        seo.struct_org_phone = "+1-512-555-0100"
        seo.og_image_default = builder.image("Hills at sunrise", seed=1)
        seo.save()
        builder.log("SEO settings")
    if seo.struct_org_logo is None:
        seo.struct_org_logo = builder.image(f"{GROUP_NAME} logo", kind="logo")
        seo.save()
        builder.log("organisation logo in the SEO settings")
    return home


def load_demo_content(stdout=None):
    """Run the foundation's demo content, then every app's, in hook order."""
    builder = DemoBuilder(stdout)
    builder.home = load_foundation_demo(builder)
    builder.site = Site.objects.get(root_page=builder.home)
    for loader in hooks.get_hooks(DEMO_HOOK):
        loader(builder)
    builder.publish_featured()
    return builder
