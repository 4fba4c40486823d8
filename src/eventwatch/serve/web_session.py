"""Browser sessions and CSRF tokens of the web UI.

A session is a random id (the ``ew_session`` cookie: HttpOnly, SameSite=Strict)
mapped, in this process, to the token's name and a CSRF token; the raw write
token itself is checked once at login and never kept. A restart logs everyone
out, which is the safe failure. Before login, the login form is protected by a
double-submit token (the ``ew_csrf`` cookie, echoed by the form); after login
every form carries the session's own CSRF token. A POST whose token does not
match is refused with 403 before anything is read from the form's other fields.
"""
from __future__ import annotations

import hmac
import secrets
import threading
import time
from dataclasses import dataclass
from typing import Optional

from fastapi import Request
from fastapi.responses import Response

SESSION_COOKIE = "ew_session"
CSRF_COOKIE = "ew_csrf"
FLASH_COOKIE = "ew_flash"  # the outcome of the last form, shown once
SESSION_SECONDS = 8 * 3600
MAX_SESSIONS = 10_000


@dataclass
class Session:
    name: str  # the write token's name: who made the reviews
    csrf: str
    expires: float


class Sessions:
    """Sessions of one process, expired lazily; bounded so a login flood cannot grow memory."""

    def __init__(self) -> None:
        self._by_id: dict[str, Session] = {}
        self._lock = threading.Lock()

    def create(self, name: str) -> tuple[str, Session]:
        sid = secrets.token_urlsafe(32)
        sess = Session(name=name, csrf=secrets.token_urlsafe(32), expires=time.time() + SESSION_SECONDS)
        with self._lock:
            if len(self._by_id) >= MAX_SESSIONS:
                self._expire()
            if len(self._by_id) >= MAX_SESSIONS:
                self._by_id.pop(next(iter(self._by_id)))
            self._by_id[sid] = sess
        return sid, sess

    def get(self, sid: Optional[str]) -> Optional[Session]:
        if not sid:
            return None
        with self._lock:
            sess = self._by_id.get(sid)
            if sess is not None and sess.expires < time.time():
                self._by_id.pop(sid, None)
                sess = None
        return sess

    def drop(self, sid: Optional[str]) -> None:
        with self._lock:
            self._by_id.pop(sid or "", None)

    def _expire(self) -> None:
        now = time.time()
        for sid in [s for s, v in self._by_id.items() if v.expires < now]:
            self._by_id.pop(sid, None)


SESSIONS = Sessions()


def session_of(request: Request) -> Optional[Session]:
    return SESSIONS.get(request.cookies.get(SESSION_COOKIE))


def form_csrf(request: Request) -> tuple[str, bool]:
    """The CSRF token a page's forms carry, and whether the ``ew_csrf`` cookie must be (re)set."""
    sess = session_of(request)
    if sess is not None:
        return sess.csrf, False
    cookie = request.cookies.get(CSRF_COOKIE)
    if cookie and len(cookie) >= 32:
        return cookie, False
    return secrets.token_urlsafe(32), True


def csrf_ok(request: Request, sent: Optional[str], *, logged_in: bool) -> bool:
    """Whether ``sent`` (the form's token) is the session's (``logged_in``) or the double-submit cookie's."""
    if not sent:
        return False
    if logged_in:
        sess = session_of(request)
        expected = sess.csrf if sess else None
    else:
        expected = request.cookies.get(CSRF_COOKIE)
    return bool(expected) and hmac.compare_digest(str(expected), str(sent))


def set_cookie(response: Response, name: str, value: str, request: Request, *, max_age: int) -> None:
    response.set_cookie(name, value, max_age=max_age, httponly=True, samesite="strict", path="/",
                        secure=request.url.scheme == "https")
