"""TEMPORARY scaffold: replaced by the text stage (issue 2)."""
from __future__ import annotations

from ..errors import TextError
from ..models import Article, RawDoc


def to_article(raw: RawDoc) -> Article:
    text = raw.content if isinstance(raw.content, str) else raw.content.decode("utf-8", "replace")
    if not text.strip():
        raise TextError("empty document")
    return Article(id=raw.id, text=text, source=raw.source, url=raw.url, title=raw.title,
                   publication_date=raw.publication_date, language="en")
