"""Event location rules (issue 4 item 4) on our own sentences: the place where the event happened,
not every place in the sentence."""
from __future__ import annotations

import pytest

from eventwatch.annotate.pipeline import annotate
from eventwatch.coding.coder import code
from eventwatch.models import Article


def _loc(text, typ):
    ann = annotate(Article(id="loc", text=text, publication_date="2021-06-01"))
    evs = [e for e in code(ann, coders={"pattern"}) if e.type == typ]
    assert evs, f"no {typ} in {text!r}"
    return evs[0].location.text if evs[0].location else None


@pytest.mark.parametrize("text,typ,place", [
    # a locative phrase on the trigger
    ("Police arrested ten protesters in Nairobi.", "COERCE", "Nairobi"),
    ("Thousands marched through central Belgrade to demand new elections.", "PROTEST", "Belgrade"),
    # a fronted locative phrase covers the main clause
    ("In Sialkot, police detained three journalists who had reported on the floods.", "COERCE", "Sialkot"),
    # "the village of X", "X's city of Y": the named settlement, not its container
    ("Gunmen shot dead a teacher in the village of Karmadi, south of Mosul.", "ASSAULT", "Karmadi"),
    ("Police shot a rioter in Pakistan's southern city of Hyderabad.", "ASSAULT", "Hyderabad"),
    # the place is the object of a territorial act
    ("Militia fighters captured the hilltop village of Dorkai on Saturday.", "ASSAULT", "Dorkai"),
    # a place in a later clause about something else is not the event's
    ("The minister was arrested in Paris and flown to Lyon, where he was charged.", "COERCE", "Paris"),
    # a reference point ("50 km north of Y") loses to the place it locates
    ("Gunmen killed a shopkeeper in Tarmiyah, some 50 km north of Baghdad.", "ASSAULT", "Tarmiyah"),
    ("The guerrilla leader was killed in an ambush south of Kandahar.", "ASSAULT", "Kandahar"),
    # a named site or settlement the place annotator does not know
    ("A bomb exploded near the al-Nour school in western Mosul.", "ASSAULT", "al-Nour"),
    ("Gunmen wounded three shopkeepers in the Christian-majority Bayt Halun district.", "ASSAULT", "Bayt Halun"),
    ("Soldiers patrolled the Gulf of Aden.", "MOBILIZE", "Gulf of Aden"),
    # part of a place, a place's facilities, a march's destination, a name the annotator missed
    ("Separatist militias have captured most of Somalia since the spring.", "ASSAULT", "Somalia"),
    ("Soldiers patrolled Lagos's main markets on Friday.", "MOBILIZE", "Lagos"),
    ("Students marched to the Nairobi offices of the electoral commission.", "PROTEST", "Nairobi"),
    ("Hundreds of fishermen demonstrated in two rallies in Corsica on Thursday.", "PROTEST", "Corsica"),
    # an actor's nationality / a place-modifier of a weapon is not a location
    ("Kenyan police arrested ten protesters.", "COERCE", None),
    ("Four militiamen were killed in a French drone strike.", "ASSAULT", None),
])
def test_coding_location_is_where_the_event_happened(text, typ, place):
    assert _loc(text, typ) == place


@pytest.mark.parametrize("text,typ,place", [
    ("KABUL, May 3 (Reuters) - Police arrested five students on Monday.", "COERCE", "KABUL"),
    ("BEIRUT \u2014 Protesters marched to parliament on Sunday.", "PROTEST", "BEIRUT"),
])
def test_coding_location_dateline_for_physical_events_without_a_place(text, typ, place):
    assert _loc(text, typ) == place


def test_coding_location_dateline_not_for_verbal_or_placed_events():
    text = "WASHINGTON (AP) -- The United States imposed sanctions on Iran. Police arrested two men in Boston."
    assert _loc(text, "SANCTION") is None
    assert _loc(text, "COERCE") == "Boston"


def test_coding_location_titled_person_is_not_a_town():
    # places.py: a PERSON after a title is never relabelled as a same-name city ("Bush", Egypt)
    ann = annotate(Article(id="loc", text="President Bush sent troops to the border on Monday.",
                           publication_date="2021-06-01"))
    assert "Bush" not in [p.text for p in ann.places]
