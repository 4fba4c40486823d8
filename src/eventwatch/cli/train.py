"""``eventwatch train``: rebuild the event model from annotated articles."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .common import stderr


def train(
    data: list[Path] = typer.Argument(..., metavar="DATA", exists=True, dir_okay=False, readable=True,
                                      help="Annotated-article JSON Lines files (the `articles` gold format, "
                                           "../shared/eval/ARTICLES.md) to train on."),
    heldout: list[Path] = typer.Option([], "--heldout", exists=True, dir_okay=False, readable=True,
                                       help="Annotated-article files never trained on: they fit the confidence "
                                            "calibration and give the held-out scores stored with the model."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", file_okay=False,
                                       help="Directory to write the model to (default: the package's own, "
                                            "coding/data/event_model)."),
    epochs: int = typer.Option(8, "--epochs", min=1, max=100, help="Passes over the training sentences."),
    layers: int = typer.Option(4, "--layers", min=1, max=6, help="MiniLM layers kept (fewer: faster, weaker)."),
    seed: int = typer.Option(13, "--seed", help="Random seed; the same data, settings and seed give the same model."),
) -> None:
    """Train the event model: MiniLM with LoRA adapters, seeded, on the CPU.

    Writes the adapters and a meta.json that records the training files' SHA-256,
    the settings and the held-out scores. Takes about a minute per 1,000 training
    sentences per epoch on 2 cores.

    Example: eventwatch train ../shared/corpus/voa/pool-articles.jsonl data/annotations/train-*.jsonl --heldout data/annotations/heldout.jsonl -o /tmp/model
    """
    from ..coding.model import ModelConfig
    from ..coding.training import TrainConfig, train as run_train

    err = stderr()
    meta = run_train(data, heldout=heldout, out=out, cfg=ModelConfig(layers=layers),
                     tc=TrainConfig(epochs=epochs, seed=seed), progress=lambda m: err.print(m))
    err.print(f"data sha256 {meta['data_sha256'][:16]}…, {meta['sentences']} sentences, "
              f"{meta['train_seconds']} s")
