"""The country an unmarked actor ("the ministry") takes from its context: its own phrase's state, else
the nearest sentence naming a state (its own or an earlier one; with none before it, one of the next
two in its paragraph), never the dateline's, and never the article's most named state alone."""
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
    # issue 9: nor for the first sentence, which carries the dateline; a group noun's own "from/in/of"
    # phrase, or that of a participle tying it to an organisation, comes first (sentences of ours,
    # each gave the dateline's or the article's most named state before)
    # filed from a neighbour: no state named but the dateline's (gave the dateline's state before)
    ("NAIROBI, Kenya — Gunmen raided a cattle market overnight, a witness said.", "Gunmen", None),
    ("AMMAN, Jordan (AP) — The militia said it had shelled an airbase.", "militia", None),
    ("DAKAR, Senegal — The army in Mali said it had retaken two towns.", "army", "MLI"),
    ("Students from Kenya protested outside the Ugandan embassy in Kampala, Uganda.", "Students", "KEN"),
    ("Relatives of miners in Oruro marched to the consulate in Tacna, Peru.", "Relatives", "BOL"),
    # a participle that ties the group to its organisation: "affiliated with", "loyal to"
    ("Hundreds of nurses affiliated with the Kenyan Nurses Union marched past the Ugandan embassy in "
     "Kampala, Uganda.", "nurses", "KEN"),
    ("Militiamen loyal to the Ugandan army attacked a market near Bunia, Congo, on Friday.", "Militiamen", "UGA"),
    # no place in its own phrase: the sentence's single state, as before
    ("Protesters blocked a road in Oruro on Monday.", "Protesters", "BOL"),
    # issue 9: the nearest earlier sentence that names a state, not the article's most named state
    # (each gave SOM, the article's main country, before)
    ("Somalia's parliament met on Monday. Somalia's leaders spoke. France's foreign minister arrived on "
     "Tuesday. The envoy called for calm.", "envoy", "FRA"),
    ("Somalia's parliament met. Somalia's leaders spoke. Kenya and Ethiopia signed a trade deal. "
     "The ministry welcomed it.", "ministry", None),
    ("The ministry said on Monday that talks would resume.\n\nSomalia's parliament met later. "
     "Somalia's leaders agreed.", "ministry", None),
    # nothing named before it: the next sentences of its own paragraph
    ("The mayor imposed a curfew after a second night of looting. Nairobi officials said troops would "
     "patrol the streets.", "mayor", "KEN"),
    # several states in the nearest sentence: the one the article leads with, when it is among them
    ("Somalia's parliament met. Somalia's leaders thanked Kenya and Ethiopia for their troops. "
     "The ministry said talks would go on.", "ministry", "SOM"),
]


@pytest.mark.parametrize("text,word,country", CASES)
def test_coding_context_country_not_from_dateline(annotated, text, word, country):
    ann = annotated(text)
    v = ParseView(ann)
    tok = next(t for t in ann.tokens if t.text == word)
    assert v.context_country(tok) == country


@pytest.mark.parametrize("text,word,other,country", [
    # the other side's own country is not the word's ...
    ("Police detained two Ugandans on Monday.", "Police", "two Ugandans", None),
    # ... but a place the word is "in" stays evidence where the coder took it for the other side
    ("In Lagos, riot police fired tear gas on Monday.", "police", "Lagos", "NGA"),
    ("Thousands of people marched in Kampala on Monday.", "people", "Kampala", "UGA"),
])
def test_coding_context_country_excludes_the_other_side_but_not_its_place(annotated, text, word, other, country):
    ann = annotated(text)
    v = ParseView(ann)
    tok = next(t for t in ann.tokens if t.text == word)
    start = text.index(other)
    assert v.context_country(tok, ((start, start + len(other)),)) == country
