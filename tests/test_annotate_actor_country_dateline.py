"""Actor country, issue 9: a dateline is where the reporter sits, so it gives no country to an actor of
the first sentence either (the sentence that carries it). Sentences written for this file; each case
failed before the fix: the dateline's country was the one state the sentence named."""
from __future__ import annotations

import pytest

from eventwatch.coding.parse import ParseView

CASES = [
    # filed from a neighbour: no state named but the dateline's
    ("NAIROBI, Kenya — Gunmen raided a cattle market overnight, a witness said.", "Gunmen", None),
    ("AMMAN, Jordan (AP) — The militia said it had shelled an airbase.", "militia", None),
    # the sentence's own state still counts
    ("DAKAR, Senegal — The army in Mali said it had retaken two towns.", "army", "MLI"),
]


@pytest.mark.parametrize("text,word,country", CASES)
def test_annotate_actor_country_not_from_first_sentence_dateline(annotated, text, word, country):
    ann = annotated(text)
    v = ParseView(ann)
    tok = next(t for t in ann.tokens if t.text == word)
    assert v.context_country(tok) == country
