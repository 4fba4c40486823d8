"""The disk cache of derived indexes: built once, read back equal, never stale, never an error."""
from __future__ import annotations

import pytest

from eventwatch.annotate import index_cache


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWATCH_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _counting(value):
    calls = []

    def build():
        calls.append(1)
        return value
    return build, calls


def test_index_cache_builds_once_then_reads(cache):
    build, calls = _counting({"a": [1, 2], "b": ("x", None, 1.5)})
    first = index_cache.load_or_build("t", ["v1"], build)
    second = index_cache.load_or_build("t", ["v1"], build)
    assert first == second == {"a": [1, 2], "b": ("x", None, 1.5)} and len(calls) == 1
    assert [p.name for p in cache.iterdir()] == [f"t-{index_cache.key_of(['v1'])}.marshal"]


def test_index_cache_other_sources_build_anew(cache):
    build, calls = _counting([1])
    index_cache.load_or_build("t", ["code v1"], build)
    index_cache.load_or_build("t", ["code v2"], build)  # the builder's source changed
    assert len(calls) == 2
    # the file built from the old source is gone: one file per index
    assert [p.name for p in cache.iterdir()] == [f"t-{index_cache.key_of(['code v2'])}.marshal"]


@pytest.mark.parametrize("content", [b"", b"\x00garbage\xff", b"\xfa"])
def test_index_cache_unreadable_file_is_rebuilt(cache, content):
    cache.mkdir()
    (cache / f"t-{index_cache.key_of(['v'])}.marshal").write_bytes(content)
    build, calls = _counting({"k": [3]})
    assert index_cache.load_or_build("t", ["v"], build) == {"k": [3]} and calls == [1]
    assert index_cache.load_or_build("t", ["v"], build) == {"k": [3]} and calls == [1]  # rewritten


def test_index_cache_unwritable_directory_still_answers(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")  # mkdir under a file fails, for root too
    monkeypatch.setenv("EVENTWATCH_CACHE_DIR", str(blocker / "cache"))
    build, calls = _counting([1, 2])
    assert index_cache.load_or_build("t", ["v"], build) == [1, 2]
    assert index_cache.load_or_build("t", ["v"], build) == [1, 2] and len(calls) == 2


@pytest.mark.parametrize("setting,want", [("-", None), ("/tmp/x", "/tmp/x")])
def test_index_cache_dir_setting(monkeypatch, setting, want):
    monkeypatch.setenv("EVENTWATCH_CACHE_DIR", setting)
    got = index_cache.cache_dir()
    assert (str(got) if got else None) == want


def test_index_cache_off_builds_every_time(monkeypatch):
    monkeypatch.setenv("EVENTWATCH_CACHE_DIR", "-")
    build, calls = _counting([1])
    index_cache.load_or_build("t", ["v"], build)
    index_cache.load_or_build("t", ["v"], build)
    assert len(calls) == 2


def test_index_cache_file_write_failure_is_no_error(cache, monkeypatch):
    build, calls = _counting({1, 2})  # a set marshals; an object does not
    assert index_cache.load_or_build("t", ["v"], build) == {1, 2}
    bad, _ = _counting(object())
    assert isinstance(index_cache.load_or_build("u", ["v"], bad), object)
    assert not list(cache.glob("u-*"))  # nothing half-written left behind
    assert not list(cache.glob(".u-*"))


@pytest.mark.slow
def test_index_cache_city_index_read_back_equals_a_fresh_build(cache):
    from eventwatch.annotate import gazetteer

    raw = gazetteer._build_cities()
    gazetteer._cities.cache_clear()
    try:
        keys, own = gazetteer._cities()  # builds and writes the cache
        gazetteer._cities.cache_clear()
        again, own2 = gazetteer._cities()  # reads it
    finally:
        gazetteer._cities.cache_clear()
    assert keys == again and own == own2 == raw["own"]
    assert keys["paris"][0].country == "FRA" and len(keys) == len(raw["keys"])
