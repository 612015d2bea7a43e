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


def _tree(pid: int) -> dict[int, tuple[int, float]]:
    """Resident bytes and CPU seconds (user + system) of a process and each of its
    descendants, by pid (Linux /proc)."""
    page, tick = os.sysconf("SC_PAGE_SIZE"), os.sysconf("SC_CLK_TCK")
    found: dict[int, tuple[int, float]] = {}
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/statm") as fh:
                rss = int(fh.read().split()[1]) * page
            with open(f"/proc/{p}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            found[p] = (rss, (int(fields[11]) + int(fields[12])) / tick)
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except (FileNotFoundError, ProcessLookupError):
            continue
    return found


class Usage:
    """Wall seconds, peak resident memory of this process tree (sampled every 0.2 s)
    and the CPU seconds the tree spent, the JVM and Spark's Python workers included."""

    __slots__ = ("cpu", "peak", "wall")

    def __init__(self, wall: float, peak: int, cpu: float) -> None:
        self.wall, self.peak, self.cpu = wall, peak, cpu


def measure(run: Callable[[], Any]) -> tuple[Usage, Any]:
    import resource

    me = os.getpid()
    start_cpu = {p: cpu for p, (_, cpu) in _tree(me).items()}
    last_cpu = dict(start_cpu)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            tree = _tree(me)
            peak[0] = max(peak[0], sum(rss for rss, _ in tree.values()))
            last_cpu.update({p: cpu for p, (_, cpu) in tree.items()})
            done.wait(0.2)

    # Children that exit and are waited for (the single-machine pool) are counted
    # through RUSAGE_CHILDREN; live ones through /proc.
    reaped = resource.getrusage(resource.RUSAGE_CHILDREN)
    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    start = time.perf_counter()
    try:
        result = run()
    finally:
        elapsed = time.perf_counter() - start
        done.set()
        thread.join()
    last_cpu.update({p: cpu for p, (_, cpu) in _tree(me).items()})
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    waited = (after.ru_utime + after.ru_stime) - (reaped.ru_utime + reaped.ru_stime)
    live = sum(cpu - start_cpu.get(p, 0.0) for p, cpu in last_cpu.items() if p != me)
    # A waited child's CPU shows in both: count it once, through RUSAGE_CHILDREN.
    gone = set(last_cpu) - set(_tree(me))
    live -= sum(last_cpu[p] - start_cpu.get(p, 0.0) for p in gone)
    own = last_cpu[me] - start_cpu[me]
    return Usage(elapsed, peak[0], own + live + waited), result


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

    # The single-machine path first, so that its memory figure does not include the
    # JVM, which outlives spark.stop() in this process.
    if not args.skip_single:
        single_out = work / "single-out.csv"
        single_used, single = measure(
            lambda: batch_screen_file(
                screener, csv_path, single_out, columns=cols, workers=args.cores
            )
        )
        report(
            f"single machine (screen-file, {args.cores} processes)",
            args,
            single_used,
            single.matched,
            single.errors,
        )
    t0 = time.perf_counter()
    spark = spark_session(
        args.master,
        conf={"spark.driver.memory": "2g", "spark.sql.shuffle.partitions": str(args.cores * 2)},
    )
    spark.sparkContext.setLogLevel("ERROR")
    print(f"spark: session started in {time.perf_counter() - t0:.1f} s", flush=True)
    out = work / "spark-out.parquet"
    used, summary = measure(
        lambda: screen_file(parquet_path, out, spark=spark, screener=screener, columns=cols)
    )
    spark.stop()
    report(f"spark {args.master}", args, used, summary.matched, summary.errors)
    # Busy cores from CPU actually spent (robust to other load on the machine); the
    # wall-clock figure per core is printed above for comparison.
    cost = used.cpu / args.rows
    cores = TARGET_ROWS * cost / TARGET_SECONDS
    print(
        f"estimate: {TARGET_ROWS:,} names in {TARGET_SECONDS} s need "
        f"{TARGET_ROWS * cost:,.0f} CPU-seconds = {cores:,.0f} busy cores at the "
        f"measured {cost * 1000:.2f} ms of CPU per row on Spark "
        f"(about {cores / 0.7:,.0f} cores at 70% cluster efficiency)"
    )


def report(label: str, args: argparse.Namespace, used: Usage, matched: int, errors: int) -> None:
    print(
        f"{label}: {args.rows:,} rows in {used.wall:.1f} s = {args.rows / used.wall:,.0f} "
        f"rows/s; wall x cores per row {used.wall * args.cores / args.rows * 1000:.2f} ms; "
        f"CPU per row {used.cpu / args.rows * 1000:.2f} ms ({used.cpu:,.0f} CPU-s in all); "
        f"peak memory {used.peak / 2**20:,.0f} MiB; load average "
        f"{os.getloadavg()[0]:.1f}; {matched:,} rows with matches, {errors:,} errors",
        flush=True,
    )


if __name__ == "__main__":
    main()
