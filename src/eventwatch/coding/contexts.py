"""PLOVER contexts from keyword patterns kept as data (codebook/contexts.yaml).

Matching is case-insensitive with word boundaries so that "law" does not fire
on "lawn". Bad entries raise CodebookError naming file:line.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache

from ..codebook import PLOVER_CONTEXTS, builtin_path, iter_entries, line_of, load_yaml
from ..errors import CodebookError

logger = logging.getLogger(__name__)


def load_contexts(path=None, text=None) -> list[tuple[str, re.Pattern, re.Pattern | None]]:
    path = str(path or builtin_path("contexts.yaml"))
    data = load_yaml(path, text)
    out = []
    for entry in iter_entries(data, "contexts", path):
        name = entry.get("context")
        if name not in PLOVER_CONTEXTS:
            raise CodebookError(f"unknown context {name!r}", path=path, line=line_of(entry))
        strong = list(entry.get("strong") or [])
        weak = list(entry.get("keywords") or [])
        if not strong and not weak or not all(isinstance(k, str) and k.strip() for k in strong + weak):
            raise CodebookError("each context needs non-empty string keywords", path=path,
                                line=line_of(entry))
        out.append((name, _regex(strong + weak), _regex(strong) if strong else None))
    return out


def _regex(words: list[str]) -> re.Pattern:
    alts = sorted((re.escape(w.lower()) for w in words), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _builtin():
    return load_contexts()


def contexts_for(text: str) -> list[str]:
    """Contexts any of whose keywords occur in ``text``, in codebook order."""
    return [name for name, anyre, _ in _builtin() if anyre.search(text)]


def article_contexts(texts: list[str]) -> list[str]:
    """Contexts with >= 2 mentions across ``texts`` or one strong keyword."""
    out = []
    for name, anyre, strongre in _builtin():
        hits = sum(len(anyre.findall(t)) for t in texts)
        if hits >= 2 or (strongre is not None and any(strongre.search(t) for t in texts)):
            out.append(name)
    return out
