"""Small conversions the store's modules share: timestamps, entity/place dicts, frames."""
from __future__ import annotations

import dataclasses
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Optional

from ..models import Entity, Place

if TYPE_CHECKING:
    import pandas


def now() -> datetime:
    return datetime.now(timezone.utc)


def iso(value: Optional[datetime]) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, str):  # never expected, but harmless
        return value
    if value.tzinfo is None:  # SQLite keeps no zone: everything the store writes is UTC
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).isoformat()


def first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip() or type(orig).__name__
    return text.splitlines()[0]


def entity_json(e: Entity) -> dict[str, Any]:
    return dataclasses.asdict(e)


def entity_from(d: dict[str, Any]) -> Entity:
    names = {f.name for f in dataclasses.fields(Entity)}
    return Entity(**{k: v for k, v in d.items() if k in names})


def place_from(d: dict[str, Any]) -> Place:
    names = {f.name for f in dataclasses.fields(Place)}
    return Place(**{k: v for k, v in d.items() if k in names})


def countries_key(ents: list[Entity]) -> Optional[str]:
    codes = []
    for e in ents:
        if e.country and e.country not in codes:
            codes.append(e.country)
    return "|" + "|".join(codes) + "|" if codes else None


def joined(values) -> Optional[str]:
    out = []
    for v in values:
        if v not in (None, "") and v not in out:
            out.append(str(v))
    return "; ".join(out) if out else None


def frame(rows: list[dict[str, Any]], columns: list[str]) -> "pandas.DataFrame":
    import pandas as pd

    return pd.DataFrame.from_records(rows, columns=columns)
