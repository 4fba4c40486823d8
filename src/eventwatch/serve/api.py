"""The JSON API, mounted at ``/api`` by ``app.create_app``: events and the analysts' writes
(``api_events``), everything else that is read (``api_read``). Pagination: ``paging``.
"""
from __future__ import annotations

from fastapi import APIRouter

from . import api_events, api_read

router = APIRouter()
router.include_router(api_events.router)
router.include_router(api_read.router)
