"""The workbench application: the JSON API under ``/api``, the web pages, ``/static``, ``/openapi.json``.

``create_app(db_url)`` opens one ``Store`` for the app's lifetime
(``app.state.store``; ``deps.get_store`` hands it to a route). Every error an
API route gives has one shape, ``{"error": {"code", "message", "field"?,
"valid"?}}``, whatever raised it: a ``QueryError`` (400, with the valid
values), validation (422), a missing token (401), an unknown id (404), a
body over ``serve_max_body_bytes`` (413). A request outside ``/api`` that
asks for HTML gets the same message as a small escaped page.
"""
from __future__ import annotations

import contextlib
import logging
from html import escape
from pathlib import Path
from typing import Any, Optional

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__, settings
from ..errors import EventwatchError, QueryError
from ..store import Store
from . import api, web
from .limits import BodyLimit

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "static"

CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
         409: "conflict", 413: "too_large", 422: "invalid", 500: "internal"}


def error_body(status: int, message: str, *, field: Optional[str] = None,
               valid: Optional[list[str]] = None, code: Optional[str] = None) -> dict[str, Any]:
    """The one error shape of the API."""
    err: dict[str, Any] = {"code": code or CODES.get(status, "error"), "message": message}
    if field:
        err["field"] = field
    if valid:
        err["valid"] = list(valid)
    return {"error": err}


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api") and "text/html" in request.headers.get("accept", "")


def error_response(request: Request, status: int, message: str, **kw) -> JSONResponse | HTMLResponse:
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    if _wants_html(request):
        page = (f"<!doctype html><html><head><meta charset=\"utf-8\"><title>{status}</title></head>"
                f"<body><h1>{status}</h1><p>{escape(message)}</p><p><a href=\"/\">events</a></p></body></html>")
        return HTMLResponse(page, status_code=status, headers=headers)
    return JSONResponse(error_body(status, message, **kw), status_code=status, headers=headers)


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        detail = exc.detail
        if isinstance(detail, dict):  # raised by our routes with a field
            return error_response(request, exc.status_code, str(detail.get("message")),
                                  field=detail.get("field"), valid=detail.get("valid"))
        return error_response(request, exc.status_code, str(detail))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        errs = exc.errors()
        first = errs[0] if errs else {}
        loc = [str(x) for x in first.get("loc", ()) if x not in ("body", "query", "path", "header")]
        field = ".".join(loc) or None
        message = f"{field}: {first.get('msg')}" if field else str(first.get("msg") or "invalid request")
        return error_response(request, 422, message, field=field)

    @app.exception_handler(QueryError)
    async def _query(request: Request, exc: QueryError):
        valid = list(exc.valid) if len(exc.valid) <= 300 else None
        return error_response(request, 400, str(exc), field=exc.name or None, valid=valid)

    @app.exception_handler(EventwatchError)
    async def _ours(request: Request, exc: EventwatchError):
        log.warning("request failed: %s", exc)
        return error_response(request, 400, str(exc))

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception):
        log.exception("unexpected error on %s", request.url.path)
        return error_response(request, 500, "internal error (the server log has the details)")


def create_app(db_url: Optional[str] = None, *, store: Optional[Store] = None, allow_writes: bool = True,
               max_body_bytes: Optional[int] = None) -> FastAPI:
    """The workbench app over the store at ``db_url`` (or an open ``store``, which the caller closes).

    ``allow_writes=False`` makes every write answer 403 whatever the token
    (a public read-only mirror). ``max_body_bytes``: the request size limit
    (default: the ``serve_max_body_bytes`` setting).
    """
    own = store is None
    st = store if store is not None else Store(db_url, create=False)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        if own:
            st.close()

    app = FastAPI(title="eventwatch", version=__version__, lifespan=lifespan,
                  description="Political and human-rights events from news, each field traced to its evidence.",
                  openapi_url="/openapi.json", docs_url=None, redoc_url=None)  # their pages load scripts from a CDN
    app.state.store = st
    app.state.allow_writes = allow_writes
    _install_errors(app)
    limit = int(max_body_bytes if max_body_bytes is not None else settings.get("serve_max_body_bytes"))
    app.add_middleware(BodyLimit, max_bytes=limit,
                       reject=lambda msg: JSONResponse(error_body(413, msg), status_code=413))
    app.include_router(api.router, prefix="/api")
    app.include_router(web.router)
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    return app
