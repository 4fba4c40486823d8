"""The templates of the web UI and how a page is rendered: autoescape on for every template, the
session and CSRF token in every page's context, one error page.

Every template is rendered by one ``jinja2.Environment`` whose autoescape is
``True`` whatever the file's suffix (``.html`` and ``.svg`` alike), so article
text and metadata are escaped wherever they appear.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Optional
from urllib.parse import quote, unquote, urlparse

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from .. import __version__
from .web_session import CSRF_COOKIE, FLASH_COOKIE, SESSION_SECONDS, form_csrf, session_of, set_cookie

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"


def urlencode_all(value: Any) -> str:
    """A path segment: every reserved character percent-encoded (actor ids carry ':' and '/')."""
    return quote(str(value), safe="")


def safe_url(value: Any) -> Optional[str]:
    """An article's URL only when it is http(s): never a ``javascript:`` link."""
    if not value or not isinstance(value, str):
        return None
    try:
        scheme = urlparse(value.strip()).scheme.lower()
    except ValueError:
        return None
    return value.strip() if scheme in ("http", "https") else None


def safe_next(value: Optional[str]) -> str:
    """Where to go after login: a local path only (no open redirect to another host)."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    return value


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)), autoescape=True,
                             trim_blocks=False, lstrip_blocks=False, undefined=jinja2.ChainableUndefined)
    env.filters["urlencode_all"] = urlencode_all
    env.globals.update(version=__version__, safe_url=safe_url)
    return env


TEMPLATES = Jinja2Templates(env=_environment())


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> Response:
    """The template ``name`` with the signed-in user and the CSRF token its forms carry."""
    sess = session_of(request)
    csrf, new_cookie = form_csrf(request)
    context.update(user=sess.name if sess else None, csrf=csrf)
    flash = unquote(request.cookies.get(FLASH_COOKIE, ""))
    if flash and "flash" not in context:
        kind, _, message = flash.partition(":")
        context.update(flash=message[:500], flash_kind="error" if kind == "error" else "ok")
    media = "image/svg+xml" if name.endswith(".svg") else None
    response = TEMPLATES.TemplateResponse(request, name, context, status_code=status_code, media_type=media)
    if flash:
        response.delete_cookie(FLASH_COOKIE, path="/")
    if new_cookie:
        set_cookie(response, CSRF_COOKIE, csrf, request, max_age=SESSION_SECONDS)
    # A page of article text never runs script of its own beyond ours, nor loads anything remote.
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def error_page(request: Request, status: int, message: str) -> Response:
    return render(request, "error.html", status_code=status, status=status, message=message)


def plain(status: int, message: str) -> HTMLResponse:
    """A refusal answered before any template (CSRF failure): a short escaped page."""
    from html import escape

    return HTMLResponse(f"<!doctype html><title>{status}</title><h1>{status}</h1><p>{escape(message)}</p>",
                        status_code=status)
