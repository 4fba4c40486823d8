"""Quotes: classes of error seen on unseen text (issue 9), sentences written for this file.

Each case is (text, quoted words that must be in a quote, expected speaker
text, or None for "no speaker", expected attribution or None).
"""
from __future__ import annotations

import pytest

CLASSES = {
    "two-apostrophe-marks": [
        ("``We will not retreat,'' the mayor said on Tuesday.", "We will not retreat", "the mayor", None),
        ("''Nobody warned us,'' said Maria Lopez, who owns a bakery.", "Nobody warned us", "Maria Lopez", None),
        ("The senator called the bill ``a gift to the banks'' and walked out.", "a gift to the banks", "The senator", None),
        ("The mayor, Ana Ruiz, said on Monday that the audit had been ``botched from day one'' and asked for another.",
         "botched from day one", "Ana Ruiz", None),
        ("Maria Lopez stood by the flooded door of her shop.\n\n``We lost everything in one night. Nobody came.''",
         "We lost everything", "Maria Lopez", None),
    ],
    "outlet-not-speaker": [
        ('"The port will reopen next week," the Coastal Star reported on Sunday.', "The port will reopen", None, "the Coastal Star"),
        ('"Prices will rise again in June," the Valley Times said.', "Prices will rise", None, "the Valley Times"),
        ('"The budget is not enough for the schools," the minister told Harbour News.', "The budget is not enough", "the minister", None),
        ('"Exports will recover," Metro News quoted the trade minister as saying.', "Exports will recover", "the trade minister", "Metro News"),
    ],
    # the VOA blind set (issue 9, second pass): a quote closed on a full stop
    # ends its sentence; the next sentence's cue belongs to someone else
    "continuation-after-full-stop": [
        ('"We will hold the line," Maya Torres said. "Nobody here is leaving." Omar Haddad, a local historian, '
         'said the town had seen worse.', "Nobody here is leaving", "Maya Torres", None),
        ('"The talks are over," the envoy told reporters. "We gave them every chance." Later the foreign '
         'minister said a new round was possible.', "We gave them every chance", "the envoy", None),
        ('"Wages have not moved in years," Ines Faro said. "Rents have doubled." According to the statistics '
         'office, rents rose 40 percent.', "Rents have doubled", "Ines Faro", None),
    ],
    "manner-of-speaking-cue": [
        ('"I cannot sleep at night anymore," fretted Rosa Delgado, a retired teacher.', "I cannot sleep", "Rosa Delgado", None),
        ('"Things will never be the same here," lamented a shopkeeper on Main Street.', "Things will never", "shopkeeper", None),
        ('"My son is still missing," confided Amal Haidar, a mother of three.', "My son is still", "Amal Haidar", None),
    ],
    "cue-of-a-clause-the-quote-is-not-in": [
        ('Lena Brooks said that while the minister was testifying, she felt "completely ignored."',
         "completely ignored", "Lena Brooks", None),
        ('The former governor, who according to local papers is weighing a run, says the budget is "a house of cards."',
         "a house of cards", "The former governor", None),
    ],
    "organisation-speaks": [
        ('The Federation of Dock Workers rejected the ruling. "The charges are a fabrication from start to finish," '
         'it said in a statement.', "The charges are a fabrication", "it", None),
        ('The ministry issued a statement on Friday saying the border would stay "closed until further notice."',
         "closed until further notice", "The ministry", None),
    ],
    "whole-sentence-after-but": [
        ('"We tried everything," Maria Santos said. But "Nobody in the capital wanted to listen to the farmers."',
         "Nobody in the capital", "Maria Santos", None),
    ],
    "words-of-a-quote-are-no-speaker": [
        ('"They should change their name," the spokesman added, calling the lawsuit "frivolous."',
         "frivolous", "the spokesman", None),
    ],
}

CASES = [pytest.param(t, w, s, a, id=f"{cls}-{i}") for cls, cases in CLASSES.items() for i, (t, w, s, a) in enumerate(cases)]


@pytest.mark.slow
@pytest.mark.parametrize("text,words,speaker,attribution", CASES)
def test_find_quotes_error_class(text, words, speaker, attribution):
    from eventwatch.annotate.pipeline import annotate
    from eventwatch.models import Article

    quotes = annotate(Article(id="t", text=text)).quotes
    got = [(q.text, q.kind, q.speaker.text if q.speaker else None, q.attribution) for q in quotes]
    hits = [q for q in quotes if words in q.text and q.kind != "indirect"]
    assert len(hits) == 1, got
    q = hits[0]
    assert text[q.start:q.end] == q.text and "'" not in q.text[:1] + q.text[-1:] and "`" not in q.text, got
    def bare(x):
        return x.lower().removeprefix("the ") if x else None

    # as the kit scores it: the speaker's text or its resolved name
    said = {bare(q.speaker.text), bare(q.speaker.name)} if q.speaker else {None}
    assert bare(speaker) in said, (got, q.speaker)
    assert bare(q.attribution) == bare(attribution), got
