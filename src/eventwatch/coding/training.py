"""``eventwatch train``: rebuild the event model from annotated articles, deterministically.

Seeded, on the CPU, with the training files' hash written into the artefact: the same files and
settings give the same weights. Held-out files are never trained on; they pick the calibration
temperature and give the scores recorded in ``meta.json``.
"""
from __future__ import annotations

import json
import logging
import random
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence

import numpy as np
import torch

from ..models import RawDoc
from .examples import (IGNORE, STATUSES, TYPES, SentenceExample, codebook_sha256, data_sha256, label_units,
                       read_articles, sentence_units)
from .artefact import META_FILE, MODEL_DIR, WEIGHTS_FILE
from .model import ModelConfig, build_network, encode, load_tokenizer

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TrainConfig:
    epochs: int = 8
    batch_size: int = 16
    lr: float = 5e-4
    head_lr: float = 2e-3
    event_weight: float = 3.0  # loss weight of event words against NONE words
    seed: int = 13
    threads: int = 2


def article_units(records: Sequence[dict], *, labelled: bool = True) -> list[SentenceExample]:
    """Parse records as the pipeline does (text stage, annotate, rule coder) into sentence units."""
    from ..annotate.pipeline import annotate_many
    from ..text.extract import to_article
    from .patterns import code_patterns

    arts = [to_article(RawDoc(id=str(r["id"]), content=r["text"], kind="text", source=f"train:{r['id']}",
                              publication_date=r.get("publication_date"))) for r in records]
    out: list[SentenceExample] = []
    for rec, ann in zip(records, annotate_many(arts)):
        units = list(sentence_units(ann, code_patterns(ann)))
        if labelled:
            label_units(units, rec["expected"]["events"], partial=bool((rec.get("meta") or {}).get("partial")))
        out.extend(units)
    return out


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


ROLE_WEIGHTS = torch.tensor([1.0, 3.0, 3.0])


def _loss(net, batch, weights) -> torch.Tensor:
    g = net.words(batch["input_ids"], batch["attention_mask"], batch["word_index"])
    tl, sl = net.heads(g, batch["rule"])
    ce = torch.nn.functional.cross_entropy
    loss = ce(tl.reshape(-1, tl.size(-1)), batch["labels"].reshape(-1), weight=weights, ignore_index=IGNORE)
    if (batch["status"] != IGNORE).any():
        loss = loss + 0.5 * ce(sl.reshape(-1, sl.size(-1)), batch["status"].reshape(-1), ignore_index=IGNORE)
    if len(batch["pairs"]):
        b, t = batch["pairs"][:, 0], batch["pairs"][:, 1]
        rl = net.role_logits(g[b], t, batch["proposed"])
        loss = loss + ce(rl.reshape(-1, rl.size(-1)), batch["role_labels"].reshape(-1), weight=ROLE_WEIGHTS,
                         ignore_index=IGNORE)
    return loss


