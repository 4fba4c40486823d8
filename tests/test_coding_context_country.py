"""The country an unmarked actor ("the ministry") takes from its context: the one state its sentence
names, else the state the article names most, never the dateline's."""
from __future__ import annotations

import pytest

from eventwatch.coding.parse import ParseView

CASES = [
    # filed from a third country's capital: the dateline is where the reporter sits
    ("NAIROBI, Kenya — Somalia's parliament met on Monday. The ministry said talks would go on.",
     "ministry", "SOM"),
    ("ADDIS ABABA, Ethiopia (AP) — Fighting in South Sudan displaced thousands, South Sudanese officials said. "
     "The army blamed rebels in Upper Nile for the attack.", "army", "SSD"),
    # the sentence's own single state wins over the article's
    ("BANGKOK — Thai police detained two activists. The ministry in Cambodia protested on Friday.",
     "ministry", "KHM"),
]


@pytest.mark.parametrize("text,word,country", CASES)
def test_coding_context_country_not_from_dateline(annotated, text, word, country):
    ann = annotated(text)
    v = ParseView(ann)
    tok = next(t for t in ann.tokens if t.text == word)
    assert v.context_country(tok) == country
