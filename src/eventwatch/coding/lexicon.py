"""The verb/noun lexicon of the pattern coder, loaded from versioned YAML.

Entries live in ``codebook/verbs.yaml`` (and any user files passed in):
a lemma, its PLOVER type and mode, a CAMEO code and optional constraints on
the dependency parse. The loader validates everything and names the file and
line of a bad entry, so a codebook typo fails at load time, not as silently
missing events.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from ..codebook import PLOVER_MODES, PLOVER_TYPES, builtin_path, iter_entries, line_of, load_yaml
from ..errors import CodebookError

log = logging.getLogger(__name__)

_KEYS = {"lemma", "type", "mode", "cameo", "pos", "object", "prep", "example", "context"}
_POS = {"VERB": ("VERB", "AUX"), "NOUN": ("NOUN", "PROPN")}

# CAMEO roots allowed per PLOVER type (DESIGN.md table); 08 covers both
# CONCEDE (081-083) and RETREAT (084-087) because the boundary is fuzzy in practice.
ROOTS_FOR_TYPE = {
    "AGREE": ("03",), "CONSULT": ("04",), "SUPPORT": ("05",), "COOPERATE": ("06",), "AID": ("07",),
    "CONCEDE": ("08",), "RETREAT": ("08",), "REQUEST": ("10",), "ACCUSE": ("09", "11"),
    "REJECT": ("12",), "THREATEN": ("13",), "PROTEST": ("14",), "MOBILIZE": ("15",),
    "SANCTION": ("16",), "COERCE": ("17",), "ASSAULT": ("18", "19", "20"),
}


@dataclass(frozen=True)
class Entry:
    lemma: str
    type: str
    cameo: str
    mode: str | None = None
    pos: tuple[str, ...] = ("VERB", "AUX", "NOUN", "PROPN")
    objects: frozenset[str] = frozenset()
    preps: frozenset[str] = frozenset()
    context: tuple[str, ...] = ()
    example: str | None = None
    source: str = ""
    line: int = 0

    @property
    def specificity(self) -> int:
        """More constrained entries win over a bare lemma ("impose curfew" over "impose")."""
        return (2 if self.objects else 0) + (2 if self.preps else 0) + (1 if len(self.pos) == 2 else 0)


@dataclass
class Lexicon:
    entries: list[Entry] = field(default_factory=list)
    by_lemma: dict[str, list[Entry]] = field(default_factory=dict)
    instruments: list[tuple[str, frozenset[str]]] = field(default_factory=list)

    def add(self, e: Entry) -> None:
        self.entries.append(e)
        self.by_lemma.setdefault(e.lemma, []).append(e)

    def candidates(self, lemma: str, pos: str) -> list[Entry]:
        return [e for e in self.by_lemma.get(lemma.lower(), ()) if pos in e.pos]


def _words(value, path: str, line: int, key: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise CodebookError(f"'{key}' must be a word or a list of words", path=path, line=line)
    return frozenset(v.strip().lower() for v in value)


def parse_entry(raw: dict, path: str) -> Entry:
    line = line_of(raw, 0) or 0
    unknown = set(raw) - _KEYS
    if unknown:
        raise CodebookError(f"unknown key(s) {sorted(unknown)}", path=path, line=line)
    lemma = raw.get("lemma")
    if not isinstance(lemma, str) or not lemma.strip():
        raise CodebookError("entry needs a 'lemma'", path=path, line=line)
    typ = raw.get("type")
    if typ not in PLOVER_TYPES:
        raise CodebookError(f"unknown type {typ!r}", path=path, line=line)
    mode = raw.get("mode")
    if mode is not None and mode not in PLOVER_MODES.get(typ, ()):
        raise CodebookError(f"mode {mode!r} is not a mode of {typ}", path=path, line=line)
    cameo = raw.get("cameo")
    if not isinstance(cameo, str) or not cameo.isdigit() or not 2 <= len(cameo) <= 4:
        raise CodebookError(f"cameo must be a quoted 2-4 digit code, got {cameo!r}", path=path, line=line)
    if cameo[:2] not in ROOTS_FOR_TYPE[typ]:
        raise CodebookError(f"cameo {cameo} (root {cameo[:2]}) does not map to {typ}", path=path, line=line)
    pos = raw.get("pos")
    if pos is not None and pos not in _POS:
        raise CodebookError(f"pos must be VERB or NOUN, got {pos!r}", path=path, line=line)
    ctx = raw.get("context") or []
    if isinstance(ctx, str):
        ctx = [ctx]
    from ..codebook import PLOVER_CONTEXTS
    for c in ctx:
        if c not in PLOVER_CONTEXTS:
            raise CodebookError(f"unknown context {c!r}", path=path, line=line)
    example = raw.get("example")
    if example is not None and not isinstance(example, str):
        raise CodebookError("'example' must be a sentence", path=path, line=line)
    return Entry(lemma=lemma.strip().lower(), type=typ, cameo=cameo, mode=mode,
                 pos=_POS[pos] if pos else ("VERB", "AUX", "NOUN", "PROPN"),
                 objects=_words(raw.get("object"), path, line, "object"),
                 preps=_words(raw.get("prep"), path, line, "prep"),
                 context=tuple(ctx), example=example, source=path, line=line)


def load_lexicon_file(path: str | Path, lex: Lexicon | None = None) -> Lexicon:
    lex = lex or Lexicon()
    path = str(path)
    data = load_yaml(path)
    for raw in iter_entries(data, "entries", path):
        lex.add(parse_entry(raw, path))
    for raw in data.get("assault_instruments") or []:
        line = line_of(raw, 0)
        if not isinstance(raw, dict) or raw.get("mode") not in PLOVER_MODES["ASSAULT"]:
            raise CodebookError("assault_instruments entries need an ASSAULT mode", path=path, line=line)
        lex.instruments.append((raw["mode"], _words(raw.get("words"), path, line, "words")))
    return lex


@lru_cache(maxsize=8)
def load_lexicon(extra_paths: Sequence[str] = ()) -> Lexicon:
    """The shipped lexicon plus a user's own files (their entries add to, not replace, ours)."""
    lex = load_lexicon_file(builtin_path("verbs.yaml"))
    for p in extra_paths:
        load_lexicon_file(p, lex)
    log.debug("lexicon: %d entries", len(lex.entries))
    return lex


@lru_cache(maxsize=1)
def cameo_table() -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    path = str(builtin_path("cameo.yaml"))
    data = load_yaml(path)
    roots = data.get("roots") or {}
    for t in PLOVER_TYPES:
        if t not in roots:
            raise CodebookError(f"missing root for {t}", path=path, line=line_of(roots, 1))
    modes = {}
    for raw in iter_entries(data, "modes", path):
        if raw.get("type") not in PLOVER_TYPES or raw.get("mode") not in PLOVER_MODES.get(raw.get("type"), ()):
            raise CodebookError(f"bad type/mode {raw.get('type')}/{raw.get('mode')}", path=path,
                                line=line_of(raw, 0))
        modes[(raw["type"], raw["mode"])] = str(raw["cameo"])
    return dict(roots), modes


def cameo_for(typ: str, mode: str | None) -> str | None:
    roots, modes = cameo_table()
    return modes.get((typ, mode)) or roots.get(typ)
