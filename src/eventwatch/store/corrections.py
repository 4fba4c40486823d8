"""Analysts' corrections of an event: which fields, which values are valid, and how they apply.

A correction names fields of the event record (``CORRECTABLE``) with their
right values; it is validated once (an unknown type, mode, status, sector or
country is a ``QueryError`` listing the valid values), stored as a review of
kind ``correct`` keyed by the event's mention spans, and applied on top of
what resolution computes from the mentions every time the event is
recomputed, so a re-coded or re-ingested article never undoes it. The
event's ``review`` column records the coded value each correction replaced.
"""
from __future__ import annotations

import re
from typing import Any, Iterable, Optional

from ..errors import QueryError
from ..resolve.actors import normalise
from ..resolve.match import period
from .filters import STATUSES

CORRECTABLE = ("type", "mode", "status", "actor", "recipient", "date", "place")
VERDICTS = {"confirm": "confirmed", "confirmed": "confirmed", "correct": "confirmed",
            "reject": "rejected", "rejected": "rejected", "wrong": "rejected"}
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
PRECISION = {4: "year", 7: "month", 10: "day"}


def span_key(mention_key: str) -> str:
    """``article#start-end/TYPE`` -> ``article#start-end``: a re-coding that retypes a mention keeps its span."""
    return mention_key.rsplit("/", 1)[0] if "/" in mention_key else mention_key


def verdict_of(value: str) -> str:
    v = VERDICTS.get((value or "").strip().lower())
    if v is None:
        raise QueryError(f"invalid verdict {value!r}: valid values are confirm, reject", name="verdict",
                         valid=("confirm", "reject"))
    return v


def _codes():
    from ..codebook import NON_STATE_CODES, PLOVER_MODES, PLOVER_TYPES, SECTORS

    return NON_STATE_CODES, PLOVER_MODES, PLOVER_TYPES, SECTORS


def _country(value: Any, field: str) -> Optional[str]:
    if value in (None, ""):
        return None
    import pycountry

    non_state = _codes()[0]
    c = str(value).strip().upper()
    if c not in non_state and pycountry.countries.get(alpha_3=c) is None:
        raise QueryError(f"invalid {field} country {value!r}: valid values are ISO 3166 alpha-3 codes (e.g. HKG, "
                         f"CHN, USA) and the non-state codes {', '.join(non_state)}", name=field)
    return c


def _participants(value: Any, field: str) -> list[dict[str, Any]]:
    if value is None:
        return []
    if isinstance(value, (str, dict)):
        value = [value]
    if not isinstance(value, list):
        raise QueryError(f"invalid {field}: a list of participants ({{name, country, sector}}) or names", name=field)
    sectors = _codes()[3]
    out = []
    for p in value:
        if isinstance(p, str):
            p = {"name": p}
        if not isinstance(p, dict) or not str(p.get("name") or "").strip():
            raise QueryError(f"invalid {field}: each participant needs a name", name=field)
        sector = p.get("sector")
        if sector not in (None, ""):
            sector = str(sector).strip().upper()
            if sector not in sectors:
                raise QueryError(f"invalid {field} sector {p['sector']!r}: valid values are {', '.join(sectors)}",
                                 name=field, valid=sectors)
        out.append({"name": str(p["name"]).strip(), "country": _country(p.get("country"), field),
                    "sector": sector or None, "actor_id": p.get("actor_id") or None})
    return out


def _place(value: Any) -> Optional[dict[str, Any]]:
    if value in (None, ""):
        return None
    if isinstance(value, str):
        value = {"name": value}
    if not isinstance(value, dict) or not (value.get("name") or value.get("country")):
        raise QueryError("invalid place: a name, or {name, country, lat, lon}", name="place")
    out: dict[str, Any] = {"name": str(value.get("name") or "").strip() or None,
                           "country": _country(value.get("country"), "place"), "lat": None, "lon": None}
    for k in ("lat", "lon"):
        if value.get(k) is not None:
            try:
                out[k] = float(value[k])
            except (TypeError, ValueError):
                raise QueryError(f"invalid place {k} {value[k]!r}: a number", name="place") from None
    return out


