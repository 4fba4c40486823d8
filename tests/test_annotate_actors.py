"""Actors: describe_phrase (dictionary, sector rules, terms) and find_entities
(corrections, noun-phrase actors, surname linking) on our own sentences."""
from __future__ import annotations

import pytest

from eventwatch.annotate.actors import describe_phrase


@pytest.mark.parametrize(
    "phrase, sector",
    [
        ("the regime", "GOV"), ("the government", "GOV"), ("the ministry", "GOV"),
        ("local authorities", "GOV"), ("senior officials", "GOV"), ("the cabinet", "GOV"),
        ("police", "COP"), ("two officers", "COP"), ("four men in uniform", "COP"), ("riot police", "COP"),
        ("the army", "MIL"), ("troops", "MIL"), ("soldiers", "MIL"), ("the military", "MIL"),
        ("protesters", "CVL"), ("demonstrators", "CVL"), ("residents", "CVL"), ("civilians", "CVL"),
        ("villagers", "CVL"), ("the young woman", "CVL"),
        ("activists", "CVL"), ("paramilitaries", "PRM"), ("a militia", "PRM"), ("doctors", "MED"), ("dissidents", "OPP"), ("the opposition", "OPP"),
        ("some senators", "LEG"), ("lawmakers", "LEG"), ("parliament", "LEG"),
        ("the court", "JUD"), ("a judge", "JUD"), ("prosecutors", "JUD"),
        ("rebels", "REB"), ("insurgents", "REB"), ("militants", "REB"),
        ("journalists", "JRN"), ("reporters", "JRN"),
        ("the president", "GOV"), ("the prime minister", "GOV"),
        ("the party", "PTY"), ("students", "EDU"), ("workers", "LAB"), ("the union", "LAB"),
        ("refugees", "REF"), ("the company", "BUS"),
        ("members of the regime", "GOV"),
    ],
)
def test_describe_phrase_sector_rules(phrase, sector):
    desc = describe_phrase(phrase)
    assert desc is not None and desc.sector == sector


@pytest.mark.parametrize(
    "phrase, kwargs, expected",
    [
        ("The Chinese communist regime", {}, ("Government of China", "CHN", "GOV")),
        ("four men in uniform", {}, (None, None, "COP")),
        ("Hong Kong residents", {}, (None, "HKG", "CVL")),
        ("the regional coordinator of Amnesty International (AI)", {}, ("Amnesty International", "NGO", "NGO")),
        ("President Donald Trump", {"date": "2019-11-27"}, ("Donald Trump", "USA", "GOV")),
        ("Hungarian officials", {}, (None, "HUN", "GOV")),
        ("Chinese activists", {}, (None, "CHN", "CVL")),
        ("the Foreign Ministry", {"context_country": "CHN"}, (None, "CHN", "GOV")),
        ("police in Dhaka", {}, (None, "BGD", "COP")),
        ("the Kremlin", {}, ("Government of Russia", "RUS", "GOV")),
        ("Downing Street", {}, ("Government of the United Kingdom", "GBR", "GOV")),
        ("the U.N.", {}, ("United Nations", "UNO", "IGO")),
        ("the European Union", {}, ("European Union", "EUR", "IGO")),
        ("Amnesty International", {}, ("Amnesty International", "NGO", "NGO")),
        ("Reuters", {}, ("Reuters", "GBR", "JRN")),
        ("Xi Jinping", {"date": "2020-01-01"}, ("Xi Jinping", "CHN", "GOV")),
    ],
)
def test_describe_phrase_dictionary_and_rules(phrase, kwargs, expected):
    assert tuple(describe_phrase(phrase, **kwargs)) == expected


@pytest.mark.parametrize("date, sector", [("2019-11-27", "GOV"), ("2022-06-01", None), ("2025-03-01", "GOV")])
def test_describe_phrase_term_of_office(date, sector):
    assert describe_phrase("Donald Trump", date=date).sector == sector


@pytest.mark.parametrize("phrase", ["who", "the weather", "a long report", "us"])
def test_describe_phrase_non_actor_is_none(phrase):
    assert describe_phrase(phrase) is None


