"""Getting a SparkSession: the one already running (spark-submit, a notebook), or a
new one for ``--master``. pyspark is an optional extra; without it every entry point
raises a clear :class:`InputError` instead of an ImportError."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from pathlib import Path
from typing import Any

from sanctionwatch.errors import InputError

__all__ = ["require_spark", "spark_available", "spark_session"]

DEFAULT_CONF = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.execution.arrow.pyspark.enabled": "true",
}


def spark_available() -> bool:
    """True when pyspark, pyarrow and pandas import and a ``java`` is on the PATH."""
    modules = ("pyspark", "pyarrow", "pandas")
    have = all(importlib.util.find_spec(m) is not None for m in modules)
    return have and shutil.which("java") is not None


def require_spark() -> None:
    missing = [m for m in ("pyspark", "pyarrow", "pandas") if importlib.util.find_spec(m) is None]
    if missing:
        raise InputError(
            f"the Spark engine needs {', '.join(missing)}: pip install 'sanctionwatch[spark]'"
        )


def _share_package_path() -> None:
    """Local workers import sanctionwatch from where this process did (a checkout on a
    relative PYTHONPATH included), so driver and executors run the same code."""
    import sanctionwatch

    root = str(Path(sanctionwatch.__file__).resolve().parents[1])
    parts = [
        str(Path(p).resolve()) for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p
    ]
    if root not in parts:
        parts.insert(0, root)
    os.environ["PYTHONPATH"] = os.pathsep.join(parts)


def spark_session(
    master: str | None = None,
    *,
    app_name: str = "sanctionwatch",
    conf: dict[str, str] | None = None,
) -> Any:
    """The active SparkSession when ``master`` is None, else one for ``master``
    (``local[2]``, ``spark://host:7077``, ``yarn``, ``k8s://...``).

    In local mode the executors' Python is this interpreter, so they see the same
    installed sanctionwatch; on a cluster the executors use the cluster's setting
    (``spark.pyspark.python`` / ``PYSPARK_PYTHON``), which must have sanctionwatch
    installed.
    """
    require_spark()
    from pyspark.sql import SparkSession

    if master is None:
        active = SparkSession.getActiveSession()
        if active is not None:
            return active
    builder = SparkSession.builder.appName(app_name)
    if master is not None:
        builder = builder.master(master)
        if master.startswith("local"):
            # pyspark starts its Python workers with PYSPARK_PYTHON (default "python3"):
            # in local mode they must be this interpreter, which has sanctionwatch.
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
            _share_package_path()
    for key, value in {**DEFAULT_CONF, **(conf or {})}.items():
        builder = builder.config(key, value)
    return builder.getOrCreate()
