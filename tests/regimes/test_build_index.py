"""The committed index is exactly what the build script makes from the shared list."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from sanctionwatch.regimes.loader import data_dir
from sanctionwatch.regimes.tools.build_index import COLUMNS, convert, main
from tests.conftest import shared_file


def test_committed_index_is_reproducible(tmp_path: Path) -> None:
    source = shared_file("resolutions/unsc_resolutions.csv")
    out = tmp_path / "resolutions.csv"
    assert main([str(source), "--out", str(out)]) == 0
    assert out.read_bytes() == (data_dir() / "resolutions.csv").read_bytes()


def test_convert_maps_regimes_and_skips_undated_rows() -> None:
    rows = [
        {
            "number": "2397",
            "date": "2017-12-22",
            "title_or_subject": "Non-proliferation - DPRK",
            "country_or_topic": "DPRK",
            "regime": "DPRK 1718",
        },
        {
            "number": "2231",
            "date": "2015-07-20",
            "title_or_subject": "Non-proliferation",
            "country_or_topic": "Non-proliferation (thematic)",
            "regime": "",
        },
        {
            "number": "48",
            "date": "",
            "title_or_subject": "x",
            "country_or_topic": "x",
            "regime": "",
        },
        {
            "number": "1",
            "date": "1946-01-25",
            "title_or_subject": "word " * 100,
            "country_or_topic": "",
            "regime": "",
        },
    ]
    out = list(convert(rows))
    assert [r["number"] for r in out] == ["2397", "2231", "1"]
    assert out[0]["regime"] == "dprk" and out[1]["regime"] == "iran"
    assert out[1]["topic"].startswith("Iran")
    assert out[2]["subject"].endswith("…") and len(out[2]["subject"]) <= 160
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
    writer.writerows(out)  # every row has exactly the index columns