def fit(units: list[SentenceExample], cfg: ModelConfig, tc: TrainConfig,
        progress: Optional[Callable[[str], None]] = None):
    """Train a fresh network on labelled units; returns it in eval mode."""
    seed_everything(tc.seed)
    torch.set_num_threads(tc.threads)
    tok = load_tokenizer()
    net = build_network(cfg)
    weights = torch.full((len(TYPES),), tc.event_weight)
    weights[0] = 1.0
    enc_params = [p for p in net.encoder.parameters() if p.requires_grad]
    head_params = [p for n, p in net.named_parameters() if not n.startswith("encoder.")]
    opt = torch.optim.AdamW([{"params": enc_params, "lr": tc.lr}, {"params": head_params, "lr": tc.head_lr}],
                            weight_decay=0.01)
    steps = tc.epochs * ((len(units) + tc.batch_size - 1) // tc.batch_size)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / max(1, steps // 10)) * max(0.0, 1 - s / max(1, steps)))
    rng = random.Random(tc.seed)
    for epoch in range(tc.epochs):
        net.train()
        # length-bucketed batches: similar lengths pad less; the bucket order is shuffled
        order = sorted(range(len(units)), key=lambda i: (len(units[i].words), rng.random()))
        batches = [order[k:k + tc.batch_size] for k in range(0, len(order), tc.batch_size)]
        rng.shuffle(batches)
        total = 0.0
        t0 = time.time()
        for idx in batches:
            batch = encode(tok, [units[i] for i in idx], cfg.max_subwords, with_labels=True)
            loss = _loss(net, batch, weights)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            opt.step()
            sched.step()
            total += float(loss.detach())
        if progress:
            progress(f"epoch {epoch + 1}/{tc.epochs}: loss {total / max(1, len(batches)):.4f} "
                     f"({time.time() - t0:.0f} s)")
    net.eval()
    return net, tok


def logits_of(net, tok, units: list[SentenceExample], cfg: ModelConfig):
    """Type logits and gold labels of every labelled word of ``units`` (for calibration and scores)."""
    L, Y, R = [], [], []
    with torch.inference_mode():
        for k in range(0, len(units), 32):
            b = encode(tok, units[k:k + 32], cfg.max_subwords, with_labels=True)
            tl, _ = net(b["input_ids"], b["attention_mask"], b["word_index"], b["rule"])
            b.pop("pairs"), b.pop("role_labels"), b.pop("proposed")
            m = b["labels"] != IGNORE
            L.append(tl[m])
            Y.append(b["labels"][m])
            R.append(b["rule"][m])
    return torch.cat(L), torch.cat(Y), torch.cat(R)


def fit_temperature(logits: torch.Tensor, y: torch.Tensor) -> float:
    """The softmax temperature that minimises held-out NLL (calibrated confidences)."""
    best = (float("inf"), 1.0)
    for t in np.arange(0.5, 3.01, 0.05):
        nll = float(torch.nn.functional.cross_entropy(logits / float(t), y))
        best = min(best, (nll, float(t)))
    return round(best[1], 2)


def word_scores(logits: torch.Tensor, y: torch.Tensor, threshold: float = 0.5, temperature: float = 1.0) -> dict:
    """Word-level event P/R/F1: a word is an event of type T when P(T) >= threshold."""
    p = torch.softmax(logits / temperature, dim=-1)
    conf, pred = p[:, 1:].max(dim=-1)
    pred = pred + 1
    is_pred = conf >= threshold
    tp = int(((pred == y) & is_pred & (y > 0)).sum())
    npred, ngold = int(is_pred.sum()), int((y > 0).sum())
    prec = tp / npred if npred else 0.0
    rec = tp / ngold if ngold else 0.0
    return {"precision": round(prec, 4), "recall": round(rec, 4),
            "f1": round(2 * prec * rec / (prec + rec), 4) if prec + rec else 0.0, "gold": ngold, "pred": npred}


def save(net, cfg: ModelConfig, tc: TrainConfig, out: Path, meta: dict) -> None:
    from peft import get_peft_model_state_dict
    from safetensors.torch import save_file

    out.mkdir(parents=True, exist_ok=True)
    state = {f"encoder.{k}": v.detach().clone().contiguous()
             for k, v in get_peft_model_state_dict(net.encoder).items()}
    state.update({k: v.detach().clone().contiguous() for k, v in net.state_dict().items()
                  if not k.startswith("encoder.")})
    save_file(state, str(out / WEIGHTS_FILE))
    meta = {"config": cfg.to_dict(), "train": tc.__dict__, "types": list(TYPES), "statuses": list(STATUSES),
            **meta}
    (out / META_FILE).write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def train(data: Iterable[str | Path], *, heldout: Iterable[str | Path] = (), out: Path | None = None,
          cfg: ModelConfig = ModelConfig(), tc: TrainConfig = TrainConfig(),
          progress: Optional[Callable[[str], None]] = None) -> dict:
    """Train on ``data`` (annotated-article JSONL files), score on ``heldout``, write the artefact."""
    data, heldout = [Path(p) for p in data], [Path(p) for p in heldout]
    say = progress or (lambda m: log.info("%s", m))
    t0 = time.time()
    units = article_units(read_articles(data))
    n_events = sum(1 for u in units for y in u.labels if y not in (0, IGNORE))
    say(f"{len(units)} training sentences, {n_events} event words, from {len(data)} file(s)")
    net, tok = fit(units, cfg, tc, say)
    meta: dict = {"data_sha256": data_sha256(data), "data_files": [p.name for p in sorted(data)],
                  "codebook_sha256": codebook_sha256(),
                  "sentences": len(units), "event_words": n_events, "temperature": 1.0}
    if heldout:
        ho = article_units(read_articles(heldout))
        L, y, _ = logits_of(net, tok, ho, cfg)
        meta["temperature"] = fit_temperature(L, y)
        meta["heldout_files"] = [p.name for p in sorted(heldout)]
        meta["heldout_word_scores"] = word_scores(L, y, 0.5, meta["temperature"])
        say(f"held-out words: {meta['heldout_word_scores']} (temperature {meta['temperature']})")
    meta["train_seconds"] = round(time.time() - t0)
    save(net, cfg, tc, Path(out or MODEL_DIR), meta)
    say(f"saved {Path(out or MODEL_DIR)} in {meta['train_seconds']} s")
    return meta
