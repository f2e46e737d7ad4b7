"""Regenerate vocabulary.json, the trimmed copy of the schema.org vocabulary that the
structured-data tests validate against.

    python tests/schemaorg/build_vocabulary.py [PATH_OR_URL]

PATH_OR_URL defaults to the release named by VERSION below on schema.org. Only what
validation needs is kept: each class's direct superclasses, each property's
domainIncludes, rangeIncludes and supersededBy, and each enumeration member's types.
Labels, comments and mappings to other vocabularies are left out. The result is, like
its source, licensed under CC BY-SA 3.0 (see LICENSE.md beside it).
"""

import json
import sys
import urllib.request
from pathlib import Path

VERSION = "30.0"
SOURCE_URL = f"https://schema.org/version/{VERSION}/schemaorg-current-https.jsonld"
OUTPUT = Path(__file__).with_name("vocabulary.json")
PREFIX = "schema:"


def _ids(value):
    """The schema.org names in a JSON-LD reference or list of references."""
    values = value if isinstance(value, list) else [value]
    return sorted(
        item["@id"].removeprefix(PREFIX)
        for item in values
        if isinstance(item, dict) and item.get("@id", "").startswith(PREFIX)
    )


def _types(node):
    types = node.get("@type", [])
    return types if isinstance(types, list) else [types]


def trim(graph):
    """The vocabulary dict written to vocabulary.json, from the release's @graph."""
    classes, datatypes, properties, members = {}, [], {}, {}
    for node in graph:
        name = node["@id"].removeprefix(PREFIX)
        types = _types(node)
        if "rdfs:Class" in types:
            classes[name] = _ids(node.get("rdfs:subClassOf", []))
            if "schema:DataType" in types:
                datatypes.append(name)
        elif "rdf:Property" in types:
            properties[name] = {
                "domains": _ids(node.get("schema:domainIncludes", [])),
                "ranges": _ids(node.get("schema:rangeIncludes", [])),
            }
            superseded_by = _ids(node.get("schema:supersededBy", []))
            if superseded_by:
                properties[name]["superseded_by"] = superseded_by
        else:
            # Anything else typed with a schema.org class is an enumeration member
            # (schema:Monday is a schema:DayOfWeek).
            member_of = [t.removeprefix(PREFIX) for t in types if t.startswith(PREFIX)]
            if member_of:
                members[name] = sorted(member_of)
    return {
        "version": VERSION,
        "source": SOURCE_URL,
        "license": "CC BY-SA 3.0, https://creativecommons.org/licenses/by-sa/3.0/",
        "classes": dict(sorted(classes.items())),
        "datatypes": sorted(datatypes),
        "properties": dict(sorted(properties.items())),
        "enumeration_members": dict(sorted(members.items())),
    }


def dumps_one_entry_per_line(vocabulary):
    """JSON text with one class, property or member per line, for readable diffs."""
    lines = ["{"]
    for index, (key, value) in enumerate(vocabulary.items()):
        comma = "," if index < len(vocabulary) - 1 else ""
        if isinstance(value, dict):
            entries = [
                f"  {json.dumps(name)}: {json.dumps(entry, sort_keys=True)}"
                for name, entry in value.items()
            ]
            lines.append(f"{json.dumps(key)}: {{")
            lines.append(",\n".join(entries))
            lines.append(f"}}{comma}")
        else:
            lines.append(f"{json.dumps(key)}: {json.dumps(value)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def load(path_or_url):
    if path_or_url.startswith("https://"):
        with urllib.request.urlopen(path_or_url, timeout=60) as response:  # noqa: S310
            return json.load(response)
    return json.loads(Path(path_or_url).read_text())


def main(argv):
    source = argv[1] if len(argv) > 1 else SOURCE_URL
    vocabulary = trim(load(source)["@graph"])
    OUTPUT.write_text(dumps_one_entry_per_line(vocabulary))
    print(
        f"{OUTPUT}: schema.org {VERSION}, {len(vocabulary['classes'])} classes, "
        f"{len(vocabulary['properties'])} properties"
    )


if __name__ == "__main__":
    main(sys.argv)
