"""The coder version: one string that changes whenever what codes an event changes.

``<package version>+cb.<codebook sha256[:10]>+model.<model data sha256[:10]>+<coders>``:
the package version, the shipped codebook YAML files (patterns, actor
dictionary, verbs, word lists), the event model's training data hash (from
its ``meta.json``; ``none`` without a model) and the ``coders`` setting.
Every stored mention and event records it; ``eventwatch reprocess`` re-codes
the articles whose mentions carry another.
"""
from __future__ import annotations

import functools
import hashlib

from .. import __version__, settings


@functools.lru_cache(maxsize=8)
def _version(model_path: str, coders: str) -> str:
    from ..codebook import builtin_path
    from ..coding.artefact import ModelMissingError, read_meta

    h = hashlib.sha256()
    for p in sorted(builtin_path("actors.yaml").parent.glob("*.yaml")):
        h.update(p.name.encode() + b"\0" + p.read_bytes() + b"\0")
    try:
        model = str(read_meta(model_path or None).get("data_sha256") or "unknown")[:10]
    except ModelMissingError:
        model = "none"
    if "model" not in coders.split(","):
        model = "off"
    return f"{__version__}+cb.{h.hexdigest()[:10]}+model.{model}+{coders.replace(',', '.')}"


def coder_version() -> str:
    return _version(str(settings.get("model_path") or ""), str(settings.get("coders")).replace(" ", ""))
