"""A plain text's first line is its title when it reads as a headline."""
from __future__ import annotations

import pytest

from eventwatch.models import RawDoc
from eventwatch.text.extract import headline, to_article

BODY = "Police detained four reporters outside the court on Monday, their editors said."


@pytest.mark.parametrize("first,want", [
    ("Court jails four reporters in provincial capital", "Court jails four reporters in provincial capital"),
    ("WORLD NEWS | Asia", None),  # a section label
    ("Share this story", None),  # too short
    ("Police detained four reporters outside the court on Monday.", None),  # a sentence
])
def test_text_headline_first_line(first, want):
    assert headline(f"{first}\n\n{BODY}") == want
    art = to_article(RawDoc(id="t", content=f"{first}\n\n{BODY}", kind="text", source="t.txt"))
    assert art.title == want and art.text.startswith(first)


def test_text_headline_needs_a_blank_line_and_keeps_a_given_title():
    assert headline(f"Court jails four reporters today\n{BODY}") is None
    art = to_article(RawDoc(id="t", content=f"Court jails four reporters today\n\n{BODY}", kind="text",
                            source="t.txt", title="Given"))
    assert art.title == "Given"
