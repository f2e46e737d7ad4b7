"""Parsers for the query-string values that public pages read. Each one takes
whatever a visitor (or a robot) sends and returns a safe value, never an error:
this is where visitor text stops before it reaches a paginator or a search engine's
query language (issue 9, kind 3)."""

import re

# ASCII digits only: str.isdigit() accepts "²" and "٣", which int() refuses or reads
# as another number than the visitor sees.
_PAGE_NUMBER = re.compile(r"[0-9]{1,6}")
# What the full-text backends index as words (SQLite FTS5's unicode61 tokenizer and
# PostgreSQL's parser both split on everything else), so that keeping only these
# loses no match and leaves nothing for a query language to parse.
_SEARCH_WORD = re.compile(r"\w+")
SEARCH_MAX_WORDS = 20


def page_number(request, name="page", maximum=10_000):
    """The page number in ?<name>=: an int from 1 to `maximum`, or 1 when the value
    is absent, empty, repeated-and-odd (the last value counts), non-ASCII, negative,
    huge or not a number."""
    raw = request.GET.get(name, "")
    if not isinstance(raw, str) or not _PAGE_NUMBER.fullmatch(raw):
        return 1
    number = int(raw)
    return number if 1 <= number <= maximum else 1


def search_terms(query):
    """The words of a visitor's search, joined by spaces, for `.search()`: quotes,
    operators and other punctuation dropped, at most SEARCH_MAX_WORDS words. '' when
    nothing searchable is left (e.g. `"`)."""
    return " ".join(_SEARCH_WORD.findall(query)[:SEARCH_MAX_WORDS])
