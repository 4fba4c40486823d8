"""Event location, issue 9 second pass: the place the tagger or the gazetteer misses, so the event took
a container or nothing (sentences written for this file; rule coder, whose ``place_of`` the event
model's events share):

- territory: the proper-noun object of a verb of taking or hitting ground ("captured X", "shelled X")
  is the place, though the tagger calls it ORG or hangs it on the date after it; a person stays none;
- site: a named site or feature ("the X Museum", "the X Valley", "the X refugee camp") is the more
  specific place than the city around it; a several-word organisation before "base" is its owner.
"""
from __future__ import annotations

import pytest

from eventwatch.annotate.pipeline import annotate
from eventwatch.coding.coder import code
from eventwatch.models import Article

CLASSES = {
    "territory": [
        ("Rebel fighters captured Tarkoum on Sunday after a week of fighting.", "captured", "Tarkoum"),
        ("Government troops recaptured Wadi Sela and pushed the insurgents north.", "recaptured", "Wadi Sela"),
        ("Army units seized Kolwezi October 3 and held it for a week.", "seized", "Kolwezi"),
        ("Police captured Mahmoud Salem at his home after a long search.", "captured", None),
    ],
    "site": [
        ("Gunmen killed four guards at the Kalindo Museum in the capital of Lusaka.", "killed", "Kalindo Museum"),
        ("The soldiers were captured in the Ruvindi Valley, in the country's far north.", "captured",
         "Ruvindi Valley"),
        ("Riot police dispersed a sit-in at the Amari refugee camp near Ramallah.", "dispersed", "Amari"),
        ("Rebels shelled the Republican Guard base outside Homs overnight.", "shelled", "Homs"),
    ],
    # "on" before a country names a target ("sanctions on Iran") only when the country is the whole
    # phrase: "on the streets of X" is the place
    "on-phrase": [
        ("Dozens of fighters were captured on the battlefields of Somalia last year.", "captured", "Somalia"),
        ("In April, they captured Abu Hamza, the group's finance chief, in Yemen.", "captured", "Yemen"),
    ],
    # a deployment takes place where the forces are sent ("deployed troops to X"), as a march does
    # where it goes
    "deployment": [
        ("The army deployed 500 soldiers to the province of Cabo Delgado after the raids.", "deployed",
         "Cabo Delgado"),
        ("Police deployed riot units to Harare ahead of the opposition rally.", "deployed", "Harare"),
    ],
}
CASES = [pytest.param(t, w, p, id=f"{cls}-{i}") for cls, rows in CLASSES.items() for i, (t, w, p) in enumerate(rows)]


@pytest.mark.parametrize("text,trigger,place", CASES)
def test_coding_location_sites_class(text, trigger, place):
    ann = annotate(Article(id="loc", text=text, publication_date="2022-03-01"))
    # every rule event, whatever the confidence setting: the place is under test, not the event's belief
    evs = [e for e in code(ann, coders={"pattern"}, min_confidence=0.0) if e.trigger.text == trigger]
    assert evs, [(e.type, e.trigger.text) for e in code(ann, coders={"pattern"}, min_confidence=0.0)]
    got = evs[0].location.text if evs[0].location else None
    assert got == place, (got, [(p.text, p.country) for p in ann.places])
