"""Quality gate on our own blind event-location and actor-country set (issue 9).

``tests/data/location_blind.jsonl``: 91 short news passages we wrote (datelines, events abroad
reported from a capital, capitals as actors, places inside actor names and in what a statement
says, same-name cities), each with the event verb, the places where that event happened (none when
the text gives none) and the actor's country (null when the text gives none), annotated before
eventwatch first ran on them: set A (59) before the issue-9 location fixes, set B (32) after them.
Scored as the kit's ``location`` task does: the event whose trigger overlaps the gold verb, its
location right by text; its actor country right when one actor has the gold country (or, for a
null gold, when no actor has a country). Pinned a little below the measured values (README).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwatch.models import RawDoc
from eventwatch.pipeline import process

DATA = Path(__file__).parent / "data" / "location_blind.jsonl"
# set C (29), written for the second location pass before its first run (README "Annotation on unseen text")
DATA_C = Path(__file__).parent / "data" / "location_blind_c.jsonl"
# set D (70), written blind for the third pass by an annotator who saw neither eventwatch's output nor
# the dev files: location on found 0.580 with the code before that pass (rule coder 0.600), 0.696
# at its first run with the pass's first classes; rule coder after the pass 0.831; after the fifth
# pass 0.846 (its errors were read by then: no longer blind)
DATA_D = Path(__file__).parent / "data" / "location_blind_d.jsonl"
MIN_LOCATION_ON_FOUND_D = 0.83
# set E (40), written blind in the fifth pass by a helper who saw neither the output, the code nor
# the dev files: location on found 0.897 at its first run (the combined coders; the same with the
# code before that pass), 0.949 after the seat-city, speaking-to and signed-document classes read
# off its errors (rule coder 0.972), so no longer blind
DATA_E = Path(__file__).parent / "data" / "location_blind_e.jsonl"
MIN_LOCATION_ON_FOUND_E = 0.93
# rule coder, measured 2026-12-01 on all 91: event on the verb 0.824, location on found 0.880, actor
# country on found 0.907 (README "Annotation on unseen text"); location 0.907 after the third pass
MIN_VERBS_WITH_EVENT = 0.80
MIN_LOCATION_ON_FOUND = 0.88
MIN_ACTOR_COUNTRY_ON_FOUND = 0.87


def _overlap(a, b):
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score(gold: list[dict], preds: dict[str, dict]) -> dict[str, float]:
    found = loc_ok = actor_ok = 0
    for g in gold:
        exp = g["expected"]
        verb = (exp["event_verb"]["char_start"], exp["event_verb"]["char_end"])
        ev = next((e for e in preds.get(g["id"], {}).get("events", [])
                   if e.get("trigger") and _overlap((e["trigger"]["start"], e["trigger"]["end"]), verb)), None)
        if ev is None:
            continue
        found += 1
        loc, places = ev.get("location"), exp["locations"]
        if not places:
            loc_ok += loc is None
        elif loc:
            text = (loc.get("text") or loc.get("name") or "").lower()
            loc_ok += any(text and (text in p["text"].lower() or p["text"].lower() in text) for p in places)
        countries = {a.get("country") for a in ev.get("actor") or []} - {None}
        want = exp["actor_country"]
        actor_ok += (not countries) if want is None else want in countries
    n = max(found, 1)
    return {"verbs_with_event": found / len(gold), "location_acc_on_found": loc_ok / n,
            "actor_country_acc_on_found": actor_ok / n}


@pytest.mark.parametrize("path,least", [(DATA, 40), (DATA_C, 25), (DATA_D, 60)])
def test_coding_location_blind_set_is_well_formed(path, least):
    rows = [json.loads(line) for line in path.open()]
    assert len(rows) >= least
    for r in rows:
        exp = r["expected"]
        for span in [exp["event_verb"], *exp["locations"]]:
            assert r["text"][span["char_start"]:span["char_end"]] == span["text"], r["id"]


def _predict(path: Path) -> tuple[list[dict], dict[str, dict]]:
    gold = [json.loads(line) for line in path.open()]
    raws = [RawDoc(id=g["id"], content=g["text"], kind="text", source="test",
                   publication_date=g.get("publication_date")) for g in gold]
    preds = {}
    for res in process(raws):
        d = res.to_dict() if hasattr(res, "to_dict") else {"id": getattr(res, "doc_id", None), "events": []}
        preds[d["id"]] = d
    return gold, preds


@pytest.mark.slow
@pytest.mark.parametrize("path,least", [
    (DATA, {"verbs_with_event": MIN_VERBS_WITH_EVENT, "location_acc_on_found": MIN_LOCATION_ON_FOUND,
            "actor_country_acc_on_found": MIN_ACTOR_COUNTRY_ON_FOUND}),
    (DATA_D, {"location_acc_on_found": MIN_LOCATION_ON_FOUND_D}),
    (DATA_E, {"location_acc_on_found": MIN_LOCATION_ON_FOUND_E}),
], ids=["sets-a-b", "set-d", "set-e"])
def test_coding_location_blind_quality(monkeypatch, path, least):
    monkeypatch.setenv("EVENTWATCH_CODERS", "pattern")
    m = score(*_predict(path))
    assert all(m[k] >= v for k, v in least.items()), (m, least)
