"""How easy a health article is to read: the Flesch-Kincaid grade (textstat) of its
text, and its longest sentences, the first ones to split."""

import re
from dataclasses import dataclass

import textstat

LONGEST_SENTENCES = 3
# The US school grade health-literacy guidance asks health information not to exceed
# (NIH and CDC plain-language guidance for the public).
READING_GRADE_TARGET = 8
# A sentence ends at ., ! or ? followed by a space; a list item or heading is a
# sentence of its own.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“‘(\[]?[A-Z0-9])")


@dataclass(frozen=True)
class Readability:
    """Flesch-Kincaid grade (a US school grade, one decimal), counts, and the longest
    sentences as (number of words, sentence), longest first."""

    grade: float
    words: int
    sentences: int
    longest: list

    @property
    def is_plain(self):
        return self.grade <= READING_GRADE_TARGET


def sentences_of(chunks):
    """The sentences of some text chunks (paragraphs, headings, list items)."""
    found = []
    for chunk in chunks:
        text = " ".join(str(chunk).split())
        found.extend(part for part in SENTENCE_END.split(text) if part)
    return found


def readability(chunks):
    """Readability of text chunks, or None when they hold no words."""
    sentences = sentences_of(chunks)
    if not sentences:
        return None
    # Each chunk becomes a full sentence, so that a heading is not read as the start
    # of the paragraph under it.
    text = " ".join(s if s[-1] in ".!?" else f"{s}." for s in sentences)
    by_length = sorted(sentences, key=lambda s: len(s.split()), reverse=True)
    return Readability(
        grade=round(textstat.flesch_kincaid_grade(text), 1),
        words=textstat.lexicon_count(text),
        sentences=len(sentences),
        longest=[(len(s.split()), s) for s in by_length[:LONGEST_SENTENCES]],
    )


def page_text_chunks(page):
    """The text a visitor reads in a page's main content: its summary or intro, then
    every block of its body (headings, paragraphs, quotes, questions), in order."""
    chunks = [
        getattr(page, name, "")
        for name in ("summary", "intro")
        if getattr(page, name, "")
    ]
    body = getattr(page, "body", None)
    if body is not None:
        chunks.extend(body.stream_block.get_searchable_content(body))
    return chunks
