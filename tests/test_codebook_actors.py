"""The actor dictionary loader: shipped file valid, bad user files named by line."""
from __future__ import annotations

import pytest

from eventwatch.annotate.actors import describe_phrase, load_actor_dictionary
from eventwatch.errors import CodebookError

GOOD_HEAD = "version: 1\nactors:\n"


def test_load_actor_dictionary_builtin_has_countries_and_version():
    d = load_actor_dictionary()
    assert d.lookup("Hungary").country == "HUN"
    assert d.lookup("Kremlin").sector == "GOV"
    assert any(v == 1 for v in d.versions.values())


@pytest.mark.parametrize(
    "body, line, message",
    [
        ("  - {name: Bad, country: CHN, sector: XXX}\n", 3, "unknown sector"),
        ("  - {name: Bad, country: ZZZ, sector: GOV}\n", 3, "unknown country"),
        ("  - {name: Ok, country: CHN, sector: GOV}\n  - {country: CHN, sector: GOV}\n", 4, "without 'name'"),
        ("  - {name: A, aliases: [Foo], country: CHN}\n  - {name: B, aliases: [foo], country: RUS}\n", 4, "duplicate alias"),
        ("  - {name: T, country: USA, kind: person, terms: [{from: 2020/01/01}]}\n", 3, "bad date"),
        ("  - {name: K, country: USA, kind: robot}\n", 3, "unknown kind"),
    ],
)
def test_load_actor_dictionary_rejects_bad_entry_naming_line(tmp_path, body, line, message):
    path = tmp_path / "mine.yaml"
    path.write_text(GOOD_HEAD + body, encoding="utf-8")
    with pytest.raises(CodebookError) as exc:
        load_actor_dictionary(extra_paths=[str(path)])
    assert f"mine.yaml:{line}:" in str(exc.value)
    assert message in str(exc.value)


def test_load_actor_dictionary_rejects_missing_version(tmp_path):
    path = tmp_path / "nover.yaml"
    path.write_text("actors: []\n", encoding="utf-8")
    with pytest.raises(CodebookError, match="version"):
        load_actor_dictionary(extra_paths=[str(path)])


@pytest.mark.parametrize("via_env", [False, True])
def test_load_actor_dictionary_user_file_adds_actor(tmp_path, monkeypatch, via_env):
    path = tmp_path / "user.yaml"
    path.write_text(GOOD_HEAD + "  - {name: Zorblat Front, aliases: [ZF], country: NGA, sector: REB}\n",
                    encoding="utf-8")
    if via_env:
        monkeypatch.setenv("EVENTWATCH_ACTORS", str(path))
        desc = describe_phrase("the Zorblat Front")
    else:
        monkeypatch.delenv("EVENTWATCH_ACTORS", raising=False)
        desc = describe_phrase("the Zorblat Front", extra_paths=[str(path)])
    assert (desc.name, desc.country, desc.sector) == ("Zorblat Front", "NGA", "REB")
