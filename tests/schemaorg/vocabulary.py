"""Validate JSON-LD against the schema.org vocabulary shipped beside this file.

`check_vocabulary(data)` returns the problems in one JSON-LD block as two lists of
readable strings, errors and warnings, the way schema.org's own validator reports them:

- every `@type` is a schema.org class (not a data type or an enumeration member);
- every property exists and applies to the node's type: one of its domainIncludes is
  the type or one of the type's ancestors;
- every value has a kind the property's rangeIncludes allow: a node of a fitting type,
  an `{"@id": ...}` reference, text (Text), an absolute URL (URL), an ISO 8601 date
  (Date) or date-time with a time zone (DateTime), a time (Time), a JSON number
  (Number, Integer) or boolean (Boolean), or the URL of an enumeration member
  (`https://schema.org/Monday` for a DayOfWeek);
- a superseded property is a warning.
"""

import datetime
import json
import re
from functools import cache
from pathlib import Path

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.json")
SCHEMA_URL = "https://schema.org/"
CONTEXTS = {"https://schema.org", "https://schema.org/"}
TIME = re.compile(r"^\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$")
ABSOLUTE_URL = re.compile(r"^https?://[^\s/?#]+[^\s]*$")


@cache
def vocabulary():
    """The trimmed schema.org vocabulary: classes, properties, enumeration members."""
    return json.loads(VOCABULARY_FILE.read_text())


@cache
def ancestors(class_name):
    """The class and every class above it (Thing included)."""
    found = {class_name}
    for parent in vocabulary()["classes"].get(class_name, []):
        found |= ancestors(parent)
    return frozenset(found)


def is_a(class_name, other):
    return other in ancestors(class_name)


def node_types(node):
    types = node.get("@type", [])
    return types if isinstance(types, list) else [types]


def as_list(value):
    return value if isinstance(value, list) else [value]


def parse_date(text):
    try:
        return datetime.date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


def parse_datetime(text):
    """A datetime for ISO 8601 text with a time, or None."""
    if "T" not in text:
        return None
    try:
        return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


class VocabularyCheck:
    """One pass over a JSON-LD block, collecting errors and warnings."""

    def __init__(self):
        self.errors = []
        self.warnings = []

    def run(self, data):
        if data.get("@context") not in CONTEXTS:
            self.errors.append(f"@context is {data.get('@context')!r}, not schema.org")
        if "@graph" in data:
            for node in data["@graph"]:
                self.check_node(node, "@graph")
        else:
            self.check_node(data, data.get("@type", "?"))
        return self.errors, self.warnings

    def check_node(self, node, path):
        types = node_types(node)
        if not types:
            if set(node) - {"@id", "@context"}:
                self.errors.append(f"{path}: a node without @type")
            return
        classes = vocabulary()["classes"]
        datatypes = set(vocabulary()["datatypes"])
        known = []
        for type_name in types:
            if type_name not in classes:
                self.errors.append(
                    f"{path}: @type {type_name!r} is not a schema.org type"
                )
            elif type_name in datatypes and type_name != "Quantity":
                self.errors.append(f"{path}: @type {type_name!r} is a data type")
            else:
                known.append(type_name)
        for key, value in node.items():
            if key.startswith("@"):
                continue
            self.check_property(known, key, value, f"{path}.{key}")

    def check_property(self, types, name, value, path):
        definition = vocabulary()["properties"].get(name)
        if definition is None:
            self.errors.append(f"{path}: {name!r} is not a schema.org property")
            return
        if "superseded_by" in definition:
            self.warnings.append(
                f"{path}: {name!r} is superseded by {definition['superseded_by']}"
            )
        if types and not any(
            is_a(type_name, domain)
            for type_name in types
            for domain in definition["domains"]
        ):
            self.errors.append(
                f"{path}: {name!r} is not a property of {'/'.join(types)} "
                f"(it applies to {', '.join(definition['domains'])})"
            )
        for item in as_list(value):
            self.check_value(definition["ranges"], item, path)

    def check_value(self, ranges, value, path):
        expected = " or ".join(ranges)
        if isinstance(value, dict):
            if set(value) == {"@id"}:
                return  # a reference to a node described elsewhere
            types = [t for t in node_types(value) if t in vocabulary()["classes"]]
            if types and not any(is_a(t, r) for t in types for r in ranges):
                self.errors.append(
                    f"{path}: a {'/'.join(types)} where {expected} is expected"
                )
            self.check_node(value, path)
        elif isinstance(value, bool):
            if "Boolean" not in ranges:
                self.errors.append(f"{path}: true/false where {expected} is expected")
        elif isinstance(value, int | float):
            if not any(is_a(r, "Number") for r in ranges):
                self.errors.append(f"{path}: a number where {expected} is expected")
            elif (
                "Integer" in ranges
                and "Number" not in ranges
                and not (isinstance(value, int))
            ):
                self.errors.append(f"{path}: {value} is not an integer")
        elif isinstance(value, str):
            problem = self.text_problem(ranges, value)
            if problem:
                self.errors.append(f"{path}: {problem}")
        else:
            self.errors.append(f"{path}: unexpected value {value!r}")

    def text_problem(self, ranges, text):
        """Why `text` fits none of the ranges, or None when it fits one."""
        reasons = []
        for range_name in ranges:
            reason = self.text_fits(range_name, text)
            if reason is None:
                return None
            reasons.append(reason)
        return f"{text[:60]!r}: " + "; ".join(reasons)

    def text_fits(self, range_name, text):
        """None when `text` is a valid value of type `range_name`, else why not."""
        if range_name == "URL" or is_a(range_name, "URL"):
            return None if ABSOLUTE_URL.match(text) else "not an absolute URL"
        if range_name == "Text" or is_a(range_name, "Text"):
            return None
        if range_name == "Date":
            return None if parse_date(text) else "not an ISO 8601 date"
        if range_name == "DateTime":
            moment = parse_datetime(text)
            if moment is None:
                return "not an ISO 8601 date and time"
            if moment.tzinfo is None:
                return "a date and time without a time zone"
            return None
        if range_name == "Time":
            return None if TIME.match(text) else "not a time"
        if is_a(range_name, "Number") or range_name == "Boolean":
            return f"text where a {range_name} is expected"
        members = vocabulary()["enumeration_members"]
        if text.startswith(SCHEMA_URL):
            member = text.removeprefix(SCHEMA_URL)
            if any(is_a(t, range_name) for t in members.get(member, [])):
                return None
            return f"not a member of {range_name}"
        # Search engines read a URL as a reference to a node of the expected type.
        if ABSOLUTE_URL.match(text):
            return None
        return f"text where a {range_name} is expected"


def check_vocabulary(data):
    """(errors, warnings) of one JSON-LD block against the schema.org vocabulary."""
    return VocabularyCheck().run(data)
