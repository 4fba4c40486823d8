"""An event's date: its clause's, else its sentence's, else the publication date marked as such; never
another sentence's (our own sentences)."""
from __future__ import annotations

import pytest

from eventwatch.annotate.pipeline import annotate
from eventwatch.coding.coder import code
from eventwatch.models import Article


def _events(text):
    return code(annotate(Article(id="dt", text=text, publication_date="2021-06-01")), coders={"pattern"})


@pytest.mark.parametrize("text,trigger", [
    ("Police arrested five activists in Harare on Monday. The opposition accused the police of brutality.",
     "accused"),
    ("On March 3 the army shelled two villages near the border. Aid groups urged both sides to protect "
     "civilians.", "urged"),
])
def test_coding_date_of_another_sentence_is_not_the_events(text, trigger):
    # a date in an earlier sentence of the paragraph dates that sentence's event; this one the text
    # does not date, so it carries the publication date marked as such (ARTICLES.md: null date)
    ev = next(e for e in _events(text) if e.trigger.text == trigger)
    assert ev.date_precision == "publication" and ev.date == "2021-06-01"
