"""Canonical actors: which entity of which article is which person, organisation, state or group.

An entity as the annotator gives it (``text``, canonical ``name`` where the
dictionary or its coreference knows one, ``country``, ``sector``, ``kind``,
spaCy ``label``) becomes an ``ActorRef`` with a stable ``key``:

- a named entity (``name``, or a proper name in ``text``) -> its normalised
  name (``kenneth roth``), whatever the surface: "Roth", "me" and "he" carry
  ``name`` "Kenneth Roth" when the annotator resolved them;
- a lone surname ("Roth") -> the one person of the same article, else of the
  store, whose full name ends with it (``surname_owner``), only when exactly
  one such person is known: an ambiguous surname stays its own actor;
- an unnamed description ("four men", "Hong Kong residents") -> the group
  ``group:<country>/<sector>`` (the CAMEO way of coding unnamed actors);
- a pronoun or description with neither name, country nor sector -> None:
  an unknown participant, which is compatible with any.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

PRONOUNS = frozenset(
    "i me my mine we us our ours you your he him his she her hers they them their theirs it its "
    "myself himself herself themselves itself ourselves who whom".split()
)
_LEADING = re.compile(r"^(the|a|an)\s+", re.I)
_SPACE = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s.'-]", re.U)
_NAMED_LABELS = {"PERSON": "person", "ORG": "organization", "GPE": "state", "NORP": "group", "MEDIA": "media",
                 "FAC": "organization"}


def normalise(text: Optional[str]) -> str:
    """Lower case, no leading article, no punctuation but dots/apostrophes/hyphens, single spaces."""
    t = (text or "").replace("\u2019", "'").strip()
    t = _PUNCT.sub(" ", t)
    t = _SPACE.sub(" ", t).strip().lower()
    t = _LEADING.sub("", t)
    if t.endswith("'s"):
        t = t[:-2]
    return t


@dataclass
class ActorRef:
    """One participant of one mention, resolved to a canonical actor key."""

    key: str  # "kenneth roth", "group:HKG/COP"
    name: str
    kind: Optional[str]
    country: Optional[str]
    sector: Optional[str]
    text: str
    aliases: list[str] = field(default_factory=list)  # normalised spellings that name it
    external_id: Optional[str] = None
    how: str = ""  # why this key: "name", "text", "surname", "group"


def _kind(ent: dict[str, Any]) -> Optional[str]:
    return ent.get("kind") or _NAMED_LABELS.get(ent.get("label") or "")


_FUNCTION_WORDS = frozenset("of the for and on in de del la al".split())


def _is_proper(text: str) -> bool:
    """A name as written: every word capitalised but the function words ("Ministry of Defence")."""
    words = [w for w in re.split(r"[\s-]+", _LEADING.sub("", text.strip())) if w]
    return bool(words) and words[0][:1].isupper() and normalise(text) not in PRONOUNS and \
        all(w[:1].isupper() or not w[:1].isalpha() or w in _FUNCTION_WORDS for w in words)


@functools.lru_cache(maxsize=1)
def dictionary_ids() -> dict[str, str]:
    """Normalised name or alias -> external id, for dictionary entries that carry one (``id`` or
    ``wikidata``)."""
    from ..codebook import builtin_path, load_yaml

    data = load_yaml(builtin_path("actors.yaml")) or {}
    out: dict[str, str] = {}
    for entry in data.get("actors") or []:
        ext = entry.get("id") or entry.get("wikidata")
        if not ext:
            continue
        for n in [entry.get("name")] + list(entry.get("aliases") or []):
            if n:
                out[normalise(n)] = str(ext)
    return out


def surname(name: str) -> Optional[str]:
    """The last word of a person's full name (two words or more), normalised."""
    words = normalise(name).split()
    return words[-1] if len(words) >= 2 else None


def surname_owner(word: str, people: Iterable[str]) -> Optional[str]:
    """The only full name among ``people`` whose surname is ``word``, else None (unknown or ambiguous)."""
    owners = {normalise(p) for p in people if surname(p) == word}
    return owners.pop() if len(owners) == 1 else None


