"""Precision rules of the pattern coder, on sentences of our own: who is (not) the actor, what is
(not) an event, and when an event did not happen."""
from __future__ import annotations

import pytest

from eventwatch.annotate.pipeline import annotate
from eventwatch.coding.coder import code
from eventwatch.models import Article


def _events(text, published="2024-05-06"):
    ann = annotate(Article(id="t", text=text, publication_date=published))
    return code(ann, coders={"pattern"})


def _of(text, typ):
    evs = [e for e in _events(text) if e.type == typ]
    assert evs, f"no {typ} in {text!r}: {[(e.type, e.trigger.text) for e in _events(text)]}"
    return evs[0]


@pytest.mark.parametrize("text,typ,recipient,reporter", [
    ("The union said that nine of its organisers had been detained since March.", "COERCE", "organisers",
     "The union"),
    ("The monitors reported that two reporters were expelled from the province.", "COERCE", "two reporters",
     "The monitors"),
    ("Her lawyer told reporters that the activist had been barred from leaving the country.", "REJECT",
     "the activist", "Her lawyer"),
])
def test_roles_passive_in_reported_speech_has_no_reporter_actor(text, typ, recipient, reporter):
    e = _of(text, typ)
    assert not e.actor, [a.text for a in e.actor]
    assert any(recipient in r.text for r in e.recipient)
    assert e.attribution == reporter


def test_roles_passive_in_reported_speech_keeps_by_agent():
    e = _of("The union said that nine of its organisers had been detained by military police.", "COERCE")
    assert [a.text for a in e.actor] == ["military police"]


@pytest.mark.parametrize("text,typ,actor", [
    ("HARARE — Zimbabwean police arrested two opposition lawmakers on Tuesday.", "COERCE",
     "Zimbabwean police"),
    ("LA PAZ, Bolivia — Bolivian soldiers detained a union leader on Monday.", "COERCE", "Bolivian soldiers"),
    ("KABUL, May 3 (Reuters) - Taliban fighters detained three journalists.", "COERCE", "Taliban fighters"),
    ("DHAKA, Bangladesh — Police in Bangladesh detained dozens of garment workers on Sunday.", "COERCE",
     "Police"),
    ("Police detain reporters in Lima\nLIMA, Peru — Peruvian police detained four reporters on Friday.",
     "COERCE", "Peruvian police"),
])
def test_roles_dateline_is_stripped_from_actor(text, typ, actor):
    evs = [e for e in _events(text) if e.type == typ and e.trigger.start > text.find("—" if "—" in text else "-")]
    e = evs[0]
    assert [a.text for a in e.actor] == [actor]
    assert all(text[a.start:a.end] == a.text for a in e.actor + e.recipient)


@pytest.mark.parametrize("text,typ,actor", [
    ("The restrictions, imposed by the interior ministry last week, bar the opposition leader from "
     "travelling abroad.", "REJECT", "the interior ministry"),
    ("The new rules ban the two newspapers from printing.", "REJECT", None),
    ("The sanctions, approved by EU finance ministers meeting in Luxembourg, bar the two banks from the "
     "bloc's markets.", "REJECT", "EU finance ministers"),
    ("The war has killed thousands of villagers.", "ASSAULT", None),
    ("Intense shelling near the port wounded dozens of fishermen.", "ASSAULT", None),
    ("A Syrian army helicopter bombed the market.", "ASSAULT", "A Syrian army helicopter"),
    ("Fighting near the border killed about 40 soldiers.", "ASSAULT", None),
    ("Bulldozers demolished dozens of homes in the settlement.", "ASSAULT", None),
])
def test_roles_things_and_happenings_are_not_actors(text, typ, actor):
    e = _of(text, typ)
    if actor is None:
        assert not e.actor, [a.text for a in e.actor]
    else:
        assert [a.text for a in e.actor] == [actor]


@pytest.mark.parametrize("text,typ", [
    ("The minister addressed the summit by telephone on Monday.", "CONSULT"),
    ("The envoy joined the talks by video link from Nairobi.", "CONSULT"),
])
def test_roles_instrument_by_phrase_is_never_actor(text, typ):
    for e in _events(text):
        assert not any(w in a.text for a in e.actor for w in ("telephone", "video", "link")), \
            [(e.type, [a.text for a in e.actor])]


