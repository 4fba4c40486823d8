"""Conflict-cooperation scales from the codebook: CAMEO Goldstein scores, PLOVER scores, quad classes.

``codebook/scales/goldstein.yaml`` holds the Goldstein (1992) scale as GDELT
publishes it per CAMEO code; ``codebook/scales/plover_scores.yaml`` the PLOVER
manual's scores and quad categories per type and mode. Both are validated on
load: a bad entry is a ``CodebookError`` naming the file and line. They sit
in ``codebook/scales/``, apart from the coder's files, because the event
model fingerprints ``codebook/*.yaml``: a change to an export table must not
make it ask for retraining.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from ..codebook import PLOVER_MODES, PLOVER_TYPES, builtin_path, line_of_key, load_yaml
from ..errors import CodebookError


def _score(value, path: str, line) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not -10 <= value <= 10:
        raise CodebookError(f"score must be a number from -10 to 10, got {value!r}", path=path, line=line)
    return float(value)


@lru_cache(maxsize=1)
def goldstein_table() -> dict[str, float]:
    path = str(builtin_path("scales/goldstein.yaml"))
    scores = (load_yaml(path) or {}).get("scores") or {}
    table = {}
    for code, value in scores.items():
        line = line_of_key(scores, code)
        if not isinstance(code, str) or not code.isdigit() or not 2 <= len(code) <= 4:
            raise CodebookError(f"CAMEO code must be a quoted 2-4 digit string, got {code!r}", path=path, line=line)
        table[code] = _score(value, path, line)
    for root in (f"{r:02d}" for r in range(1, 21)):
        if root not in table:
            raise CodebookError(f"missing CAMEO root {root}", path=path)
    return table


def goldstein(cameo: Optional[str]) -> Optional[float]:
    """The Goldstein score of a CAMEO code: its own, else its 3-digit parent's, else its root's."""
    if not cameo:
        return None
    table = goldstein_table()
    for prefix in (cameo, cameo[:3], cameo[:2]):
        if prefix in table:
            return table[prefix]
    return None


def quad_class(cameo: Optional[str]) -> Optional[int]:
    """GDELT's QuadClass of a CAMEO code: 1 verbal cooperation (01-05), 2 material cooperation (06-09),
    3 verbal conflict (10-14), 4 material conflict (15-20)."""
    if not cameo or not cameo[:2].isdigit():
        return None
    root = int(cameo[:2])
    if 1 <= root <= 5:
        return 1
    if root <= 9:
        return 2
    if root <= 14:
        return 3
    return 4 if root <= 20 else None


@lru_cache(maxsize=1)
def plover_table() -> dict[str, dict]:
    path = str(builtin_path("scales/plover_scores.yaml"))
    types = (load_yaml(path) or {}).get("types") or {}
    table = {}
    for typ in PLOVER_TYPES:
        if typ not in types:
            raise CodebookError(f"missing type {typ}", path=path)
    for typ, entry in types.items():
        line = line_of_key(types, typ)
        if typ not in PLOVER_TYPES:
            raise CodebookError(f"unknown type {typ!r}", path=path, line=line)
        if entry.get("quad") not in (1, 2, 3, 4):
            raise CodebookError(f"{typ}: quad must be 1-4, got {entry.get('quad')!r}", path=path, line=line)
        modes = {}
        for mode, value in (entry.get("modes") or {}).items():
            if mode not in PLOVER_MODES.get(typ, ()):
                raise CodebookError(f"{typ}: unknown mode {mode!r}", path=path, line=line)
            modes[mode] = _score(value, path, line)
        table[typ] = {"score": _score(entry.get("score"), path, line), "quad": entry["quad"], "modes": modes}
    return table


def plover_score(typ: Optional[str], mode: Optional[str] = None) -> Optional[float]:
    entry = plover_table().get(typ or "")
    if entry is None:
        return None
    return entry["modes"].get(mode or "", entry["score"])


def plover_quad(typ: Optional[str]) -> Optional[int]:
    entry = plover_table().get(typ or "")
    return entry["quad"] if entry else None
