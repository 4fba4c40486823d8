"""The locustfile of ``bench_serve_load.py``: analysts replaying a fixed list of requests.

``EW_LOAD_PLAN`` names a JSON file ``{"plan": ..., "requests": [[name, path], ...]}`` written by
the benchmark (``serve_load_plan.requests_for``). The users take the requests in order, with no
wait between them (a closed loop: each user has one request in flight); when the last answer is
in, the run quits, so it is bounded by the number of requests, not by time. Every answer is
judged by ``serve_load_plan.check``; anything else than a well-formed answer with the route's
status counts as a failure. Each request's latency and outcome go to ``EW_LOAD_OUT`` (JSON) when
the run quits: locust's own CSV is written on a timer and may miss the last second, and its
percentiles are rounded; the benchmark computes exact ones from these samples.

    locust -f benchmarks/locust_serve.py --headless -u 8 -r 8 --host http://127.0.0.1:8000 --csv out
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import gevent
from locust import FastHttpUser, constant, events, task
from locust.exception import StopUser

sys.path.insert(0, str(Path(__file__).resolve().parent))
import serve_load_plan as plan_mod  # noqa: E402

_PLAN = json.loads(Path(os.environ["EW_LOAD_PLAN"]).read_text(encoding="utf-8"))
REQUESTS = [tuple(r) for r in _PLAN["requests"]]
_state = {"next": 0, "done": 0, "t0": None, "t1": None}  # greenlets of one process: no lock needed
_samples: list[list] = []  # [name, milliseconds, error or None]


@events.request.add_listener
def _record(request_type, name, response_time, response_length, exception=None, **_kw) -> None:
    _samples.append([name, response_time, None if exception is None else str(exception)[:500]])


@events.quitting.add_listener
def _write(environment, **_kw) -> None:
    out = {"samples": _samples, "seconds": (_state["t1"] or time.monotonic()) - (_state["t0"] or time.monotonic()),
           "sent": _state["next"]}
    Path(os.environ["EW_LOAD_OUT"]).write_text(json.dumps(out), encoding="utf-8")


class Analyst(FastHttpUser):
    wait_time = constant(0)
    connection_timeout = 60.0
    network_timeout = 120.0

    @task
    def one(self) -> None:
        k = _state["next"]
        if k >= len(REQUESTS):
            raise StopUser()
        _state["next"] = k + 1
        if _state["t0"] is None:
            _state["t0"] = time.monotonic()
        name, path = REQUESTS[k]
        accept = "application/json" if path.startswith("/api/") else "text/html"
        with self.client.get(path, name=name, headers={"Accept": accept}, catch_response=True) as resp:
            why = plan_mod.check(name, path, resp.status_code or 0, (resp.headers or {}).get("content-type", "") or "",
                                 resp.text or "", _PLAN["plan"])
            if why:
                resp.failure(why)
            else:
                resp.success()
        _state["done"] += 1
        if _state["done"] == len(REQUESTS):
            _state["t1"] = time.monotonic()
            gevent.spawn(self.environment.runner.quit)