def test_roles_unnamed_agent_is_not_taken_from_reporter():
    evs = [e for e in _events("A grenade blast killed two clerks at the tax office and injured five more, "
                              "police said.") if e.type == "ASSAULT"]
    assert evs and not any(e.actor for e in evs), [(e.trigger.text, [a.text for a in e.actor]) for e in evs]


def test_roles_stative_commitment_keeps_its_subject():
    e = _of("The finance minister said Ghana is committed to cutting the deficit.", "AGREE")
    assert any("Ghana" in a.text for a in e.actor)


def test_roles_event_nominal_is_not_actor_of_conjoined_verb():
    text = ("Two U.N. experts said on Friday that his arrest seemed to be \"a reprisal for his reporting\" "
            "and urged Kenya to free him.")
    e = _of(text, "REQUEST")
    assert [a.text for a in e.actor] == ["Two U.N. experts"]


def test_roles_relative_pronoun_takes_antecedent_not_reporter():
    text = "Analysts said that Iran and Saudi Arabia, which have backed rival militias, want calm."
    evs = [e for e in _events(text) if e.type == "SUPPORT"]
    assert evs and not any("Analysts" in a.text for e in evs for a in e.actor)


@pytest.mark.parametrize("text,typ", [
    ("Nobody was arrested.", "COERCE"),
    ("No one was detained during the rally.", "COERCE"),
    ("Police watched the march, but no arrests were made.", "COERCE"),
    ("Banks are prohibited from providing loans to the two firms.", "AID"),
    ("The court barred the mayor from meeting the strikers.", "CONSULT"),
    ("Relatives have not been allowed to visit the detainees.", "CONSULT"),
])
def test_status_negated_by_subject_or_governing_verb(text, typ):
    assert all(e.status == "negated" for e in _events(text) if e.type == typ), \
        [(e.type, e.trigger.text, e.status) for e in _events(text)]


@pytest.mark.parametrize("text", [
    "The detained editor has refused food for ten days, his wife said.",
    "Two prisoners refused to eat after they were moved to solitary confinement.",
    "Forty inmates went on hunger strike on Sunday.",
])
def test_lexicon_food_refusal_is_hunger_strike(text):
    evs = _events(text)
    assert any(e.type == "PROTEST" and e.mode == "hunger" for e in evs), [(e.type, e.mode) for e in evs]
    assert not any(e.type == "REJECT" for e in evs)


@pytest.mark.parametrize("text", [
    "We came to report on the floods, not to commit a crime.",
    "The suspects are accused of committing several robberies.",
])
def test_lexicon_commit_crime_is_no_agreement(text):
    assert not any(e.type in ("AGREE", "REJECT") for e in _events(text))


def test_lexicon_commit_to_is_agreement():
    assert any(e.type == "AGREE" for e in _events("The junta committed itself to holding elections in May."))


@pytest.mark.parametrize("text", [
    "A police spokesman declined to comment on the arrests.",
    "The ministry refused to give details of the operation.",
    "A resident, who asked not to be named, described the scene.",
    "The embassy did not respond to a request for comment.",
])
def test_triggers_newsroom_formulas_are_no_event(text):
    assert not any(e.type in ("REJECT", "REQUEST") for e in _events(text)), \
        [(e.type, e.trigger.text) for e in _events(text)]


def test_triggers_month_name_is_no_protest():
    text = "The activist was released on March 3 after two years in prison."
    assert not any(e.type == "PROTEST" for e in _events(text))


def test_roles_subject_parsed_under_dateline_is_recovered():
    text = "NAIROBI, Kenya — Kenya and Uganda signed a border agreement on Monday."
    e = _of(text, "SUPPORT")
    assert [a.text for a in e.actor] == ["Kenya", "Uganda"]
    assert all(a.start >= text.index("— ") for a in e.actor)


@pytest.mark.parametrize("text,typ,actor", [
    ("The electoral commission has opened its investigation into the vote-buying claims.", "ACCUSE",
     "The electoral commission"),
    ("Government troops were engaged in heavy fighting with the rebels.", "ASSAULT", "Government troops"),
])
def test_roles_actor_of_nominal_and_helped_clause(text, typ, actor):
    e = _of(text, typ)
    assert [a.text for a in e.actor] == [actor]