def validate(fields: dict[str, Any], *, current_type: str) -> dict[str, Any]:
    """The correction ``fields`` checked and normalised (``QueryError`` naming the bad one)."""
    if not isinstance(fields, dict) or not fields:
        raise QueryError(f"a correction names at least one field: valid fields are {', '.join(CORRECTABLE)}", name="fields",
                         valid=CORRECTABLE)
    unknown = sorted(set(fields) - set(CORRECTABLE))
    if unknown:
        raise QueryError(f"cannot correct {unknown[0]!r}: correctable fields are {', '.join(CORRECTABLE)}",
                         name=unknown[0], valid=CORRECTABLE)
    _, modes, types, _ = _codes()
    out: dict[str, Any] = {}
    if "type" in fields:
        t = str(fields["type"] or "").strip().upper()
        if t not in types:
            raise QueryError(f"invalid type {fields['type']!r}: valid values are {', '.join(types)}", name="type",
                             valid=types)
        out["type"] = t
    if "mode" in fields:
        t = out.get("type", current_type)
        m = fields["mode"]
        if m not in (None, ""):
            m = str(m).strip().lower()
            valid = tuple(modes.get(t, ()))
            if m not in valid:
                raise QueryError(f"invalid mode {fields['mode']!r} for {t}: valid values are "
                                 f"{', '.join(valid) or 'none (this type has no modes)'}", name="mode", valid=valid)
        out["mode"] = m or None
    if "status" in fields:
        s = str(fields["status"] or "").strip().lower()
        if s not in STATUSES:
            raise QueryError(f"invalid status {fields['status']!r}: valid values are {', '.join(STATUSES)}",
                             name="status", valid=STATUSES)
        out["status"] = s
    if "date" in fields:
        d = fields["date"]
        if d not in (None, ""):
            d = str(d).strip()
            if not _DATE.match(d) or period(d, None)[0] is None:
                raise QueryError(f"invalid date {fields['date']!r}: valid values are YYYY, YYYY-MM or YYYY-MM-DD",
                                 name="date", valid=("YYYY", "YYYY-MM", "YYYY-MM-DD"))
        out["date"] = d or None
    for role in ("actor", "recipient"):
        if role in fields:
            out[role] = _participants(fields[role], role)
    if "place" in fields:
        out["place"] = _place(fields["place"])
    return out


def participant(p: dict[str, Any], key: str) -> dict[str, Any]:
    """A corrected participant in the event record's shape (``text``: the analyst's name)."""
    return {"actor_id": key, "name": p["name"], "text": p["name"], "country": p.get("country"),
            "sector": p.get("sector")}


def actor_key(p: dict[str, Any]) -> str:
    """The canonical key of a participant an analyst names: given, else its normalised name."""
    return p.get("actor_id") or normalise(p["name"]) or p["name"]


def apply(vals: dict[str, Any], fields: dict[str, Any], people: dict[str, list[dict[str, Any]]],
          original: dict[str, Any]) -> None:
    """Put one correction's values into ``vals`` (the event row being written); ``original`` keeps the
    coded value of each field the first time a correction replaces it."""
    from ..coding.lexicon import cameo_for

    for name, value in fields.items():
        if name in ("actor", "recipient"):
            value = people[name]
        elif name == "place" and value is not None:
            coded = vals.get("place") or {}
            same = (coded.get("name") or coded.get("text") or "").lower() == (value.get("name") or "").lower()
            # "Minsk" for a coded Minsk keeps the gazetteer's country and coordinates.
            value = {k: (v if v is not None or not same else coded.get(k)) for k, v in value.items()}
        original.setdefault(name, shown(vals, name))
        if name == "date":
            prec = PRECISION.get(len(value)) if value else None
            lo, hi = period(value, prec)
            vals.update(date=value, date_precision=prec, date_lo=lo, date_hi=hi)
        elif name == "place":
            vals.update(place=value, place_name=(value or {}).get("name"), place_country=(value or {}).get("country"))
        else:
            vals[name] = value
    if "type" in fields:
        if "mode" not in fields and vals.get("mode") not in _codes()[1].get(vals["type"], ()):
            original.setdefault("mode", vals.get("mode"))
            vals["mode"] = None
        vals["cameo"] = cameo_for(vals["type"], vals.get("mode")) or vals.get("cameo")


def shown(vals: dict[str, Any], name: str) -> Any:
    """A field's value as a correction's from/to shows it (a date with its precision)."""
    if name == "date":
        return {"date": vals.get("date"), "date_precision": vals.get("date_precision")}
    return vals.get(name)


def restore(vals: dict[str, Any], previous: Optional[dict[str, Any]]) -> None:
    """The type and status resolution does not recompute: back to their coded values, before re-applying."""
    corrected = (previous or {}).get("corrected") or {}
    for name in ("type", "status"):
        if name in corrected:
            vals[name] = corrected[name]["from"]


def coded_values(review: Optional[dict[str, Any]]) -> Optional[dict[str, Any]]:
    """The coded type, status and mode an analyst's correction replaced (those it changed), or None."""
    corrected = (review or {}).get("corrected") or {}
    before = {k: corrected[k]["from"] for k in ("type", "status", "mode") if k in corrected}
    return before if ("type" in before or "status" in before) else None


def summary(verdicts: Iterable[dict[str, Any]], corrected: dict[str, dict[str, Any]],
            last: Optional[dict[str, Any]], n: int) -> Optional[dict[str, Any]]:
    """The event's ``review``: its latest verdict, what was corrected (from, to), who and when last."""
    if not n:
        return None
    verdict = None
    for v in verdicts:
        verdict = v["verdict"]
    return {"verdict": verdict, "corrected": corrected, "reviewer": (last or {}).get("reviewer"),
            "reviewed_at": (last or {}).get("at"), "reviews": n}
