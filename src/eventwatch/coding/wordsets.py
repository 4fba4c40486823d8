"""The pattern coder's word lists, loaded from versioned YAML (``codebook/wordsets.yaml``).

The parse rules decide by lemma: "say" frames a report, "town" names a place, "shelling" is no
actor. Those lists are codebook, not code: an analyst extends them without reading the rules,
and a typo (a number, a nested list, YAML's ``on`` read as true) fails at load time naming the
file and line instead of silently matching nothing. A rule that asks for a list the file does not
have fails the same way, at import.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

from ..codebook import builtin_path, line_of, line_of_item, line_of_key, load_yaml
from ..errors import CodebookError

WORDSETS_FILE = "wordsets.yaml"
# The lists that choose only an event's place: no event model feature reads them (see
# ``examples.codebook_sha256``), so an analyst may edit them without retraining.
PLACES_FILE = "places.yaml"
# The lists of the rulings applied after the model has typed the words (``coding.rulings``): no
# model feature reads them either.
RULINGS_FILE = "rulings.yaml"
POST_MODEL_FILES = (PLACES_FILE, RULINGS_FILE)


@dataclass(frozen=True)
class WordSets:
    """The word lists of one file: ``sets`` (name → words) and ``maps`` (name → word → word)."""

    path: str
    version: Any
    sets: Mapping[str, frozenset[str]]
    maps: Mapping[str, Mapping[str, str]]

    def words(self, name: str) -> frozenset[str]:
        if name not in self.sets:
            kind = "a mapping, not a list" if name in self.maps else "unknown word set"
            raise CodebookError(f"{kind} {name!r}", path=self.path)
        return self.sets[name]

    def mapping(self, name: str) -> dict[str, str]:
        if name not in self.maps:
            kind = "a list, not a mapping" if name in self.sets else "unknown word map"
            raise CodebookError(f"{kind} {name!r}", path=self.path)
        return dict(self.maps[name])


def _word(value: Any, path: str, line: int | None, name: str) -> str:
    if not isinstance(value, str) or not value.strip() or value != value.strip():
        raise CodebookError(f"'{name}': {value!r} is not a word (quote words YAML reads as "
                            f"something else, e.g. \"on\")", path=path, line=line)
    return value


def parse_wordsets(data: Any, path: str) -> WordSets:
    """Validate the mapping ``load_yaml`` read from a word-sets file."""
    if not isinstance(data, dict):
        raise CodebookError("the file must be a mapping with 'version' and word lists", path=path, line=1)
    if "version" not in data:
        raise CodebookError("missing 'version'", path=path, line=line_of(data, 1))
    sets: dict[str, frozenset[str]] = {}
    maps: dict[str, dict[str, str]] = {}
    for name, value in data.items():
        if name == "version":
            continue
        line = line_of_key(data, name, line_of(data, 1))
        if not isinstance(name, str):
            raise CodebookError(f"a word-set name must be a word, got {name!r}", path=path, line=line)
        if isinstance(value, dict):
            maps[name] = {_word(k, path, line_of_key(value, k, line), name):
                          _word(v, path, line_of_key(value, k, line), name) for k, v in value.items()}
        elif isinstance(value, list):
            words = [_word(w, path, line_of_item(value, i, line), name) for i, w in enumerate(value)]
            sets[name] = frozenset(words)
        else:
            raise CodebookError(f"'{name}' must be a list of words", path=path, line=line)
    return WordSets(path=path, version=data["version"], sets=sets, maps=maps)


def load_wordsets_file(path: str | Path, text: str | None = None) -> WordSets:
    path = str(path)
    return parse_wordsets(load_yaml(path, text), path)


@lru_cache(maxsize=1)
def load_wordsets() -> WordSets:
    """The shipped word lists, read once."""
    return load_wordsets_file(builtin_path(WORDSETS_FILE))


def wordset(name: str) -> frozenset[str]:
    """One shipped word list, e.g. ``wordset("reporting")``."""
    return load_wordsets().words(name)


@lru_cache(maxsize=1)
def load_place_wordsets() -> WordSets:
    """The shipped place word lists (``codebook/places.yaml``), read once."""
    return load_wordsets_file(builtin_path(PLACES_FILE))


def place_wordset(name: str) -> frozenset[str]:
    """One shipped place word list, e.g. ``place_wordset("facility")``."""
    return load_place_wordsets().words(name)


@lru_cache(maxsize=1)
def load_ruling_wordsets() -> WordSets:
    """The shipped ruling word lists (``codebook/rulings.yaml``), read once."""
    return load_wordsets_file(builtin_path(RULINGS_FILE))


def ruling_wordset(name: str) -> frozenset[str]:
    """One shipped ruling word list, e.g. ``ruling_wordset("undergo_verbs")``."""
    return load_ruling_wordsets().words(name)


def wordmap(name: str) -> dict[str, str]:
    """One shipped word mapping, e.g. ``wordmap("irregular")`` (surface form → lemma)."""
    return load_wordsets().mapping(name)
