"""The resolution rules on their own: periods, compatibility, counts, canonical actors."""
from __future__ import annotations

import pytest

from eventwatch.resolve.actors import canonical, normalise, surname_owner
from eventwatch.resolve.match import Side, aggregate, best_date, compare, dates_compatible, period, source_of


@pytest.mark.parametrize("date,precision,want", [
    ("2020", "year", ("2020-01-01", "2020-12-31")),
    ("2020-02", "month", ("2020-02-01", "2020-02-29")),
    ("2020-01-12", "day", ("2020-01-12", "2020-01-12")),
    ("2020-01-13", "publication", ("2020-01-06", "2020-01-13")),
    (None, None, (None, None)),
    ("20x0", "day", (None, None)),
])
def test_resolve_period_of_each_precision(date, precision, want):
    assert period(date, precision) == want


@pytest.mark.parametrize("a,b,ok", [
    (("2020-01-12", "day"), ("2020-01-13", "day"), True),  # one day of slack
    (("2020-01-12", "day"), ("2020-01-15", "day"), False),
    (("2020-01", "month"), ("2020-01-31", "day"), True),
    (("2020", "year"), ("2019-12-31", "day"), True),  # slack reaches across the year end
    (("2020", "year"), ("2019-06-01", "day"), False),
    (("2020-01-13", "publication"), ("2020-01-12", "day"), True),
    ((None, None), ("1999", "year"), True),
])
def test_resolve_dates_compatible_at_both_precisions(a, b, ok):
    assert dates_compatible(period(*a), period(*b)) is ok
    assert dates_compatible(period(*b), period(*a)) is ok


def _side(**kw):
    base = dict(type="REJECT", status="occurred", mode=None, actors=set(), recipients={"marta kovac"},
                period=period("2020-01-12", "day"), place={"name": "Minsk", "country": "BLR", "feature": "city"})
    base.update(kw)
    return Side(**base)


@pytest.mark.parametrize("change,ok,why", [
    ({}, True, "recipient marta kovac in common"),
    ({"type": "ASSAULT"}, False, "different type"),
    # a ban and a refusal of entry of one named person: one act coded two ways (related_types.yaml)
    ({"type": "COERCE"}, True, "related types COERCE and REJECT"),
    ({"type": "COERCE", "recipients": {"group:BLR/CVL"}}, False, "no named person or organisation in common"),
    ({"type": "COERCE", "status": "future"}, False, "different type/status"),
    ({"status": "future"}, False, "different type/status"),
    ({"recipients": {"someone else"}}, False, "no recipient in common"),
    ({"recipients": set()}, False, "no participant in common"),
    ({"period": period("2020-03-01", "day")}, False, "do not overlap"),
    ({"place": {"name": "Vilnius", "country": "LTU", "feature": "city"}}, False, "different places"),
    ({"place": None}, True, "place unknown on one side"),
    ({"place": {"name": "Belarus", "country": "BLR", "feature": "country"}}, True, "same place"),
])
def test_resolve_compare_explains_either_way(change, ok, why):
    other = {"recipients": change["recipients"]} if change.get("type") == "COERCE" and "recipients" in change else {}
    got, reason = compare(_side(**change), _side(**other))
    assert got is ok and why in reason


def test_resolve_compare_actors_of_one_country_are_compatible():
    m = _side(actors={"group:BLR/COP"}, actor_countries={"BLR"})
    e = _side(actors={"government of belarus"}, actor_countries={"BLR"})
    ok, why = compare(m, e)
    assert ok and "actors of one country (BLR)" in why
    # Actors that conflict outright: a named recipient in common still makes it one event ...
    ok, why = compare(_side(actors={"x"}, actor_countries={"LTU"}), e)
    assert ok and "actors differ (x vs government of belarus)" in why
    # ... a group recipient in common does not.
    group = {"recipients": {"group:BLR/CVL"}}
    ok, why = compare(_side(actors={"x"}, actor_countries={"LTU"}, **group), _side(**group, actors=e.actors,
                                                                                   actor_countries={"BLR"}))
    assert not ok and "no actor in common" in why


@pytest.mark.parametrize("text,line", [
    ("version: 1\npairs:\n  - {types: [REJECT, COERC]}\n", 3),
    ("version: 1\npairs:\n  - {types: [REJECT]}\n", 3),
    ("version: 1\npairs:\n  - {types: [REJECT, REJECT]}\n", 3),
    ("pairs: []\n", 1),
])
def test_resolve_related_types_loader_names_the_bad_line(tmp_path, text, line):
    from eventwatch.errors import CodebookError
    from eventwatch.resolve.match import related_types

    path = tmp_path / "related.yaml"
    path.write_text(text)
    with pytest.raises(CodebookError) as err:
        related_types(str(path))
    assert f"related.yaml:{line}" in str(err.value)


