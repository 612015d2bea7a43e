"""Batch screening on Spark (local mode) against the single-machine batch path, on the
same generated rows in the same run: throughput, peak memory, and the cluster size that
the measured per-core cost implies for 50 million names in one hour.

Rows are generated from real names (the evaluation files: UN persons with typos,
synthetic multicultural persons, US Congress members), shuffled, re-ordered and
misspelt with a fixed seed, so most rows resemble no listed person and some do.

    python bench/spark_batch.py --rows 1000000 --master 'local[2]'
"""

from __future__ import annotations

import argparse
import csv
import os
import pickle
import random
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sanctionwatch.screening.batch import ColumnMap  # noqa: E402
from sanctionwatch.screening.batch import screen_file as batch_screen_file  # noqa: E402
from sanctionwatch.screening.loading import screener_from_files  # noqa: E402

DATA = Path(os.environ.get("SANCTIONWATCH_SHARED_DATA", ROOT.parent / "shared" / "data"))
SOURCES = [
    "evaluation/yente_positives_un_treated.csv",
    "evaluation/yente_validation_negatives_global.csv",
    "evaluation/yente_validation_negatives_us.csv",
    "evaluation/yente_positives_us_congress_untreated.csv",
]
COLUMNS = ["id", "name", "birth_date", "country"]
TARGET_ROWS = 50_000_000
TARGET_SECONDS = 3600


def seed_rows() -> list[tuple[str, str, str]]:
    rows = []
    for rel in SOURCES:
        with (DATA / rel).open(encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                born = r["date_of_birth"] if len(r["date_of_birth"]) in (4, 7, 10) else ""
                rows.append((r["full_name"], born, r["nationality"]))
    return rows


def vary(name: str, rng: random.Random) -> str:
    """Shuffle name parts, drop or double a letter, change case."""
    parts = name.replace(",", " ").split()
    if len(parts) > 1 and rng.random() < 0.3:
        rng.shuffle(parts)
    text = " ".join(parts)
    if len(text) > 4 and rng.random() < 0.3:
        i = rng.randrange(1, len(text) - 1)
        text = text[:i] + text[i + 1 :] if rng.random() < 0.5 else text[:i] + text[i] + text[i:]
    return text.upper() if rng.random() < 0.2 else text


def write_rows(folder: Path, count: int) -> tuple[Path, Path]:
    """The same rows as CSV (single-machine path) and Parquet (Spark)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rng = random.Random(20261123)
    seeds = seed_rows()
    csv_path = folder / "queries.csv"
    parquet_path = folder / "queries.parquet"
    writer_pq = None
    with csv_path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        block: list[list[str]] = []
        for i in range(count):
            name, born, country = rng.choice(seeds)
            row = [str(i), vary(name, rng), born if rng.random() < 0.5 else "", country]
            block.append(row)
            if len(block) == 50_000 or i == count - 1:
                writer.writerows(block)
                table = pa.Table.from_pylist([dict(zip(COLUMNS, r, strict=True)) for r in block])
                if writer_pq is None:
                    writer_pq = pq.ParquetWriter(parquet_path, table.schema)
                writer_pq.write_table(table)
                block = []
    if writer_pq is not None:
        writer_pq.close()
    return csv_path, parquet_path


def _tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes (Linux /proc)."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/statm") as fh:
                total += int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


def measure(run: Callable[[], Any]) -> tuple[float, int, Any]:
    """Wall seconds, peak memory of this process tree (sampled every 0.2 s), result."""
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss(os.getpid()))
            done.wait(0.2)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    start = time.perf_counter()
    try:
        result = run()
    finally:
        elapsed = time.perf_counter() - start
        done.set()
        thread.join()
    return elapsed, peak[0], result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--cores", type=int, default=2, help="cores the master may use")
    parser.add_argument(
        "--list", action="append", type=Path, help="list file(s); default the 2026 UN list"
    )
    parser.add_argument("--skip-single", action="store_true", help="Spark only")
    args = parser.parse_args()
    if not DATA.is_dir():
        sys.exit(f"shared data not found at {DATA} (set SANCTIONWATCH_SHARED_DATA)")
    lists = args.list or [DATA / "lists/un/consolidated_2026-02-27.xml"]
    work = Path(tempfile.mkdtemp(prefix="sw-spark-bench-"))
    try:
        run(args, lists, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(args: argparse.Namespace, lists: list[Path], work: Path) -> None:
    from sanctionwatch.spark import screen_file, spark_session

    t0 = time.perf_counter()
    csv_path, parquet_path = write_rows(work, args.rows)
    print(f"rows: {args.rows:,} generated in {time.perf_counter() - t0:.1f} s", flush=True)
    t0 = time.perf_counter()
    screener = screener_from_files(lists)
    entities = len(screener.index.records)
    size = len(pickle.dumps(screener.index, protocol=pickle.HIGHEST_PROTOCOL))
    print(
        f"index: {entities:,} entities from {', '.join(p.name for p in lists)} "
        f"built in {time.perf_counter() - t0:.1f} s; {size / 2**20:.1f} MiB broadcast",
        flush=True,
    )
    cols = ColumnMap(name="name", birth_date="birth_date", country="country")

    t0 = time.perf_counter()
    spark = spark_session(
        args.master,
        conf={"spark.driver.memory": "2g", "spark.sql.shuffle.partitions": str(args.cores * 2)},
    )
    spark.sparkContext.setLogLevel("ERROR")
    print(f"spark: session started in {time.perf_counter() - t0:.1f} s", flush=True)
    out = work / "spark-out.parquet"
    spark_s, spark_mem, summary = measure(
        lambda: screen_file(parquet_path, out, spark=spark, screener=screener, columns=cols)
    )
    spark.stop()
    spark_cost = spark_s * args.cores / args.rows
    print(
        f"spark {args.master}: {args.rows:,} rows in {spark_s:.1f} s = "
        f"{args.rows / spark_s:,.0f} rows/s; {spark_cost * 1000:.2f} ms per row per core; "
        f"peak memory {spark_mem / 2**20:,.0f} MiB (driver, JVM and Python workers); "
        f"{summary.matched:,} rows with matches, {summary.errors:,} errors",
        flush=True,
    )
    if not args.skip_single:
        single_out = work / "single-out.csv"
        single_s, single_mem, single = measure(
            lambda: batch_screen_file(
                screener, csv_path, single_out, columns=cols, workers=args.cores
            )
        )
        print(
            f"single machine (screen-file, {args.cores} processes): {args.rows:,} rows in "
            f"{single_s:.1f} s = {args.rows / single_s:,.0f} rows/s; "
            f"{single_s * args.cores / args.rows * 1000:.2f} ms per row per core; "
            f"peak memory {single_mem / 2**20:,.0f} MiB; {single.matched:,} rows with matches, "
            f"{single.errors:,} errors",
            flush=True,
        )
    cores = TARGET_ROWS * spark_cost / TARGET_SECONDS
    print(
        f"estimate: {TARGET_ROWS:,} names in {TARGET_SECONDS} s need "
        f"{TARGET_ROWS * spark_cost:,.0f} core-seconds = {cores:,.0f} busy cores at the "
        f"measured {spark_cost * 1000:.2f} ms per row per core "
        f"(about {cores / 0.7:,.0f} cores at 70% cluster efficiency)"
    )


if __name__ == "__main__":
    main()