def test_roles_adjunct_nominal_takes_no_actor_from_clause():
    evs = [e for e in _events("Several hundred students gathered outside the court despite the ban.")
           if e.type in ("COERCE", "REJECT")]
    assert not any(e.actor for e in evs), [(e.type, [a.text for a in e.actor]) for e in evs]


@pytest.mark.parametrize("text,typ", [
    ("The arrest was the clearest sign yet of a crackdown on the press.", "SUPPORT"),
    ("Volunteers painted the hull of the rescue boat.", "AID"),
    ("Exports rose under the North American Free Trade Agreement.", "AGREE"),
])
def test_triggers_names_signs_and_things_are_no_event(text, typ):
    assert not any(e.type == typ for e in _events(text)), [(e.type, e.trigger.text) for e in _events(text)]


@pytest.mark.parametrize("text,typ,actor", [
    ("Residents say it threatens the river and their farms.", "THREATEN", None),
    ("The rebels said they would attack the town.", "THREATEN", "The rebels"),
    ("Japan said it will impose sanctions on the regime.", "THREATEN", "Japan"),
])
def test_roles_pronoun_takes_reporter_only_when_number_agrees(text, typ, actor):
    e = _of(text, typ)
    assert [a.text for a in e.actor] == ([actor] if actor else [])


def test_roles_negative_quantifier_is_no_entity():
    for e in _events("Nobody was detained, and nobody wants to block the roads."):
        assert not any(x.text.lower() == "nobody" for x in e.actor + e.recipient)


@pytest.mark.parametrize("text,typ,side,title,name", [
    ("The city's mayor, Dana Orlov, criticized police for the raid.", "ACCUSE", "actor", "The city's mayor",
     "Dana Orlov"),
    ("Kenya's interior minister, Joseph Mutua, met his Ugandan counterpart, Grace Aliro, on Monday.", "CONSULT",
     "actor", "Kenya's interior minister", "Joseph Mutua"),
    ("Kenya's interior minister, Joseph Mutua, met his Ugandan counterpart, Grace Aliro, on Monday.", "CONSULT",
     "recipient", "his Ugandan counterpart", "Grace Aliro"),
])
def test_roles_apposition_names_the_titled_person(text, typ, side, title, name):
    e = _of(text, typ)
    ents = {x.text: x for x in getattr(e, side)}
    assert title in ents, [x.text for x in getattr(e, side)]
    assert ents[title].name == name


def test_roles_apposition_keeps_the_phrase_own_name():
    # the phrase is itself the named person: its own entity names it, not a later apposition
    e = _of("Joseph Mutua, a former mayor, criticized police for the raid.", "ACCUSE")
    assert [a.text for a in e.actor] == ["Joseph Mutua"]
    assert e.actor[0].name in (None, "Joseph Mutua")


@pytest.mark.parametrize("text,pronoun,skip,antecedent", [
    ("Riot police chased the students and beat them with batons.", "them", "Riot police", "the students"),
    # the event's other side is never its own antecedent
    ("Riot police chased the students and beat them with batons.", "them", "the students", "Riot police"),
    ("The army said it had shelled rebel positions overnight.", "it", None, "The army"),
    ("Prime Minister Narendra Modi said he would visit Kenya in March.", "he", None, "Prime Minister Narendra Modi"),
    # "he" is a named person, never a body or a bare title
    ("The ministry said he would be charged next week.", "he", None, None),
    ("The committee chairman said he would resign.", "he", None, None),
    ("The United Nations said she would travel to Geneva.", "she", None, None),
])
def test_roles_sentence_antecedent_of_a_pronoun(annotated, text, pronoun, skip, antecedent):
    import re

    from eventwatch.coding.parse import ParseView
    from eventwatch.coding.roles import sentence_antecedent

    v = ParseView(annotated(text))
    tok = v.token_at(re.search(rf"\b{pronoun}\b", text).start())
    at = text.index(skip) if skip else None
    e = sentence_antecedent(v, tok, ((at, at + len(skip)),) if skip else ())
    assert (e.text if e else None) == antecedent
