"""Rulings on the model's events (``coding.rulings``), on sentences of our own: one event per
predicate, cooperation promised for later is AGREE, who undergoes an event is its recipient, and a
judgement reported in someone's words is theirs."""
from __future__ import annotations

from dataclasses import replace

import pytest

from conftest import FakeEventModel
from eventwatch.coding import combine as combine_mod
from eventwatch.coding.parse import ParseView
from eventwatch.coding.rulings import (apply_rulings, drop_restated, judged_by_speaker, object_is_recipient,
                                       patient_is_recipient, promised, relative_object_is_recipient, threat_made,
                                       two_sided, undergone)
from eventwatch.models import Entity, Event, Evidence, Trigger


def _event(text: str, word: str, typ: str, status: str = "occurred") -> Event:
    at = text.index(word)
    return Event(type=typ, trigger=Trigger(word, at, at + len(word)), evidence=Evidence(0, len(text)),
                 status=status)


@pytest.mark.parametrize("text,upper,lower,typ,kept", [
    ("The senator called the raid an assault on the free press.", "called", "assault", "ACCUSE", "called"),
    ("The minister branded the protest a provocation by foreign agents.", "branded", "provocation",
     "ACCUSE", "branded"),
    ("The council imposed a ban on the newspaper.", "imposed", "ban", "SANCTION", "imposed"),
    # an aspectual verb gives way to its noun, which names the act
    ("Government troops launched airstrikes on rebel positions near the border.", "launched", "airstrikes",
     "ASSAULT", "airstrikes"),
    ("About 200 dock workers began a strike over unpaid wages.", "began", "strike", "PROTEST", "strike"),
    # the means of an act is the act
    ("The government retaliated by imposing tariffs on imported steel.", "retaliated", "imposing", "SANCTION",
     "retaliated"),
])
def test_rulings_restated_event_in_own_phrase_is_dropped(annotated, text, upper, lower, typ, kept):
    ann = annotated(text)
    evs = [_event(text, upper, typ), _event(text, lower, typ)]
    assert [e.trigger.text for e in drop_restated(ParseView(ann), evs)] == [kept]


@pytest.mark.parametrize("text,first,second,types", [
    # another type in the phrase is another event: the arrest is not the accusation told again
    ("The lawyer accused the police of arresting the students without a warrant.", "accused", "arresting",
     ("ACCUSE", "COERCE")),
    # a separate clause of the same type is a second act, not a restatement
    ("Soldiers shelled the village and militants bombed the market.", "shelled", "bombed",
     ("ASSAULT", "ASSAULT")),
    # a gerund with its own subject is another act
    ("The two candidates clashed over trade, with the senator accusing her rival of lying.", "clashed",
     "accusing", ("ACCUSE", "ACCUSE")),
])
def test_rulings_other_events_in_a_sentence_are_kept(annotated, text, first, second, types):
    ann = annotated(text)
    evs = [_event(text, first, types[0]), _event(text, second, types[1])]
    assert [e.trigger.text for e in drop_restated(ParseView(ann), evs)] == [first, second]


def test_rulings_restatement_needs_the_same_sentence(annotated):
    text = "The mayor condemned the raid. She called it an outrage."
    ann = annotated(text)
    evs = [_event(text, "condemned", "ACCUSE"), _event(text, "outrage", "ACCUSE")]
    # "outrage" hangs off "called", not off the other sentence's "condemned"
    assert len(drop_restated(ParseView(ann), evs)) == 2


@pytest.mark.parametrize("typ,status,expected", [
    ("AID", "future", ("AGREE", "occurred")),
    ("SUPPORT", "future", ("AGREE", "occurred")),
    ("COOPERATE", "future", ("AGREE", "occurred")),
    ("CONSULT", "future", ("CONSULT", "future")),  # a scheduled meeting stays a future CONSULT
    ("AID", "occurred", ("AID", "occurred")),
    ("ASSAULT", "future", ("ASSAULT", "future")),
])
def test_rulings_promised_cooperation_is_agree(typ, status, expected):
    text = "The agency will send tents to the flooded district."
    e = promised(_event(text, "send", typ, status))
    assert (e.type, e.status) == expected
    if e.type == "AGREE":
        assert e.cameo == "03" and e.mode is None  # CAMEO root 03: intent to cooperate


