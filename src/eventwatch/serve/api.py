"""The JSON API (mounted at ``/api``)."""
from __future__ import annotations

from fastapi import APIRouter, Depends

from ..store import Store
from .deps import get_store

router = APIRouter()


@router.get("/stats", tags=["stats"])
def stats(store: Store = Depends(get_store)) -> dict:
    """Counts of everything stored (as ``eventwatch db stats``)."""
    return store.stats()
