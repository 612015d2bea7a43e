"""Bad data files fail loading with a message naming the file and the line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch.errors import InputError
from sanctionwatch.regimes.kb import build_kb
from sanctionwatch.regimes.loader import DataFileError, data_dir


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(data_dir(), folder)
    return folder


def _line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_copy_loads_like_the_package(data_copy: Path) -> None:
    kb = build_kb(data_copy)
    assert kb.obligation("2397-OP8").deadline is not None
    assert len(kb.resolutions) > 2500


def test_bad_date_in_the_index(data_copy: Path) -> None:
    index = data_copy / "resolutions.csv"
    _replace(index, "2397,2017-12-22,", "2397,2017-12-32,")
    line = _line_of(index, "2397,2017-12-32,")
    with pytest.raises(DataFileError) as caught:
        build_kb(data_copy)
    message = caught.value.message
    assert f"{index}, line {line}:" in message
    assert "2017-12-32" in message and "2397" in message
    assert isinstance(caught.value, InputError)


def test_bad_date_in_a_regime_file(data_copy: Path) -> None:
    path = data_copy / "regimes" / "dprk.yaml"
    _replace(path, "panel_ended: 2024-04-30", "panel_ended: 2024-04-31")
    with pytest.raises(DataFileError) as caught:
        build_kb(data_copy)
    assert caught.value.path == str(path)
    assert caught.value.line == _line_of(path, "panel_ended:")


def test_unknown_resolution_in_a_regime_file(data_copy: Path) -> None:
    path = data_copy / "regimes" / "iran.yaml"
    _replace(
        path, "  - id: 2231-OP26\n    resolution: 2231", "  - id: 9999-OP26\n    resolution: 9999"
    )
    with pytest.raises(DataFileError, match="unknown resolution 9999") as caught:
        build_kb(data_copy)
    assert caught.value.line == _line_of(path, "resolution: 9999")
    assert str(path) in caught.value.message


def test_bad_deadline_rule(data_copy: Path) -> None:
    path = data_copy / "regimes" / "dprk.yaml"
    _replace(
        path, "deadline_rule: 120 days after adoption", "deadline_rule: 120 moons after adoption"
    )
    with pytest.raises(DataFileError, match="cannot read deadline rule") as caught:
        build_kb(data_copy)
    assert caught.value.line == _line_of(path, "120 moons")


def test_missing_paragraph_must_be_marked_unconfirmed(data_copy: Path) -> None:
    path = data_copy / "regimes" / "dprk.yaml"
    _replace(path, "    resolution: 2375\n    paragraph: OP18\n", "    resolution: 2375\n")
    with pytest.raises(DataFileError, match="paragraph") as caught:
        build_kb(data_copy)
    assert caught.value.line == _line_of(path, "id: 2375-OP18")


def test_unknown_source_and_unknown_field(data_copy: Path) -> None:
    path = data_copy / "regimes" / "dprk.yaml"
    _replace(path, "    sources: [AFC2375]\n", "    sources: [NOWHERE]\n")
    with pytest.raises(DataFileError, match="NOWHERE"):
        build_kb(data_copy)
    _replace(path, "    sources: [NOWHERE]\n", "    sources: [AFC2375]\n    colour: red\n")
    with pytest.raises(DataFileError, match="colour") as caught:
        build_kb(data_copy)
    assert caught.value.line == _line_of(path, "colour: red")


def test_yaml_syntax_error(data_copy: Path) -> None:
    path = data_copy / "regimes" / "iran.yaml"
    _replace(path, "key: iran\n", "key: [iran\n")
    with pytest.raises(DataFileError, match="YAML syntax") as caught:
        build_kb(data_copy)
    assert caught.value.line is not None and caught.value.path == str(path)


def test_missing_column_and_repeated_number(data_copy: Path) -> None:
    added = data_copy / "resolutions_added.csv"
    added.write_text("number,adopted,subject,topic,regime\n2397,2017-12-22,x,DPRK,dprk\n", "utf-8")
    with pytest.raises(DataFileError, match="2397 is already indexed"):
        build_kb(data_copy)
    added.write_text("number,adopted\n2800,2025-01-01\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="missing column"):
        build_kb(data_copy)


def test_hostile_yaml_is_refused(tmp_path: Path) -> None:
    from sanctionwatch.regimes.loader import read_regime

    laughs = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 9):
        prev = f"*a{i - 1}"
        laughs.append(f"a{i}: &a{i} [{', '.join([prev] * 9)}]")
    path = tmp_path / "laughs.yaml"
    path.write_text("\n".join(laughs) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="values"):
        read_regime(path, {})
    path.write_text("key: " + "[" * 60 + "]" * 60 + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="nested"):
        read_regime(path, {})
    path.write_text("key: !!python/object:os.system echo\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="line 1"):
        read_regime(path, {})


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_regime_text_loads_or_fails_clearly(text: str) -> None:
    from sanctionwatch.regimes.loader import read_regime

    try:
        read_regime(Path("any.yaml"), {}, text=text)
    except DataFileError as exc:
        assert exc.message.startswith("any.yaml")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_index_text_loads_or_fails_clearly(text: str) -> None:
    from sanctionwatch.regimes.loader import read_index

    try:
        rows = list(
            read_index(Path("any.csv"), text="number,adopted,subject,topic,regime\n" + text)
        )
    except DataFileError as exc:
        assert exc.message.startswith("any.csv")
    else:
        assert all(r.number > 0 and r.topic for r in rows)


def test_an_id_replaced_must_be_no_current_id_and_replaced_once(data_copy: Path) -> None:
    path = data_copy / "regimes" / "dprk.yaml"
    # replacing a current id would hide that duty behind this one
    _replace(path, "    replaces: [1718-arms-embargo]\n", "    replaces: [2397-OP8]\n")
    with pytest.raises(DataFileError, match="replaces '2397-OP8', which is a current") as caught:
        build_kb(data_copy)
    assert caught.value.path == str(path)
    # one old id taken over by two obligations
    _replace(path, "    replaces: [2397-OP8]\n", "    replaces: [1718-arms-embargo]\n")
    _replace(
        path,
        "    sources: [TAKUNGPAO2094]\n  - id: 1718-OP8d\n",
        "    sources: [TAKUNGPAO2094]\n    replaces: [1718-arms-embargo]\n  - id: 1718-OP8d\n",
    )
    with pytest.raises(DataFileError, match="replaced by both"):
        build_kb(data_copy)


def test_an_obligation_id_used_in_two_regime_files(data_copy: Path) -> None:
    libya = data_copy / "regimes" / "libya.yaml"
    _replace(
        libya,
        "  - id: 2292-OP3\n    resolution: 2292\n",
        "  - id: 2216-OP14\n    resolution: 2216\n",
    )
    with pytest.raises(DataFileError, match="'2216-OP14' is also used in"):
        build_kb(data_copy)


def test_an_enforcing_keyword_must_be_a_keyword(data_copy: Path) -> None:
    path = data_copy / "regimes" / "dprk.yaml"
    _replace(path, "enforcing_keywords: [seize,", "enforcing_keywords: [confiscated, seize,")
    with pytest.raises(DataFileError) as caught:
        build_kb(data_copy)
    assert caught.value.path == str(path)
    assert "confiscated" in caught.value.message
    # must not: the package's own file, with its enforcing keywords, loads
    assert "seized" in build_kb(data_dir()).obligation("2397-OP9-15").enforcing_keywords


def test_a_regime_on_armed_groups_has_no_target_state(data_copy: Path) -> None:
    kb = build_kb(data_copy)
    assert not kb.regimes["haiti"].against_state and not kb.regimes["drc"].against_state
    # must not: the regimes directed at a state keep it
    assert kb.regimes["dprk"].against_state and kb.regimes["somalia"].against_state


def test_a_regime_flag_that_is_not_a_boolean_names_its_file_and_line(data_copy: Path) -> None:
    path = data_copy / "regimes" / "car.yaml"
    _replace(path, "against_state: false", "against_state: maybe")
    with pytest.raises(DataFileError) as caught:
        build_kb(data_copy)
    assert caught.value.path == str(path)
    assert caught.value.line == _line_of(path, "against_state:")
    assert "against_state" in caught.value.message