def test_rulings_apply_keeps_order_and_spans(annotated):
    text = "The ministry said it would send doctors to the camps, and officials called the blockade a crime."
    ann = annotated(text)
    evs = [_event(text, "send", "AID", "future"), _event(text, "called", "ACCUSE"),
           _event(text, "crime", "ACCUSE")]
    out = apply_rulings(ParseView(ann), evs)
    assert [(e.type, e.trigger.text) for e in out] == [("AGREE", "send"), ("ACCUSE", "called")]
    assert all(text[e.trigger.start:e.trigger.end] == e.trigger.text for e in out)


def test_combine_applies_rulings(annotated):
    text = "The opposition leader called the verdict an attack on democracy."
    ann = annotated(text)
    # the restated noun is the more confident: without the ruling, dedupe would keep it
    model = FakeEventModel({"called": ("ACCUSE", 0.8), "attack": ("ACCUSE", 0.9)})
    evs = combine_mod.combine(ann, [], model, threshold=0.5, actorless=0.0)
    assert [e.trigger.text for e in evs if e.type == "ACCUSE"] == ["called"]


def _ent(text: str, phrase: str) -> Entity:
    at = text.index(phrase)
    return Entity(text=phrase, start=at, end=at + len(phrase))


def _ruled(annotated, ruling, text: str, word: str, typ: str, actor=(), recipient=()) -> tuple[Event, Event]:
    """(the event, the event after ``ruling``) for a trigger ``word`` with the given roles."""
    ann = annotated(text)
    e = replace(_event(text, word, typ), actor=[_ent(text, a) for a in actor],
                recipient=[_ent(text, r) for r in recipient])
    v = ParseView(ann)
    return e, ruling(v, e, v.token_at(e.trigger.start))


@pytest.mark.parametrize("text,word,typ,patient,agent", [
    # passive relative clause: the antecedent was acted on
    ("The opposition leader, who was detained by police in March, spoke on Friday.", "detained", "COERCE",
     "The opposition leader", "police"),
    ("The reporter, who was granted asylum in Norway last year, returned home.", "granted", "AID",
     "The reporter", None),
    # past participle with its "by" phrase
    ("Farm workers, backed by two unions, marched to the ministry.", "backed", "SUPPORT", "Farm workers",
     "two unions"),
    # passive subject
    ("The editor was arrested by soldiers at the airport.", "arrested", "COERCE", "The editor", "soldiers"),
])
def test_rulings_passive_patient_is_recipient(annotated, text, word, typ, patient, agent):
    ann = annotated(text)
    actor = [_ent(text, patient)] + ([_ent(text, agent)] if agent else [])
    e = replace(_event(text, word, typ), actor=actor)
    v = ParseView(ann)
    out = patient_is_recipient(v, e, v.token_at(e.trigger.start))
    assert [a.text for a in out.actor] == ([agent] if agent else [])
    assert [r.text for r in out.recipient] == [patient]


@pytest.mark.parametrize("text,word,typ,actor", [
    # an active verb keeps its subject
    ("Gunmen abducted forty pupils from a school near the border.", "abducted", "ASSAULT", "Gunmen"),
    # the deployed troops are the mobilizing side's own forces
    ("Extra troops were deployed along the northern border.", "deployed", "MOBILIZE", "Extra troops"),
    # a frame verb: the one expected to meet is the one who meets
    ("The envoy is expected to meet rebel leaders next week.", "expected", "CONSULT", "The envoy"),
])
def test_rulings_passive_ruling_leaves_actors_of_other_verbs(annotated, text, word, typ, actor):
    ann = annotated(text)
    e = replace(_event(text, word, typ), actor=[_ent(text, actor)])
    v = ParseView(ann)
    out = patient_is_recipient(v, e, v.token_at(e.trigger.start))
    assert [a.text for a in out.actor] == [actor] and out.recipient == []


@pytest.mark.parametrize("text,word,typ,parties,actor,recipient", [
    ("Russia and China agreed to expand border trade.", "agreed", "AGREE", ["Russia", "China"], ["Russia"],
     ["China"]),
    ("The union and the hospital board met on Tuesday.", "met", "CONSULT", ["The union", "the hospital board"],
     ["The union"], ["the hospital board"]),
    # "between X and Y" has two sides whatever the type
    ("Clashes between police and ethnic Serbs left ten injured.", "Clashes", "ASSAULT",
     ["police", "ethnic Serbs"], ["police"], ["ethnic Serbs"]),
    # two attackers are one side: ASSAULT is not two-sided without "between"
    ("Soldiers and militiamen attacked the village at dawn.", "attacked", "ASSAULT", ["Soldiers", "militiamen"],
     ["Soldiers", "militiamen"], []),
])
def test_rulings_two_sided_event_has_second_party_as_recipient(annotated, text, word, typ, parties, actor,
                                                               recipient):
    ann = annotated(text)
    e = replace(_event(text, word, typ), actor=[_ent(text, p) for p in parties])
    out = two_sided(ParseView(ann), e)
    assert [a.text for a in out.actor] == actor
    assert [r.text for r in out.recipient] == recipient


