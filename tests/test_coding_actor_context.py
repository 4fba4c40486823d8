"""Actor country from context (our own sentences): quantified groups, same-noun coreference, and the
recipient's country is not the actor's."""
from __future__ import annotations

import pytest

from eventwatch.annotate.pipeline import annotate
from eventwatch.coding.coder import code
from eventwatch.models import Article


def _events(text):
    return code(annotate(Article(id="ac", text=text, publication_date="2021-06-01")), coders={"pattern"})


def test_coding_actor_quantified_group_and_earlier_mention_country():
    text = ("Kenyan farmers blocked the highway on Monday. "
            "On Tuesday, hundreds of farmers called on Uganda to reopen the border.")
    req = [e for e in _events(text) if e.type == "REQUEST"][0]
    assert [a.text for a in req.actor] == ["farmers"]
    assert req.actor[0].country == "KEN"  # the farmers named before, not the state they appeal to
    assert [r.text for r in req.recipient] == ["Uganda"]  # not "Tuesday"


def test_coding_actor_quantified_subject_is_the_people():
    e = [e for e in _events("Dozens of students protested outside the ministry in Dhaka.") if e.type == "PROTEST"][0]
    assert [a.text for a in e.actor] == ["students"]
    assert e.location is not None and e.location.text == "Dhaka"


def test_coding_actor_issuer_of_a_statement_is_the_actor():
    evs = _events("The miners' union issued a statement demanding that the government reopen the pits.")
    req = [e for e in evs if e.type == "REQUEST"][0]
    assert [a.text for a in req.actor] == ["The miners' union"]
    assert [r.text for r in req.recipient] == ["the government"]


@pytest.mark.parametrize("text,trigger,side,count", [
    ("A roadside blast near the market killed 34 on Friday.", "killed", "recipient", "34"),
    ("More than 50 were wounded in the shelling of the port.", "wounded", "recipient", "More than 50"),
    ("Police arrested 12 after the march on Sunday.", "arrested", "recipient", "12"),
])
def test_coding_actor_bare_count_is_the_people_on_its_side(text, trigger, side, count):
    # "killed 34": the count is who was killed; with nobody on either side the event was dropped
    # as a passing mention
    ev = next(e for e in _events(text) if e.trigger.text == trigger)
    assert [x.text for x in getattr(ev, side)] == [count]
    assert all(x.country is None for x in getattr(ev, side))


def test_coding_actor_count_that_is_no_verb_argument_is_nobody():
    evs = _events("The vote in parliament was 34 to 12 against the ban on protests.")
    assert not any(x.text in ("34", "12") for e in evs for x in e.actor + e.recipient)

