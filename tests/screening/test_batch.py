"""screen_file: streaming CSV in, CSV out; bad rows reported, bad files refused."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from sanctionwatch.errors import InputError
from sanctionwatch.screening import Screener
from sanctionwatch.screening.batch import OUTPUT_COLUMNS, ColumnMap, screen_file


def _write(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    with path.open("w", newline="", encoding=encoding) as fh:
        csv.writer(fh).writerows(rows)
    return path


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize("workers", [1, 2])
def test_rows_screened_in_order_with_bad_rows_reported(
    screener: Screener, tmp_path: Path, workers: int
) -> None:
    rows = [["id", "full_name", "born", "type"]]
    rows += [
        ["1", "Kim Jong Un", "1984", "person"],
        ["2", "", "", ""],  # empty name
        ["3", "Jennifer McClellan", "", "person"],
        ["4", "Kim Jong Un", "not a date", ""],
        ["5", "Ri Je Son", "", "planet"],
        ["6", "x" * 10_000, "", ""],
    ]
    rows += [[str(i), "Korea Ryonbong General Corp", "", ""] for i in range(7, 50)]
    src = _write(tmp_path / "in.csv", rows)
    out = tmp_path / "out.csv"
    cols = ColumnMap(name="full_name", birth_date="born", kind="type")
    summary = screen_file(screener, src, out, columns=cols, workers=workers)
    got = _read(out)
    assert [r["id"] for r in got] == [r[0] for r in rows[1:]]
    assert list(got[0].keys()) == rows[0] + OUTPUT_COLUMNS
    assert got[0]["best_ref"] == "T.001" and got[0]["status"] == "ok"
    assert "birth_date" in got[0]["explanation"]
    assert got[1]["status"] == "error" and "empty" in got[1]["error"]
    assert got[2]["status"] == "ok" and got[2]["match_count"] == "0"
    assert got[3]["status"] == "error" and "birth date" in got[3]["error"]
    assert got[4]["status"] == "error" and "unknown kind" in got[4]["error"]
    assert got[5]["status"] == "error" and "characters long" in got[5]["error"]
    assert all(r["best_ref"] == "T.007" for r in got[6:])
    assert summary.rows == 49 and summary.errors == 4 and summary.matched == 44


def test_missing_column_is_named(screener: Screener, tmp_path: Path) -> None:
    src = _write(tmp_path / "in.csv", [["nom", "pays"], ["Kim Jong Un", "kp"]])
    with pytest.raises(InputError, match=r"column.*name.*not found.*nom, pays"):
        screen_file(screener, src, tmp_path / "out.csv", workers=1)


def test_wrong_encoding_is_refused_with_a_hint(screener: Screener, tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_bytes("name\nJosé Müller\n".encode("latin-1"))
    with pytest.raises(InputError, match=r"not utf-8-sig text.*--encoding"):
        screen_file(screener, src, tmp_path / "out.csv", workers=1)
    screen_file(screener, src, tmp_path / "out.csv", workers=1, encoding="latin-1")
    assert _read(tmp_path / "out.csv")[0]["name"] == "José Müller"


def test_utf16_file_is_refused(screener: Screener, tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_bytes("name\nKim Jong Un\n".encode("utf-16"))
    with pytest.raises(InputError, match="UTF-16"):
        screen_file(screener, src, tmp_path / "out.csv", workers=1)


def test_a_bad_line_deep_in_the_file_is_one_bad_row(screener: Screener, tmp_path: Path) -> None:
    good = "".join(f"Kim Jong Un {i}\n" for i in range(1000)).encode()
    src = tmp_path / "in.csv"
    src.write_bytes(b"name\n" + good + b"Jos\xe9 M\xfcller\nKim Jong Un\n")
    summary = screen_file(screener, src, tmp_path / "out.csv", workers=1)
    got = _read(tmp_path / "out.csv")
    assert summary.rows == 1002 and summary.errors == 1
    assert got[1000]["status"] == "error" and "not valid" in got[1000]["error"]
    assert got[1001]["best_ref"] == "T.001"


def test_empty_file_and_missing_file(screener: Screener, tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        screen_file(screener, empty, tmp_path / "out.csv", workers=1)
    with pytest.raises(InputError, match="no such file"):
        screen_file(screener, tmp_path / "nope.csv", tmp_path / "out.csv", workers=1)
