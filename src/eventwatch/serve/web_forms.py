"""The forms of the web UI: sign in with a write token, sign out, and an analyst's review of an event
(confirm, reject, correct, split, merge).

Every POST checks its CSRF token first (403 without it, before the other
fields are read); the review forms also need a live session (401 otherwise,
and 403 on a read-only server). A decision goes to the store under the
session's token name, then the browser is sent back to the event page
(POST-redirect-GET) with a one-line message.
"""
from __future__ import annotations

import logging
import re
from typing import Any, Callable, Optional
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from ..codebook import NON_STATE_CODES, SECTORS
from ..errors import EventwatchError
from ..store import Store
from .auth import verify_token
from .deps import get_store
from .web_render import error_page, plain, render, safe_next
from .web_session import CSRF_COOKIE, FLASH_COOKIE, SESSION_COOKIE, SESSION_SECONDS, SESSIONS, csrf_ok, session_of, set_cookie

log = logging.getLogger(__name__)

router = APIRouter(include_in_schema=False)

CORRECTABLE = ("type", "mode", "status", "actor", "recipient", "date", "place")
# "Name [ISO3 SECTOR]" in the actor/recipient fields ("name [CODE]": a country if it is one, else a sector).
_PERSON = re.compile(r"^(?P<name>[^\[\]]+?)\s*(?:\[\s*(?P<a>[A-Za-z]{3})?\s*(?P<b>[A-Za-z]{3})?\s*\])?$")
FIELD_MAX = 500


def _refuse_csrf(request: Request) -> Response:
    log.warning("form without a valid CSRF token refused: %s", request.url.path)
    return plain(403, "this form has expired or did not come from this site (CSRF token missing or wrong); "
                      "reload the page and try again")


def _event_url(event_id: str) -> str:
    return f"/events/{quote(event_id, safe='')}"


@router.get("/login")
def login_page(request: Request, next: str = "/") -> Response:
    return render(request, "login.html", next=safe_next(next), error=None)


@router.post("/login")
def login(request: Request, token: str = Form(""), csrf: str = Form(""), next: str = Form("/"),
          store: Store = Depends(get_store)) -> Response:
    if not csrf_ok(request, csrf, logged_in=False):
        return _refuse_csrf(request)
    name = verify_token(store, token.strip())
    if name is None:
        log.warning("web login with an unknown or revoked token")
        return render(request, "login.html", status_code=401, next=safe_next(next),
                      error="unknown or revoked token")
    sid, _ = SESSIONS.create(name)
    response = RedirectResponse(safe_next(next), status_code=303)
    set_cookie(response, SESSION_COOKIE, sid, request, max_age=SESSION_SECONDS)
    response.delete_cookie(CSRF_COOKIE, path="/")
    log.info("web login as %s", name)
    return response


@router.post("/logout")
def logout(request: Request, csrf: str = Form("")) -> Response:
    if not csrf_ok(request, csrf, logged_in=True):
        return _refuse_csrf(request)
    SESSIONS.drop(request.cookies.get(SESSION_COOKIE))
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


def _writer(request: Request, csrf: str) -> tuple[Optional[str], Optional[Response]]:
    """The signed-in writer's name, or the response refusing the form."""
    if not csrf_ok(request, csrf, logged_in=session_of(request) is not None):
        return None, _refuse_csrf(request)
    sess = session_of(request)
    if sess is None:
        return None, error_page(request, 401, "sign in with a write token to review events")
    if not getattr(request.app.state, "allow_writes", True):
        return None, error_page(request, 403, "this server is read-only")
    return sess.name, None


def _back(request: Request, event_id: str, message: str, kind: str) -> Response:
    """Back to the event page, the outcome in a one-shot cookie (a link cannot forge the message)."""
    response = RedirectResponse(_event_url(event_id), status_code=303)
    set_cookie(response, FLASH_COOKIE, quote(f"{kind}:{message[:FIELD_MAX]}", safe=""), request, max_age=60)
    return response


def _done(request: Request, event_id: str, message: str) -> Response:
    return _back(request, event_id, message, "ok")


def _failed(request: Request, event_id: str, exc: EventwatchError) -> Response:
    return _back(request, event_id, str(exc), "error")


def _decide(request: Request, csrf: str, event_id: str, act: Callable[[str], tuple[str, str]]) -> Response:
    """Run one analyst's decision ``act(writer) -> (event id to show, message)`` after the checks."""
    name, refused = _writer(request, csrf)
    if refused:
        return refused
    try:
        shown, message = act(name)
    except EventwatchError as exc:
        return _failed(request, event_id, exc)
    return _done(request, shown, message)


