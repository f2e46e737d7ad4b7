"""Google's rich-result rules for the types the site publishes, as (errors, warnings).

Google Search Central's structured data documentation names, for each feature, the
properties it requires (missing: the page is not eligible, an error) and those it
recommends (missing: a warning). Checked here, on top-level nodes as Google reads them:

- Article / NewsArticle: recommended author (each with name and url), datePublished,
  dateModified (ISO 8601 with time and time zone), headline (at most 110 characters)
  and image.
- FAQPage: mainEntity of Questions, each with a name and an acceptedAnswer whose text
  is set.
- Organization: recommended name, url and logo.
- LocalBusiness (MedicalClinic and every other subtype): required name and address;
  recommended telephone and url; for a clinic also geo (latitude and longitude with at
  least 5 decimal places) and openingHoursSpecification. A physician's hours and
  position are those of the clinics they practise at (practicesAt).
- BreadcrumbList: itemListElement of ListItems, each with position, name and item
  (the last one may leave out item).
"""

from decimal import Decimal

from tests.schemaorg.vocabulary import as_list, is_a, node_types, parse_datetime

HEADLINE_LENGTH = 110
GEO_DECIMALS = 5


def _is(node, class_name):
    return any(is_a(t, class_name) for t in node_types(node))


def _missing(node, names):
    return [name for name in names if node.get(name) in (None, "", [])]


def _decimals(number):
    exponent = Decimal(str(number)).as_tuple().exponent
    return -exponent if exponent < 0 else 0


class GoogleCheck:
    def __init__(self):
        self.errors = []
        self.warnings = []

    def run(self, data):
        nodes = data.get("@graph", [data])
        for node in nodes:
            name = "/".join(node_types(node)) or "?"
            if _is(node, "Article"):
                self.article(node, name)
            if _is(node, "FAQPage"):
                self.faq(node, name)
            if _is(node, "LocalBusiness"):
                self.local_business(node, name)
            elif _is(node, "Organization"):
                self.organization(node, name)
            if _is(node, "BreadcrumbList"):
                self.breadcrumbs(node, name)
        return self.errors, self.warnings

    def recommend(self, node, names, where):
        for name in _missing(node, names):
            self.warnings.append(f"{where}: {name} is recommended")

    def require(self, node, names, where):
        for name in _missing(node, names):
            self.errors.append(f"{where}: {name} is required")

    def article(self, node, where):
        self.recommend(
            node,
            ["author", "datePublished", "dateModified", "headline", "image"],
            where,
        )
        if len(node.get("headline", "")) > HEADLINE_LENGTH:
            self.warnings.append(f"{where}: headline longer than {HEADLINE_LENGTH}")
        for key in ("datePublished", "dateModified"):
            value = node.get(key)
            moment = parse_datetime(value) if isinstance(value, str) else None
            if value and (moment is None or moment.tzinfo is None):
                self.warnings.append(f"{where}: {key} {value!r} lacks a time and zone")
        for author in as_list(node.get("author", [])):
            if set(author) == {"@id"}:
                continue  # the node it names is on this page and checked there
            self.recommend(author, ["name", "url"], f"{where}.author")

    def faq(self, node, where):
        self.require(node, ["mainEntity"], where)
        for question in as_list(node.get("mainEntity", [])):
            if not _is(question, "Question"):
                self.errors.append(f"{where}.mainEntity: not a Question")
                continue
            self.require(question, ["name", "acceptedAnswer"], f"{where}.Question")
            for answer in as_list(question.get("acceptedAnswer", [])):
                self.require(answer, ["text"], f"{where}.Question.acceptedAnswer")

    def organization(self, node, where):
        self.recommend(node, ["name", "url", "logo"], where)

    def local_business(self, node, where):
        self.require(node, ["name", "address"], where)
        self.recommend(node, ["telephone", "url"], where)
        if _is(node, "Physician"):
            return
        self.recommend(node, ["geo", "openingHoursSpecification"], where)
        geo = node.get("geo")
        if isinstance(geo, dict):
            for key in ("latitude", "longitude"):
                value = geo.get(key)
                if value is None:
                    self.errors.append(f"{where}.geo: {key} is required")
                elif _decimals(value) < GEO_DECIMALS:
                    self.errors.append(
                        f"{where}.geo: {key} {value} has fewer than "
                        f"{GEO_DECIMALS} decimal places"
                    )

    def breadcrumbs(self, node, where):
        self.require(node, ["itemListElement"], where)
        items = as_list(node.get("itemListElement", []))
        for index, item in enumerate(items, start=1):
            names = ["position", "name", "item"] if index < len(items) else ["name"]
            self.require(item, names, f"{where}.ListItem {index}")
            if item.get("position") != index:
                self.errors.append(f"{where}.ListItem {index}: position is not {index}")


def check_google(data):
    """(errors, warnings) of one JSON-LD block against Google's rich-result rules."""
    return GoogleCheck().run(data)
