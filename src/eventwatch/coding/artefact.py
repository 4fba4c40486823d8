"""Where the event model artefact lives and what it records (no torch needed to read it)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import EventwatchError

MODEL_DIR = Path(__file__).parent / "data" / "event_model"
WEIGHTS_FILE = "adapters.safetensors"
META_FILE = "meta.json"


class ModelMissingError(EventwatchError):
    """The event model artefact is absent or unreadable."""


def read_meta(path: Path | str | None = None) -> dict[str, Any]:
    path = Path(path or MODEL_DIR)
    try:
        return json.loads((path / META_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelMissingError(f"no readable event model at {path} ({exc}); run 'eventwatch train'") from exc
