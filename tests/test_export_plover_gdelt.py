"""The PLOVER record and the GDELT-style row of one event: field names, codes and scores."""
from __future__ import annotations

import pytest

from eventwatch.errors import CodebookError
from eventwatch.export import scales
from eventwatch.export.gdelt import GDELT_COLUMNS, to_gdelt
from eventwatch.export.plover import to_plover

from conftest import make_event

MANUAL_FIELDS = {"id", "date", "actor", "recipient", "event", "mode", "context", "event_loc", "event_text",
                 "quad_code", "event_scale", "text_info", "cite_info", "coder", "coded_date"}


def test_export_plover_record_uses_manual_field_names():
    rec = to_plover(make_event(1))
    assert MANUAL_FIELDS <= set(rec)
    assert rec["id"] == "ev1" and rec["event"] == ["PROTEST"] and rec["mode"] == ["demo"]
    assert rec["actor"] == [{"code": "HKG", "sector": "COP", "entity_text": "police",
                             "identifier_id": "Q1056358", "identifier_text": "Hong Kong Police Force"}]
    assert rec["recipient"][1] == {"entity_text": "two aides"}
    assert rec["event_loc"] == {"extracted_place": "Hong Kong", "resolved_place": "Hong Kong", "lat": 22.28,
                                "lon": 114.16, "country_code": "HKG"}
    assert rec["text_info"] == {"start": 1, "end": 39}
    assert rec["cite_info"]["citation"] == "art-1-0" and rec["cite_info"]["url"] == "https://news-0.example/1"
    assert rec["quad_code"] == 4 and rec["event_scale"] == -5.0


def test_export_plover_required_fields_present_when_unknown():
    ev = make_event(3)  # no date, no place
    ev["actor"] = []
    rec = to_plover(ev)
    assert rec["date"] is None and rec["actor"] == [] and "event_loc" not in rec
    assert list(rec)[:4] == ["id", "date", "actor", "event"]


@pytest.mark.parametrize("i, code, root, quad, goldstein", [
    (0, "173", "17", 4, -5.0),     # COERCE arrest
    (1, "141", "14", 3, -6.5),     # PROTEST demo: GDELT puts protest (14) in verbal conflict
    (2, "12", "12", 3, -4.0),      # REJECT
    (3, "07", "07", 2, 7.0),       # AID with no cameo of its own: the codebook's root
])
def test_export_gdelt_codes_and_scores(i, code, root, quad, goldstein):
    row = to_gdelt(make_event(i))
    assert list(row) == list(GDELT_COLUMNS)
    assert (row["EventCode"], row["EventRootCode"], row["QuadClass"], row["GoldsteinScale"]) == (
        code, root, quad, goldstein)
    assert row["SOURCEURL"] == f"https://news-0.example/{i}"
    assert row["NumMentions"] == row["NumSources"] == row["NumArticles"] == 2


@pytest.mark.parametrize("date, sqldate, monthyear", [
    ("2020-01-13", "20200113", "202001"), ("2020-01", "20200100", "202001"), ("2020", "20200000", "202000"),
])
def test_export_gdelt_dates_keep_precision(date, sqldate, monthyear):
    ev = make_event(0)
    ev["date"] = date
    row = to_gdelt(ev)
    assert (row["SQLDATE"], row["MonthYear"], row["Year"]) == (sqldate, monthyear, 2020)


def test_export_gdelt_actor_codes_are_country_plus_sector():
    row = to_gdelt(make_event(0))
    assert (row["Actor1Code"], row["Actor1Name"], row["Actor2Code"]) == ("HKGCOP", "HONG KONG POLICE FORCE", "USANGO")
    assert row["DATEADDED"] == "20261201120000"


@pytest.mark.parametrize("cameo, want", [("0874", 10.0), ("1724", -5.0), ("1823", -10.0), ("176", -7.0),
                                         ("042", 1.9), (None, None)])
def test_export_scales_goldstein_falls_back_to_parent(cameo, want):
    assert scales.goldstein(cameo) == want


@pytest.mark.parametrize("typ, mode, want", [("COERCE", "censor", -6.5), ("COERCE", None, -7.0),
                                             ("AID", "nonsense", 10.0), ("ACCUSE", None, -3.0), ("NOPE", None, None)])
def test_export_scales_plover_score(typ, mode, want):
    assert scales.plover_score(typ, mode) == want


def test_export_scales_bad_table_names_line(tmp_path, monkeypatch):
    bad = tmp_path / "goldstein.yaml"
    bad.write_text('version: 1\nscores:\n  "01": 0.0\n  "0x1": 3\n')
    monkeypatch.setattr(scales, "builtin_path", lambda name: bad)
    scales.goldstein_table.cache_clear()
    try:
        with pytest.raises(CodebookError, match=r"goldstein.yaml:4: CAMEO code"):
            scales.goldstein_table()
    finally:
        scales.goldstein_table.cache_clear()
