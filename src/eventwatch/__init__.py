"""eventwatch: news articles to PLOVER events with evidence spans."""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["extract", "Store", "__version__"]


def __getattr__(name: str):
    # Lazy: importing eventwatch must not load spaCy or SQLAlchemy.
    if name == "extract":
        from .pipeline import extract

        return extract
    if name == "Store":
        from .store.store import Store

        return Store
    raise AttributeError(name)