def canonical(ent: dict[str, Any], *, people: Iterable[str] = (),
              lookup_surname=None) -> Optional[ActorRef]:
    """The canonical actor of one entity dict, or None for an unknown participant.

    ``people``: full person names of the same article (an in-article surname is
    theirs first). ``lookup_surname(word) -> full normalised name | None``: the
    store's answer for a surname no person of the article has.
    """
    text = (ent.get("text") or "").strip()
    name = (ent.get("name") or "").strip()
    country, sector = ent.get("country"), ent.get("sector")
    kind = _kind(ent)
    how = "name" if name else "text"
    if not name and _is_proper(text):
        name = text
    if name:
        norm = normalise(name)
        if not norm or norm in PRONOUNS:
            name = ""
    if name:
        norm = normalise(name)
        aliases = [norm]
        if len(norm.split()) == 1 and kind in ("person", None) and ent.get("label") in ("PERSON", None, ""):
            full = surname_owner(norm, people)
            if full is None and lookup_surname is not None:
                full = lookup_surname(norm)
            if full:
                how, norm = "surname", full
                aliases.append(full)
        if kind == "person" or (kind is None and len(norm.split()) in (2, 3) and ent.get("label") in ("PERSON", None)):
            s = surname(norm)
            if s:
                aliases.append(s)
        t = normalise(text)
        if t and _is_proper(text) and t not in aliases and len(t) <= 80:
            aliases.append(t)
        display = name if how != "surname" else norm.title()
        return ActorRef(key=norm, name=display, kind=kind, country=country, sector=sector,
                        text=text, aliases=aliases, external_id=dictionary_ids().get(norm), how=how)
    if country or sector:
        c, s = country or "-", sector or "-"
        return ActorRef(key=f"group:{c}/{s}", name=f"{c} {s}".replace("- ", "").replace(" -", ""),
                        kind="group", country=country, sector=sector, text=text, aliases=[], how="group")
    return None


def article_people(entities: Iterable[dict[str, Any]]) -> list[str]:
    """Full (two words or more) person names an article states, from its mentions' participants."""
    out = []
    for ent in entities:
        if _kind(ent) != "person" and ent.get("label") != "PERSON":
            continue
        for n in (ent.get("name"), ent.get("text")):
            if n and surname(n) and _is_proper(n) and n not in out:
                out.append(n)
    return out


# -- people named by their office: "the executive director of HRW", "HRW's head" ---------------

LEADER_ROLES = frozenset((
    "head", "chief", "leader", "director", "executive director", "director general", "director-general",
    "president", "chairman", "chairwoman", "chairperson", "chair", "secretary general", "secretary-general",
    "general secretary", "chief executive", "ceo", "boss", "executive head",
))
_ROLE_OF = re.compile(r"^(?:the\s+)?(?:(?:former|acting|interim|then|current)\s+)?(?P<role>[a-z][a-z -]{1,40}?)"
                      r"\s+(?:of|at)\s+(?:the\s+)?(?P<org>[A-Z][^,;]{1,80}?)(?:\s*\([A-Z]{2,8}\))?$")
_ORGS_ROLE = re.compile(r"^(?:the\s+)?(?P<org>[A-Z][\w .&-]{1,60}?)['\u2019]s?\s+(?P<role>[a-z][a-z -]{1,40})$")
_APPOSITION = re.compile(r"^,\s+(?P<desc>(?:the\s+)?[^,.;\u201c\"]{3,100}?)(?=,|\.|;|\s+said\b|\s+who\b|$)")


@functools.lru_cache(maxsize=1)
def dictionary_names() -> dict[str, str]:
    """Normalised alias or name -> normalised canonical name, from the actors dictionary ("hrw" ->
    "human rights watch")."""
    from ..codebook import builtin_path, load_yaml

    data = load_yaml(builtin_path("actors.yaml")) or {}
    out: dict[str, str] = {}
    for entry in data.get("actors") or []:
        name = normalise(entry.get("name"))
        for n in [entry.get("name")] + list(entry.get("aliases") or []):
            if n:
                out.setdefault(normalise(n), name)
    return out


def office(text: str) -> Optional[str]:
    """The office a description names, as an alias key: "office:head|human rights watch"; None when
    the text is no "<role> of <organisation>" / "<organisation>'s <role>". Leadership roles (director,
    executive director, head, chair, president, ...) are one office, the organisation's head."""
    t = (text or "").strip().replace("\u2019", "'")
    m = _ROLE_OF.match(t) or _ORGS_ROLE.match(t)
    if not m:
        return None
    role = _SPACE.sub(" ", m.group("role").strip().lower())
    org = normalise(m.group("org"))
    org = dictionary_names().get(org, org)
    if not org or role in PRONOUNS:
        return None
    return f"office:{'head' if role in LEADER_ROLES else role}|{org}"


def appositions(text: str, people: Iterable[dict[str, Any]]) -> dict[str, str]:
    """Office alias -> person name, from "<Person>, the <role> of <organisation>," in an article."""
    out: dict[str, str] = {}
    for ent in people:
        name = ent.get("name") or ent.get("text") or ""
        end = ent.get("end")
        if not name or end is None or not surname(name):
            continue
        m = _APPOSITION.match(text[end:end + 140])
        key = office(m.group("desc")) if m else None
        if key:
            out.setdefault(key, name)
    return out
