"""Every export format reads back with a standard reader, row for row, with its provenance."""
from __future__ import annotations

import csv
import json

import pandas as pd
import pytest

from eventwatch.errors import ExportError
from eventwatch.export import FORMATS, export_events
from eventwatch.export.rows import COLUMN_NAMES

from conftest import make_event


def read_back(fmt: str, path) -> pd.DataFrame:
    if fmt == "parquet":
        return pd.read_parquet(path)
    if fmt == "csv":
        return pd.read_csv(path, keep_default_na=False)
    if fmt == "gdelt":
        return pd.read_csv(path, sep="\t", keep_default_na=False, dtype=str)
    with open(path, encoding="utf-8") as f:
        return pd.DataFrame([json.loads(line) for line in f])


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("n", [0, 1, 7, 25])
def test_export_formats_read_back_same_rows(fmt, n, fake_events, tmp_path):
    path = tmp_path / f"out.{fmt}"
    written = export_events(fake_events(n), fmt, path, batch_size=4)
    assert written == n
    assert len(read_back(fmt, path)) == n if n else path.exists()


ID_COLUMNS = {
    "jsonl": ("event_id", None),
    "csv": ("event_id", "mention_ids"),
    "parquet": ("event_id", "mention_ids"),
    "plover": ("id", None),
    "gdelt": ("GLOBALEVENTID", "MentionIds"),
}


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_formats_rows_carry_ids_and_offsets(fmt, fake_events, tmp_path):
    path = tmp_path / f"out.{fmt}"
    export_events(fake_events(6, mentions=3), fmt, path, batch_size=4)
    df = read_back(fmt, path)
    id_col, _ = ID_COLUMNS[fmt]
    assert list(df[id_col]) == [f"ev{i}" for i in range(6)]
    for i, row in enumerate(df.to_dict("records")):
        want = make_event(i, mentions=3)["mentions"]
        if fmt == "jsonl":
            got = [(m["mention_id"], m["article_id"], m["evidence_start"], m["evidence_end"]) for m in row["mentions"]]
        elif fmt == "plover":
            got = [(m["mention_id"], m["cite_info"]["citation"], m["text_info"]["start"], m["text_info"]["end"])
                   for m in row["mentions"]]
        elif fmt == "parquet":
            got = list(zip(row["mention_ids"], row["mention_article_ids"], row["evidence_starts"], row["evidence_ends"]))
        else:
            keys = ("mention_ids", "mention_article_ids", "evidence_starts", "evidence_ends")
            if fmt == "gdelt":
                keys = ("MentionIds", "MentionArticleIds", "EvidenceStarts", "EvidenceEnds")
            cols = [str(row[k]).split("; ") for k in keys]
            got = [(a, b, int(c), int(d)) for a, b, c, d in zip(*cols)]
        assert [(m, a, int(s), int(e)) for m, a, s, e in got] == [
            (m["mention_id"], m["article_id"], m["evidence_start"], m["evidence_end"]) for m in want]


def test_export_csv_keeps_awkward_text_in_one_cell(fake_events, tmp_path):
    path = tmp_path / "out.csv"
    export_events(fake_events(3), "csv", path)
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == list(COLUMN_NAMES)
    assert rows[1]["evidence"] == make_event(1)["mentions"][0]["evidence"]


@pytest.mark.parametrize("row_group_rows, groups", [(2, 3), (4, 2), (100, 1)])
def test_export_parquet_row_groups_bound_memory(row_group_rows, groups, fake_events, tmp_path):
    import pyarrow.parquet as pq

    from eventwatch.export.tabular import write_parquet

    path = tmp_path / "out.parquet"
    assert write_parquet(fake_events(5), path, batch_size=2, row_group_rows=row_group_rows) == 5
    assert pq.ParquetFile(path).metadata.num_row_groups == groups
    assert len(pd.read_parquet(path)) == 5


def test_export_parquet_types_survive(fake_events, tmp_path):
    path = tmp_path / "out.parquet"
    export_events(fake_events(4), "parquet", path, batch_size=2)
    df = pd.read_parquet(path)
    assert df["num_sources"].tolist() == [2, 2, 2, 2]
    assert list(df.loc[1, "recipient"]) == ["Kenneth Roth", "two aides"]
    assert df.loc[0, "date"] == "2020-01-13" and df.loc[2, "date"] == "2020"


class Boom(RuntimeError):
    pass


def _failing(n: int):
    for i in range(n):
        yield make_event(i)
    raise Boom("store went away")


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_formats_failure_keeps_previous_file(fmt, tmp_path):
    path = tmp_path / f"out.{fmt}"
    path.write_text("previous export\n")
    with pytest.raises(Boom):
        export_events(_failing(5), fmt, path, batch_size=2)
    assert path.read_text() == "previous export\n"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


@pytest.mark.parametrize("target, message", [("missing/out.csv", "does not exist"), (".", "is a directory")])
def test_export_bad_out_path_names_it(target, message, fake_events, tmp_path):
    with pytest.raises(ExportError, match=message):
        export_events(fake_events(1), "csv", tmp_path / target)


def test_export_unknown_format_lists_valid(fake_events, tmp_path):
    with pytest.raises(ExportError, match="valid: jsonl, csv, parquet, plover, gdelt"):
        export_events(fake_events(1), "xlsx", tmp_path / "out.xlsx")
