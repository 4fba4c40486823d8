"""Corrections of known small-model NER errors, before actor lookup.

- news outlets tagged PERSON/ORG/GPE → label MEDIA (dictionary kind "media");
- "the United Kingdom" → span without "the", trailing possessives dropped;
- NORP adjectives that modify an actor noun ("Chinese regime", "Hungarian
  officials") → an actor span of that country with the noun's sector;
- possessive capitals ("Beijing's growing assault") → the government (ORG).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc, Span

from . import gazetteer
from .extensions import doc_text

log = logging.getLogger(__name__)


# spaCy labels that can name an actor
ENTITY_LABELS = ("PERSON", "ORG", "GPE", "NORP", "FAC")


@dataclass
class Corrected:
    text: str
    start: int
    end: int
    label: str
    country: Optional[str] = None  # set for NORP+noun actors
    sector: Optional[str] = None


def _trim(span: Span) -> Optional[tuple[int, int]]:
    toks = list(span)
    while toks and toks[0].lower_ in ("the", "a", "an"):
        toks = toks[1:]
    while toks and (toks[-1].tag_ == "POS" or toks[-1].text in ("'s", "\u2019s", "'", "\u2019")):
        toks = toks[:-1]
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def correct(doc: Doc, d) -> list[Corrected]:
    """``d``: the actor dictionary (actors.ActorDictionary), passed in by the caller
    so this module does not import the one that uses it."""
    out: list[Corrected] = []
    full = doc_text(doc)
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        se = _trim(ent)
        if se is None:
            continue
        s, e = se
        text = full[s:e]
        entry = d.lookup(text)
        label = ent.label_
        if entry is not None and entry.kind == "media":
            out.append(Corrected(text, s, e, "MEDIA"))
            continue
        if label == "NORP":
            # Demonym modifying an actor noun: widen the span over the noun phrase.
            root = ent.root
            head = root.head if root.dep_ in ("amod", "compound", "nmod") else None
            if head is not None and head.i > root.i:
                sector = d.sector_nouns.get(gazetteer.norm(head.lemma_)) or d.sector_nouns.get(gazetteer.norm(head.text))
                country = d.demonyms.get(gazetteer.norm(text))
                if ent.start > 0 and doc[ent.start - 1].lower_ == "ethnic" and gazetteer.norm(text) not in d.peoples:
                    country = None  # "ethnic Serb villagers" may live in any of several states
                if sector and country:
                    # From the demonym to the noun ("Chinese communist regime"): a
                    # leading determiner stays out, like "the" of "the United Kingdom".
                    s2, e2 = s, head.idx + len(head.text)
                    out.append(Corrected(full[s2:e2], s2, e2, "NORP", country, sector))
                    continue
        if label in ("GPE", "ORG") and ent.end < len(doc) and doc[ent.end - 1].tag_ == "POS" or (
            label == "GPE" and ent.end < len(doc) and doc[ent.end].tag_ == "POS"
        ):
            if entry is not None and entry.sector == "GOV":
                out.append(Corrected(text, s, e, "ORG"))
                continue
        out.append(Corrected(text, s, e, label))
    return out
