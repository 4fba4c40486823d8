"""What the API and the web pages share: the store an app serves."""
from __future__ import annotations

from fastapi import Request

from ..store import Store


def get_store(request: Request) -> Store:
    """The app's ``Store`` (opened once by ``create_app``), as a FastAPI dependency."""
    return request.app.state.store
