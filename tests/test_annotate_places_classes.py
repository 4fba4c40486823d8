"""Places: classes of geocoding error seen on unseen text (issue 9).

Each case is (text, place text, expected (name, country) or None for "not a
resolved place"). Sentences written for this file.
"""
from __future__ import annotations

import pytest

CLASSES = {
    "state-qualifier": [
        ("A tornado struck Concord, N.C., late on Monday.", "Concord", ("Concord", "USA", "NC")),
        ("Flooding cut off Tinytown, Vt., for two days.", "Tinytown", ("Vermont", "USA", None)),  # a town the gazetteer lacks: its state
        ("The ferry left Portland, Maine, for Nova Scotia.", "Portland", ("Portland", "USA", "ME")),
        ("Voters in Springfield, Ill., chose a new mayor.", "Springfield", ("Springfield", "USA", "IL")),
        ("The plant in Columbus, Georgia, will close.", "Columbus", ("Columbus", "USA", "GA")),
        ("A storm hit London, Ontario, overnight.", "London", ("London", "CAN", "08")),
    ],
    "state-not-city": [
        ("Lobster prices fell in Maine this summer.", "Maine", ("Maine", "USA", None)),
        ("The governor of New Jersey signed the bill.", "New Jersey", ("New Jersey", "USA", None)),
    ],
    "not-a-place": [
        ("Executives at ABC defended the broadcast.", "ABC", None),
        ("The Tajik delegation left early.", "Tajik", None),
        ("Afghan officials met the envoy.", "Afghan", None),
    ],
    "famous-city-over-context": [
        ("The Texas senator flew from Houston to Paris for the talks.", "Paris", ("Paris", "FRA", None)),
    ],
}

CASES = [pytest.param(t, p, w, id=f"{cls}-{i}") for cls, cases in CLASSES.items() for i, (t, p, w) in enumerate(cases)]


@pytest.mark.slow
@pytest.mark.parametrize("text,place,want", CASES)
def test_find_places_error_class(text, place, want):
    from eventwatch.annotate import gazetteer
    from eventwatch.annotate.pipeline import annotate
    from eventwatch.models import Article

    places = annotate(Article(id="t", text=text)).places
    hits = [p for p in places if p.text == place]
    if want is None:
        assert all(p.country is None for p in hits), [(p.text, p.name, p.country) for p in places]
        return
    assert hits, [(p.text, p.name, p.country) for p in places]
    name, country, admin1 = want
    assert (hits[0].name, hits[0].country) == (name, country), [(p.text, p.name, p.country) for p in places]
    if admin1:
        # the right one of several same-name cities: the one in that state/province
        cands = [e for e in gazetteer.city_index()[gazetteer.norm(place)] if e.country == country and e.admin1 == admin1]
        assert cands and (hits[0].lat, hits[0].lon) == (cands[0].lat, cands[0].lon)
