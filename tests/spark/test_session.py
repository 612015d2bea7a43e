"""Without the extra, a clear error names what to install; formats come from suffixes."""

from __future__ import annotations

import importlib.util

import pytest

from sanctionwatch.errors import InputError
from sanctionwatch.spark import session


def test_missing_extra_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        session.importlib.util,
        "find_spec",
        lambda name, *a: None if name == "pyspark" else real(name, *a),
    )
    assert not session.spark_available()
    with pytest.raises(InputError, match=r"needs pyspark.*sanctionwatch\[spark\]"):
        session.require_spark()
    import sanctionwatch.spark as spark_pkg

    with pytest.raises(InputError, match="pyspark"):
        _ = spark_pkg.screen_file


def test_file_format_from_suffix_or_given() -> None:
    pytest.importorskip("pandas")
    from sanctionwatch.spark.files import file_format

    assert file_format("/data/names.csv", None) == "csv"
    assert file_format("s3a://bucket/out.parquet/", None) == "parquet"
    assert file_format("/data/names", "Parquet") == "parquet"
    with pytest.raises(InputError, match="cannot tell the format"):
        file_format("/data/names.txt", None)