def test_rulings_party_on_both_sides_stays_recipient(annotated):
    text = "The spokesman accused the government of punishing ordinary people."
    ann = annotated(text)
    e = replace(_event(text, "accused", "ACCUSE"), actor=[_ent(text, "The spokesman"), _ent(text, "the government")],
                recipient=[_ent(text, "the government")])
    out = two_sided(ParseView(ann), e)
    assert [a.text for a in out.actor] == ["The spokesman"]
    assert [r.text for r in out.recipient] == ["the government"]


@pytest.mark.parametrize("text,word,typ,actor,recipient,want_actor,want_recipient", [
    ("Kenya faces sanctions from the European Union.", "faces", "SANCTION", ["Kenya"], ["the European Union"],
     ["the European Union"], ["Kenya"]),
    ("The company drew condemnation from two unions.", "condemnation", "ACCUSE", ["The company"], ["two unions"],
     ["two unions"], ["The company"]),
    ("The clinic received medical supplies from Japan.", "received", "AID", ["The clinic"], [], [], ["The clinic"]),
    ("The convoy came under attack from rebels near the border.", "attack", "ASSAULT", ["The convoy"], [],
     [], ["The convoy"]),
    # a particle makes another verb: "drew up" a plan is the council's act
    ("The council drew up a plan to ban the rallies.", "drew", "COERCE", ["The council"], [], ["The council"], []),
])
def test_rulings_who_faces_an_event_is_its_recipient(annotated, text, word, typ, actor, recipient, want_actor,
                                                     want_recipient):
    ann = annotated(text)
    e = replace(_event(text, word, typ), actor=[_ent(text, a) for a in actor],
                recipient=[_ent(text, r) for r in recipient])
    v = ParseView(ann)
    out = undergone(v, e, v.token_at(e.trigger.start))
    assert [a.text for a in out.actor] == want_actor
    assert [r.text for r in out.recipient] == want_recipient


@pytest.mark.parametrize("text,word,actor,want_actor,want_recipient", [
    # the model gave the judged party the actor role its own verb gives it
    ("The foreign ministry said the blockade was a crime against civilians.", "crime", ["the blockade"],
     ["The foreign ministry"], ["the blockade"]),
    ("The mayor said the governor had lied about the budget.", "lied", ["the governor"], ["The mayor"],
     ["the governor"]),
    # a quotation before its speaker
    ('"The regime is lying to its own people," the opposition leader said.', "lying", ["The regime"],
     ["the opposition leader"], ["The regime"]),
    # nobody had a role: the speaker judges the clause's subject
    ("The farmers' union said the new tax was a betrayal.", "betrayal", [], ["The farmers' union"],
     ["the new tax"]),
    # "it" names nobody, so the judgement has no recipient
    ("She said it was blackmail.", "blackmail", [], ["She"], []),
    # a passive clause judges its "by" party
    ("The farmers said they were being cheated by the traders.", "cheated", ["the traders"], ["The farmers"],
     ["the traders"]),
    # of the model's actors only the speaker stays; the listener is no party to the judgement
    ('"The council has betrayed us," the mayor told the regional assembly.', "betrayed",
     ["The council", "the mayor", "the regional assembly"], ["the mayor"], ["The council"]),
])
def test_rulings_judged_by_speaker_gives_speaker_the_actor(annotated, text, word, actor, want_actor,
                                                          want_recipient):
    _, out = _ruled(annotated, judged_by_speaker, text, word, "ACCUSE", actor)
    assert [a.text for a in out.actor] == want_actor
    assert [r.text for r in out.recipient] == want_recipient


@pytest.mark.parametrize("text,word,typ,actor,recipient", [
    # an accusing word is its subject's own act, reported or not
    ("The ambassador said he was deeply troubled by the arrests.", "troubled", "ACCUSE", ["The ambassador"], []),
    ("The senator said the court had condemned the newspaper.", "condemned", "ACCUSE", ["the court"],
     ["the newspaper"]),
    # the act is the verb's noun: opening an inquiry is the office's own act
    ("The ombudsman said her office had opened an inquiry into the ministry.", "opened", "ACCUSE", ["her office"],
     []),
    # not reported: the subject's own act
    ("The minister accused the rebels of lying.", "lying", "ACCUSE", ["The minister"], ["the rebels"]),
    # other types are not judgements
    ("The mayor said the governor had met the protesters.", "met", "CONSULT", ["the governor"],
     ["the protesters"]),
])
def test_rulings_judged_by_speaker_leaves_own_acts(annotated, text, word, typ, actor, recipient):
    e, out = _ruled(annotated, judged_by_speaker, text, word, typ, actor, recipient)
    assert out == e


