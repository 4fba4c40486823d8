"""Quote marks: pairing straight, curly and newswire (`` '') marks into quoted stretches."""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc

from .extensions import doc_text


QUOTE_TOKENS = {'"', "“", "”", "``", "''"}


_TWO_MARKS = re.compile(r"``|''")


def marks_as_curly(text: str) -> str:
    """The text with `` and '' quotation marks (newswire/Treebank style) written as
    curly marks, same length so offsets hold: ``A'' -> " “A” ". '' opens after
    a space or line start and closes elsewhere, like a straight double mark."""
    if "``" not in text and "''" not in text:
        return text

    def sub(m: re.Match) -> str:
        i = m.start()
        prev = text[i - 1] if i else " "
        if m.group() == "``" or prev.isspace() or prev in "([{—–-":
            return " “"
        return "” "

    return _TWO_MARKS.sub(sub, text)


def marked_text(doc: Doc) -> str:
    """``marks_as_curly`` of the doc's text, computed once per doc: every rule here
    reads quote marks from it, so `` '' quotes behave as “ ” ones."""
    cached = doc.user_data.get("ew_marked_text")
    if cached is None:
        cached = doc.user_data["ew_marked_text"] = marks_as_curly(doc_text(doc))
    return cached


def mark_spans(text: str) -> list[tuple[int, int, bool]]:
    """(inner_start, inner_end, closed) of top-level double-quoted stretches.

    Paragraph-aware: a quote left open at the end of a paragraph is closed
    there (wire style continues it in the next paragraph, which opens with a
    new mark). Straight marks are openers when they follow whitespace, start
    or an opening bracket, closers otherwise.
    """
    out: list[tuple[int, int, bool]] = []
    open_at: Optional[int] = None
    n = len(text)
    for i, ch in enumerate(text):
        if ch == "\n" and open_at is not None and (i + 1 < n and text[i + 1] == "\n" or i + 1 >= n or _para_break(text, i)):
            out.append((open_at, _rstrip(text, open_at, i), False))
            open_at = None
            continue
        if ch in "“«„":
            if open_at is None:
                open_at = i + 1
            continue
        if ch in "”»":
            if open_at is not None:
                out.append((open_at, i, True))
                open_at = None
            continue
        if ch == '"':
            prev = text[i - 1] if i else " "
            nxt = text[i + 1] if i + 1 < n else " "
            opener = prev.isspace() or prev in "([{—–-/:" or i == 0
            if open_at is None and (opener or not nxt.isspace()):
                open_at = i + 1
            elif open_at is not None and text[open_at - 1] in "“«„" and _curly_close_ahead(text, i):
                continue  # a straight pair nested in a curly quote: “He said "go" now,”
            elif open_at is not None:
                out.append((open_at, i, True))
                open_at = None
    if open_at is not None:
        out.append((open_at, _rstrip(text, open_at, n), False))
    # a stretch without a letter or digit is stray punctuation, not speech
    return [s for s in out if s[1] > s[0] and any(c.isalnum() for c in text[s[0]:s[1]])]


def _curly_close_ahead(text: str, i: int) -> bool:
    """A closing curly mark before the paragraph ends (or the next curly opener)."""
    for ch in text[i + 1:i + 2000]:
        if ch == "”" or ch == "»":
            return True
        if ch in "“\n":
            return False
    return False


def _para_break(text: str, i: int) -> bool:
    """A single newline counts as a paragraph break when the next line opens a quote."""
    j = i + 1
    while j < len(text) and text[j] in " \t":
        j += 1
    return j < len(text) and text[j] in '“"'


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
