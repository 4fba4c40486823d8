"""spaCy component factories. Each computes with a plain function from its
module, then sets one ``Doc._`` extension; none does I/O."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("ew_paragraphs", assigns=["token.is_sent_start"])
def paragraphs(doc: Doc) -> Doc:
    """A blank line always ends a sentence: the parser otherwise runs a
    headline into the dateline sentence below it ("...talks in Luanda\n\nGOMA, Congo —")."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if not tok.is_space and prev.is_space and prev.text.count("\n") >= 2:
            tok.is_sent_start = True
    return doc


@Language.factory("ew_entities", assigns=["doc._.entities"], requires=["doc.ents", "token.dep"])
def make_entities(nlp: Language, name: str):
    from .actors import find_entities

    def component(doc: Doc) -> Doc:
        doc._.entities = find_entities(doc)
        return doc

    return component


@Language.factory("ew_dates", assigns=["doc._.dates"], requires=["doc.ents", "doc._.publication_date"])
def make_dates(nlp: Language, name: str):
    from .dates import find_dates

    def component(doc: Doc) -> Doc:
        doc._.dates = find_dates(doc)
        return doc

    return component


@Language.factory("ew_places", assigns=["doc._.places"], requires=["doc.ents", "doc._.entities"])
def make_places(nlp: Language, name: str):
    from .places import find_places

    def component(doc: Doc) -> Doc:
        doc._.places = find_places(doc)
        return doc

    return component


@Language.factory("ew_quotes", assigns=["doc._.quotes"], requires=["doc.sents", "doc._.entities"])
def make_quotes(nlp: Language, name: str):
    from .quotes import find_quotes

    def component(doc: Doc) -> Doc:
        doc._.quotes = find_quotes(doc)
        return doc

    return component