def _note(note: str) -> Optional[str]:
    return note.strip()[:FIELD_MAX] or None


@router.post("/events/{event_id}/review")
def review(event_id: str, request: Request, csrf: str = Form(""), verdict: str = Form(""), note: str = Form(""),
           store: Store = Depends(get_store)) -> Response:
    def act(name: str) -> tuple[str, str]:
        if verdict not in ("confirm", "reject"):
            raise EventwatchError(f"invalid verdict {verdict!r}: confirm or reject")
        store.review_event(event_id, verdict, note=_note(note), reviewer=name)
        return event_id, f"{verdict}ed by {name}"
    return _decide(request, csrf, event_id, act)


def _is_country(code: str) -> bool:
    import pycountry

    return code in NON_STATE_CODES or pycountry.countries.get(alpha_3=code) is not None


def _named(part: str, what: str) -> tuple[str, Optional[str], Optional[str]]:
    """``"Kenneth Roth [NGO]"`` -> (name, country, sector); a lone code is a sector when it is one."""
    m = _PERSON.match(part)
    if not m:
        raise EventwatchError(f"invalid {what} {part!r}: write 'name' or 'name [ISO3 SECTOR]'")
    a, b = (m.group("a") or "").upper() or None, (m.group("b") or "").upper() or None
    if a and not b and a in SECTORS and not _is_country(a) and what != "place":
        a, b = None, a
    return m.group("name").strip(), a, b


def people(raw: str, what: str = "participant") -> list[dict[str, Any]]:
    """``"Kenneth Roth [NGO]; police [HKG COP]"`` -> participant dicts (name, country, sector)."""
    out = []
    for part in raw.split(";"):
        if part.strip():
            name, country, sector = _named(part.strip(), what)
            out.append({"name": name, "country": country, "sector": sector})
    return out


def place_of(raw: str) -> dict[str, Any]:
    """``"Minsk [BLR]"`` -> ``{name, country}`` (the store validates the code)."""
    name, country, _ = _named(raw.strip(), "place")
    return {"name": name, "country": country}


def changes_of(form: dict[str, str]) -> dict[str, Any]:
    """The fields the correction form changes (empty fields keep the event's value)."""
    out: dict[str, Any] = {}
    for k in CORRECTABLE:
        v = (form.get(k) or "").strip()[:FIELD_MAX]
        if not v:
            continue
        out[k] = people(v, k) if k in ("actor", "recipient") else place_of(v) if k == "place" else v
    return out


@router.post("/events/{event_id}/correct")
def correct(event_id: str, request: Request, csrf: str = Form(""), type_: str = Form("", alias="type"),
            mode: str = Form(""), status: str = Form(""), actor: str = Form(""), recipient: str = Form(""),
            date: str = Form(""), place: str = Form(""), note: str = Form(""),
            store: Store = Depends(get_store)) -> Response:
    form = {"type": type_, "mode": mode, "status": status, "actor": actor, "recipient": recipient, "date": date,
            "place": place}

    def act(name: str) -> tuple[str, str]:
        changes = changes_of(form)
        if not changes:
            raise EventwatchError("nothing to correct: fill in at least one field")
        store.correct_event(event_id, changes, reviewer=name, note=_note(note))
        return event_id, f"corrected by {name}: {', '.join(changes)}"
    return _decide(request, csrf, event_id, act)


@router.post("/events/{event_id}/split")
def split(event_id: str, request: Request, csrf: str = Form(""), mention: str = Form(""), note: str = Form(""),
          store: Store = Depends(get_store)) -> Response:
    def act(name: str) -> tuple[str, str]:
        new = store.split_event(event_id, mention.strip(), note=_note(note), reviewer=name)
        return new, f"split off from {event_id} by {name}"
    return _decide(request, csrf, event_id, act)


@router.post("/events/{event_id}/merge")
def merge(event_id: str, request: Request, csrf: str = Form(""), other: str = Form(""), note: str = Form(""),
          store: Store = Depends(get_store)) -> Response:
    def act(name: str) -> tuple[str, str]:
        kept = store.merge_events(event_id, other.strip(), note=_note(note), reviewer=name)
        return kept, f"{other.strip()} merged into it by {name}"
    return _decide(request, csrf, event_id, act)