R, O = relative_object_is_recipient, object_is_recipient


@pytest.mark.parametrize("ruling,text,word,typ,actor,want_actor,want_recipient", [
    # an object relative: the model put the antecedent on the actor side
    (R, "The minister, whom protesters have blamed for the shortages, resigned on Monday.", "blamed", "ACCUSE",
     ["The minister"], ["protesters"], ["The minister"]),
    (R, "The armed forces, which the candidate has asked to audit the vote, declined to comment.", "asked",
     "REQUEST", ["the candidate", "The armed forces"], ["the candidate"], ["The armed forces"]),
    # the antecedent is the last noun before the clause, not the phrase's head
    (R, "Officials of the trade office, which Seoul accuses of spying, left the country.", "accuses", "ACCUSE",
     ["Seoul"], ["Seoul"], ["the trade office"]),
    # nobody had a role
    (R, "The village, which rebels attacked last week, is now empty.", "attacked", "ASSAULT", [], ["rebels"],
     ["The village"]),
    # an active verb's object: of a verb conjoined to the trigger, sharing its subject
    (O, "The shipping agency urged the rebels to free the crew and appealed for calm.", "appealed", "REQUEST",
     ["The shipping agency", "the rebels"], ["The shipping agency"], ["the rebels"]),
    # what a verb acts "on" or "at"
    (O, "The senator called on the governor to resign.", "called", "REQUEST", ["The senator", "the governor"],
     ["The senator"], ["the governor"]),
    (O, "Police fired at the marchers near the bridge.", "fired", "ASSAULT", ["Police", "the marchers"],
     ["Police"], ["the marchers"]),
])
def test_rulings_object_is_recipient(annotated, ruling, text, word, typ, actor, want_actor, want_recipient):
    _, out = _ruled(annotated, ruling, text, word, typ, actor)
    assert [a.text for a in out.actor] == want_actor
    assert [r.text for r in out.recipient] == want_recipient


@pytest.mark.parametrize("ruling,text,word,typ,actor", [
    # a subject relative: the antecedent is the one who acts
    (R, "The editor, who criticised the army, was arrested.", "criticised", "ACCUSE", ["The editor"]),
    # a main clause has no antecedent
    (R, "Rebels attacked the village that the army had abandoned.", "attacked", "ASSAULT", ["Rebels"]),
    # deployed forces are the mobilizing side's own
    (O, "The governor deployed the national guard to the border.", "deployed", "MOBILIZE",
     ["The governor", "the national guard"]),
    # no object: two parties of a meeting are the two-sided ruling's
    (O, "The governor and the mayor met on Friday.", "met", "CONSULT", ["The governor", "the mayor"]),
    # a passive has no object; its patient is the passive ruling's
    (O, "The rebels were attacked by the army.", "attacked", "ASSAULT", ["the army", "The rebels"]),
    # the object alone: nobody would be left as actor
    (O, "Soldiers beat the protesters.", "beat", "ASSAULT", ["the protesters"]),
])
def test_rulings_object_is_recipient_leaves_other_cases(annotated, ruling, text, word, typ, actor):
    e, out = _ruled(annotated, ruling, text, word, typ, actor)
    assert out == e


@pytest.mark.parametrize("text,word,status,want", [
    # said: the threat is made, whatever the modal of its harm
    ('"We might have to shoot him," the militia commander told the village elders.', "shoot", "hypothetical",
     "occurred"),
    ("The embassy said the government would retaliate.", "retaliate", "future", "occurred"),
    # not reported: a threat that may come is not yet made
    ("The union might threaten a strike next month.", "threaten", "hypothetical", "hypothetical"),
    # a threat said not to have been made stays negated
    ("The embassy said the government would not retaliate.", "retaliate", "negated", "negated"),
])
def test_rulings_threat_made_when_said(annotated, text, word, status, want):
    ann = annotated(text)
    e = _event(text, word, "THREATEN", status)
    v = ParseView(ann)
    assert threat_made(v, e, v.token_at(e.trigger.start)).status == want
