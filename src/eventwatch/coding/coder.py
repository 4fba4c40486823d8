"""TEMPORARY scaffold: replaced by the event coding work (issue 4)."""
from __future__ import annotations

from ..models import AnnotatedArticle, Event


def code(ann: AnnotatedArticle) -> list[Event]:
    return []