def test_sector_phrases_rebuilt_when_nouns_are_added():
    from eventwatch.annotate.actor_dictionary import ActorDictionary

    d = ActorDictionary(sector_nouns={"riot police": "COP"})
    assert [k for k, _ in d.sector_phrases()] == ["riot police"]
    d.sector_nouns["men in uniform"] = "COP"
    assert [k for k, _ in d.sector_phrases()] == ["men in uniform", "riot police"]


@pytest.mark.parametrize("word, country", [("Latvian", "LVA"), ("Fijians", "FJI"), ("Kyrgyz", "KGZ"), ("Ethiopias", "ETH"),
                                           ("Tuesday", None)])
def test_demonym_country_guessed_from_name_prefixes(word, country):
    from eventwatch.annotate.actors import demonym_country

    assert demonym_country(word) == country


@pytest.mark.parametrize("phrase, country", [("Ethopia officials", "ETH"), ("Quatar's government", "QAT"),
                                             ("Canadda officials", "CAN")])
def test_describe_phrase_misspelt_country_one_edit(phrase, country):
    assert describe_phrase(phrase).country == country


@pytest.fixture(scope="module")
def annotate_text():
    from eventwatch.annotate.pipeline import annotate
    from eventwatch.models import Article

    def run(text, date="2020-01-14"):
        return annotate(Article(id="t", text=text, publication_date=date)).entities

    return run


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, span, label, country, sector",
    [
        ("Breitbart reported that the talks failed.", "Breitbart", "MEDIA", "USA", "JRN"),
        ("Speaking to Reuters, the minister denied it.", "Reuters", "MEDIA", "GBR", "JRN"),
        ("Hungarian officials rejected the report on Monday.", "Hungarian officials", None, "HUN", "GOV"),
        ("The Chinese regime banned the group.", "Chinese regime", None, "CHN", "GOV"),
        ("Chinese activists were detained in Shanghai.", "Chinese activists", None, "CHN", "CVL"),
        ("Protesters marched through the United Kingdom last year.", "United Kingdom", "GPE", "GBR", None),
        ("Hong Kong residents appealed to Washington for help.", "Hong Kong residents", None, "HKG", "CVL"),
        ("Exiles denounced Moscow\u2019s widening crackdown on bloggers.", "Moscow", None, "RUS", "GOV"),
        ("He told Fox & Friends on Friday that the deal was done.", "Fox & Friends", "MEDIA", "USA", "JRN"),
    ],
)
def test_find_entities_corrections(annotate_text, text, span, label, country, sector):
    ents = annotate_text(text)
    match = [e for e in ents if e.text == span]
    assert match, [e.text for e in ents]
    e = match[0]
    assert text[e.start:e.end] == e.text
    if label:
        assert e.label == label
    assert e.country == country
    if sector:
        assert e.sector == sector


@pytest.mark.slow
def test_find_entities_surname_linked_to_full_name(annotate_text):
    text = "Police arrested Maria Kowalczyk on Friday. Kowalczyk said she would appeal."
    ents = annotate_text(text)
    names = {e.text: e.name for e in ents if e.label == "PERSON"}
    assert names.get("Kowalczyk") == "Maria Kowalczyk"


@pytest.mark.slow
def test_find_entities_skips_boilerplate():
    from eventwatch.annotate.pipeline import annotate
    from eventwatch.models import Article

    text = "Soldiers shot protesters in Yangon. Sign up for the Reuters newsletter."
    start = text.index("Sign")
    ents = annotate(Article(id="b", text=text, boilerplate=[(start, len(text))])).entities
    assert all(e.end <= start for e in ents)
    assert any(e.sector == "MIL" for e in ents)


@pytest.mark.slow
def test_find_entities_bare_organ_takes_last_named_state(annotate_text):
    text = "The Iranian government closed the newspaper. Later the ministry banned its editor."
    ents = annotate_text(text)
    ministry = [e for e in ents if e.text.endswith("ministry")]
    assert ministry and ministry[0].country == "IRN" and ministry[0].sector == "GOV"
