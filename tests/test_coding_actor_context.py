"""Actor country from context (our own sentences): quantified groups, same-noun coreference, and the
recipient's country is not the actor's."""
from __future__ import annotations

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
