"""Actors: a country only with evidence in the text (issue 9 classes).

Each case is (text, entity text, expected country). None means the country
must stay unresolved: a name that spells a country or city, or the state the
sentence happens to name, is no evidence.
"""
from __future__ import annotations

import pytest

CLASSES = {
    "name-spells-a-place": [
        ("Senator Chad Wilson met the farmers on Tuesday.", "Chad Wilson", None),
        ("Striker Jordan Henderson scored twice in the final.", "Jordan Henderson", None),
        ("The novelist Israel Horowitz read from his new book.", "Horowitz", None),
        ("Former prime minister David Cameron visited the school.", "David Cameron", "GBR"),
    ],
    "no-country-from-context": [
        ("Spokesman Harry Lim said the ship had left Singapore at dawn.", "Harry Lim", None),
        ("Khan told reporters that the talks in Moscow had failed.", "Khan", None),
        ("Muslims gathered in Madrid to pray for the victims.", "Muslims", None),
        ("Christie said the bill would pass in India next week.", "Christie", None),
    ],
    "state-not-country": [
        ("New Jersey officials closed the beaches.", "New Jersey", "USA"),
        ("New Mexico police found the truck.", "New Mexico police", "USA"),
    ],
    "named-movement": [
        ("The Taliban seized the district on Sunday.", "Taliban", "AFG"),
        ("Hezbollah fired rockets across the border.", "Hezbollah", "LBN"),
    ],
    "evidence-in-phrase": [
        ("Saudi-led forces struck the port overnight.", "Saudi-led forces", "SAU"),
        ("Philippine spokesman Harry Roque said the ban would stay.", "Harry Roque", "PHL"),
        ("Kenyan Foreign Minister Jane Odhiambo arrived in Rome. Odhiambo said the deal was close.", "Odhiambo", "KEN"),
    ],
}

CASES = [pytest.param(t, e, c, id=f"{cls}-{i}") for cls, cases in CLASSES.items() for i, (t, e, c) in enumerate(cases)]


@pytest.fixture(scope="module")
def annotate_text():
    from eventwatch.annotate.pipeline import annotate
    from eventwatch.models import Article

    def run(text):
        return annotate(Article(id="t", text=text, publication_date="2014-05-06"))

    return run


@pytest.mark.slow
@pytest.mark.parametrize("text,mention,country", CASES)
def test_find_entities_country_needs_evidence(annotate_text, text, mention, country):
    ann = annotate_text(text)
    # the last mention with that text (the second "Odhiambo", not the first full name)
    hits = [e for e in ann.entities if e.text == mention or (mention in e.text and len(e.text) <= len(mention) + 10)]
    assert hits, [(e.text, e.country) for e in ann.entities]
    assert hits[-1].country == country, [(e.text, e.country) for e in ann.entities]
