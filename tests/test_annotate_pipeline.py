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
