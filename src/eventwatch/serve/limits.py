"""Request size limit: a body over the bound is refused (413) before a route reads it.

Pure ASGI, so it also holds for a chunked body without ``Content-Length``:
the bytes are counted as they arrive and the request ends at the bound.
"""
from __future__ import annotations

from typing import Callable

from starlette.exceptions import HTTPException


class BodyTooLarge(HTTPException):
    """Raised from ``receive`` mid-body; an HTTP exception, so the app's handler answers 413 in its shape."""

    def __init__(self, message: str):
        super().__init__(413, message)


class BodyLimit:
    def __init__(self, app, *, max_bytes: int, reject: Callable[[str], object]):
        self.app = app
        self.max_bytes = max_bytes
        self.reject = reject

    def _message(self) -> str:
        return f"request body larger than {self.max_bytes} bytes (setting serve_max_body_bytes)"

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or self.max_bytes <= 0:
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers") or []:
            if name == b"content-length":
                try:
                    too_big = int(value) > self.max_bytes
                except ValueError:
                    too_big = False
                if too_big:
                    await self.reject(self._message())(scope, receive, send)
                    return
        seen = 0
        started = False

        async def counted():
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > self.max_bytes:
                    raise BodyTooLarge(self._message())
            return msg

        async def tracked(msg):
            nonlocal started
            if msg["type"] == "http.response.start":
                started = True
            await send(msg)

        try:
            await self.app(scope, counted, tracked)
        except BodyTooLarge:
            if not started:
                await self.reject(self._message())(scope, receive, send)
