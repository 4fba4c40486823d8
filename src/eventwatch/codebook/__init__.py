"""The codebook as data: versioned YAML files shipped in this package
(actors, verb lexicon, CAMEO mapping) plus a user's own files.

``load_yaml`` keeps the line of every mapping so that a validator can name
the bad line: ``CodebookError("verbs.yaml:42: unknown type 'REJCT'")``.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any, Iterator

import yaml

from ..errors import CodebookError

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

PLOVER_MODES: dict[str, tuple[str, ...]] = {
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "RETREAT": ("withdraw", "release", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "investigate", "allege"),
    "THREATEN": ("restrict", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
    "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
    "MOBILIZE": ("troops", "weapons", "police", "militia"),
    "COERCE": ("seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport",
               "withhold", "misinformation", "cyber"),
    "ASSAULT": ("abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive",
                "firearms", "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons",
                "crowd-control", "unconventional"),
}

PLOVER_CONTEXTS = (
    "military", "intelligence", "executive", "legislative", "election", "political_institutions",
    "pro_democracy", "pro_autocracy", "diplomatic", "territory", "peacekeeping", "economic", "legal",
    "reparations", "human_rights", "rights_freedoms", "repression", "human_security", "gender", "lgbt",
    "religion_ethnicity", "inequality", "health", "asylum", "migration", "disasters", "natural_resource",
    "environment", "technology", "terrorism", "cbrn", "cyber", "misinformation", "crime", "corruption",
    "illegal_drugs", "trafficking",
)

SECTORS = (
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS", "CRM",
    "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC", "NGO", "IGO", "HLH",
    "ENV", "DEV", "HRI",
)

NON_STATE_CODES = ("IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC", "AFR", "ASA", "MEA", "WST")


class Line(int):
    """An int that is a 1-based line number."""


class LineDict(dict):
    """A mapping from YAML that remembers the line it started on (``.line``) and the line of each
    key (``.key_lines``)."""

    line: int = 0
    key_lines: dict[Any, int]


class LineList(list):
    """A list from YAML that remembers the line it started on (``.line``) and the line of each
    item (``.item_lines``)."""

    line: int = 0
    item_lines: list[int]


class _Loader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    out = LineDict()
    out.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:  # a mapping or list as a key ("{a: 1}: x") is valid YAML, not a codebook
            raise CodebookError(f"a key must be a word or number, not {type(key).__name__}",
                                path=getattr(loader, "path", ""),
                                line=key_node.start_mark.line + 1) from None
        if key in out:
            raise CodebookError(f"duplicate key {key!r}", path=getattr(loader, "path", ""),
                                line=key_node.start_mark.line + 1)
        out[key] = loader.construct_object(value_node, deep=True)
        out.key_lines[key] = key_node.start_mark.line + 1
    out.line = node.start_mark.line + 1
    return out


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    out = LineList(loader.construct_object(n, deep=True) for n in node.value)
    out.line = node.start_mark.line + 1
    out.item_lines = [n.start_mark.line + 1 for n in node.value]
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def load_yaml(path: str | Path, text: str | None = None) -> Any:
    """Parse YAML keeping line numbers; syntax errors name the line."""
    path = str(path)
    if text is None:
        text = Path(path).read_text(encoding="utf-8")
    try:
        loader = _Loader(text)
    except yaml.YAMLError as exc:  # ReaderError: a control character, before any parsing
        raise CodebookError(f"YAML: {str(exc).splitlines()[0]}", path=path) from None
    loader.path = path  # type: ignore[attr-defined]
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise CodebookError(f"YAML syntax: {exc.problem or exc}", path=path,
                            line=mark.line + 1 if mark else None) from None
    except yaml.YAMLError as exc:  # ReaderError (a control character) carries no mark
        raise CodebookError(f"YAML: {str(exc).splitlines()[0]}", path=path) from None
    finally:
        loader.dispose()


def line_of(obj: Any, default: int | None = None) -> int | None:
    return getattr(obj, "line", default)


def line_of_key(mapping: Any, key: Any, default: int | None = None) -> int | None:
    """The line of ``key`` in a mapping from ``load_yaml``, else ``default``."""
    return getattr(mapping, "key_lines", {}).get(key, default)


def line_of_item(seq: Any, index: int, default: int | None = None) -> int | None:
    """The line of item ``index`` of a list from ``load_yaml``, else ``default``."""
    lines = getattr(seq, "item_lines", ())
    return lines[index] if 0 <= index < len(lines) else default


def builtin_path(name: str) -> Path:
    """Path of a codebook file shipped in the package, e.g. ``builtin_path('verbs.yaml')``."""
    return Path(str(resources.files(__name__).joinpath(name)))


def iter_entries(data: Any, key: str, path: str) -> Iterator[LineDict]:
    """The list under ``key`` of a codebook file, each entry a LineDict."""
    if not isinstance(data, dict):
        raise CodebookError("the file must be a mapping with 'version' and entries", path=path, line=1)
    if "version" not in data:
        raise CodebookError("missing 'version'", path=path, line=line_of(data, 1))
    entries = data.get(key)
    if not isinstance(entries, list):
        raise CodebookError(f"'{key}' must be a list", path=path, line=line_of(data, 1))
    for entry in entries:
        if not isinstance(entry, dict):
            raise CodebookError(f"each entry of '{key}' must be a mapping", path=path,
                                line=line_of(entries, 1))
        yield entry
