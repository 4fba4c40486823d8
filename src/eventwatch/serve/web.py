"""The web pages (a placeholder until the UI lands): the events, as escaped HTML."""
from __future__ import annotations

from html import escape

from fastapi import APIRouter, Depends
from fastapi.responses import HTMLResponse

from ..store import Store
from .deps import get_store

router = APIRouter()


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def index(store: Store = Depends(get_store)) -> HTMLResponse:
    rows = []
    for ev in store.iter_events(limit=200):
        who = "; ".join(p.get("name") or p.get("text") or "" for p in ev["actor"])
        rows.append(f"<tr><td>{escape(ev['event_id'])}</td><td>{escape(ev['date'] or '')}</td>"
                    f"<td>{escape(ev['type'])}</td><td>{escape(who)}</td></tr>")
    body = ("<!doctype html><html><head><meta charset=\"utf-8\"><title>eventwatch</title></head><body>"
            "<h1>Events</h1><table><tr><th>event</th><th>date</th><th>type</th><th>actor</th></tr>"
            + "".join(rows) + "</table></body></html>")
    return HTMLResponse(body)
