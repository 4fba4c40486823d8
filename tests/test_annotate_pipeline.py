"""The annotate pipeline: component order and sentence boundaries."""
from __future__ import annotations

import pytest

from eventwatch.annotate.nlp import load


@pytest.fixture(scope="module")
def nlp():
    return load()


def test_pipeline_paragraph_component_runs_before_parser(nlp):
    names = nlp.pipe_names
    assert names.index("ew_paragraphs") < names.index("parser")


@pytest.mark.parametrize("text,first", [
    ("Congo army and rebels agree ceasefire after talks in Luanda\n\nGOMA, Congo — Rebels freed 46 prisoners on Sunday, the Red Cross said.",
     "Congo army and rebels agree ceasefire after talks in Luanda"),
    ("Police fired tear gas\n\n\nProtesters fled the square after dark.", "Police fired tear gas"),
])
def test_pipeline_blank_line_ends_sentence(nlp, text, first):
    sents = list(nlp(text).sents)
    assert sents[0].text.strip() == first
    assert len(sents) == 2


def test_pipeline_single_newline_does_not_split_wrapped_sentence(nlp):
    doc = nlp("Protesters fled the square\nafter police fired tear gas on Monday.")
    assert len(list(doc.sents)) == 1


@pytest.mark.parametrize("model", ["no_such_spacy_model_xyz", "another_missing_model"])
def test_nlp_load_missing_model_raises_setup_error(model):
    from eventwatch.annotate import nlp as nlp_mod
    from eventwatch.errors import EventwatchError, SetupError

    with pytest.raises(SetupError, match=model) as info:
        nlp_mod.load(model)
    assert isinstance(info.value, EventwatchError)


@pytest.mark.parametrize("text", ["Police arrested two men.", "The ministry denied it."])
def test_find_entities_without_parser_says_so_in_warnings(text):
    import spacy

    from eventwatch.annotate.actors import find_entities
    from eventwatch.annotate.extensions import register

    register()
    doc = spacy.blank("en")(text)
    find_entities(doc)
    assert any("no dependency parse" in w for w in doc._.ew_warnings)
