"""The text stage: ``RawDoc`` -> ``Article``.

``to_article`` (text/extract.py) gives the main text (plain text unchanged,
HTML through trafilatura), metadata, boilerplate spans, language, content
hash and MinHash signature. Near-duplicate helpers live in ``text.dedup``.
"""
from __future__ import annotations

__all__ = ["to_article"]


def __getattr__(name: str):
    # Lazy, so importing text.dedup or text.boilerplate does not load trafilatura.
    if name == "to_article":
        from .extract import to_article

        return to_article
    raise AttributeError(name)