def test_resolve_aggregate_copies_count_as_one_source():
    ms = [
        {"article_id": "a", "dup_group": "a", "url": "https://news-a.example/x", "publisher": None, "seen": "2020-01-13"},
        {"article_id": "b", "dup_group": "a", "url": "https://news-b.example/x", "publisher": None, "seen": "2020-01-14"},
        {"article_id": "c", "dup_group": "c", "url": "https://www.wire.example/y", "publisher": None, "seen": "2020-01-12"},
        {"article_id": "c", "dup_group": "c", "url": "https://www.wire.example/y", "publisher": None, "seen": "2020-01-12"},
    ]
    agg = aggregate(ms)
    assert (agg.num_mentions, agg.num_articles, agg.num_sources, agg.num_dup_groups) == (4, 3, 2, 2)
    assert (agg.first_seen, agg.last_seen) == ("2020-01-12", "2020-01-14")
    independent = [dict(m, dup_group=m["article_id"]) for m in ms]
    assert aggregate(independent).num_sources == 3


@pytest.mark.parametrize("url,publisher,want", [
    ("https://www.example.org/a", None, "example.org"),
    ("https://example.org/a", "Baltic Wire", "baltic wire"),
    (None, None, "unknown"),
])
def test_resolve_source_of(url, publisher, want):
    assert source_of(url, publisher) == want


def test_resolve_best_date_prefers_precision_then_frequency():
    assert best_date([("2020-01", "month"), ("2020-01-12", "day"), ("2020-01-13", "publication")]) == \
        ("2020-01-12", "day")
    assert best_date([("2020-01-12", "day"), ("2020-01-11", "day"), ("2020-01-11", "day")]) == ("2020-01-11", "day")
    assert best_date([(None, None)]) == (None, None)


@pytest.mark.parametrize("ent,people,key,how", [
    ({"text": "Marta Kovac", "label": "PERSON"}, [], "marta kovac", "text"),
    ({"text": "me", "name": "Marta Kovac"}, [], "marta kovac", "name"),
    ({"text": "Kovac", "label": "PERSON"}, ["Marta Kovac"], "marta kovac", "surname"),
    ({"text": "Kovac", "label": "PERSON"}, ["Marta Kovac", "Ivan Kovac"], "kovac", "text"),  # ambiguous
    ({"text": "she"}, [], None, None),
    ({"text": "four police officers", "country": "BLR", "sector": "COP"}, [], "group:BLR/COP", "group"),
    ({"text": "the Amnesty International", "name": None, "label": "ORG"}, [], "amnesty international", "text"),
])
def test_resolve_canonical_actor(ent, people, key, how):
    ref = canonical(ent, people=people)
    assert (ref.key if ref else None) == key
    if ref:
        assert ref.how == how


def test_resolve_canonical_surname_from_store_lookup():
    ref = canonical({"text": "Kovac", "label": "PERSON"}, lookup_surname=lambda w: "marta kovac" if w == "kovac" else None)
    assert ref.key == "marta kovac" and "kovac" in ref.aliases and ref.name == "Marta Kovac"


def test_resolve_normalise_and_surname_owner():
    assert normalise("The  Ministry’s") == "ministry"
    assert surname_owner("kovac", ["Marta Kovac", "marta kovac"]) == "marta kovac"
    assert surname_owner("kovac", []) is None


@pytest.mark.parametrize("text,key", [
    ("the executive director of Human Rights Watch", "office:head|human rights watch"),
    ("HRW\u2019s executive director", "office:head|human rights watch"),  # the dictionary's alias
    ("the head of HRW", "office:head|human rights watch"),
    ("the spokesman of the Ministry of Defence", "office:spokesman|ministry of defence"),
    ("the Chinese regime\u2019s Foreign Ministry", None),
    ("four men", None),
])
def test_resolve_office_of_a_description(text, key):
    from eventwatch.resolve.actors import office

    assert office(text) == key


def test_resolve_appositions_name_the_office_holder():
    from eventwatch.resolve.actors import appositions

    text = "Border guards stopped Marta Kovac, the regional director of Amnesty International, on Sunday."
    s = text.index("Marta Kovac")
    got = appositions(text, [{"text": "Marta Kovac", "start": s, "end": s + 11}])
    assert got == {"office:regional director|amnesty international": "Marta Kovac"}
    assert appositions("Kovac, the director of Amnesty, left.", [{"text": "Kovac", "start": 0, "end": 5}]) == {}
