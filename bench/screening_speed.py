"""Screening speed and memory on the real lists, sw-v1 beside nomenklatura's logic-v2.

Measures, in one run: index build, save and load; start-up of a fresh process that
loads the saved index and answers one query (wall time and peak memory) against a
fresh process that imports nomenklatura and builds the FtM entities logic-v2 compares;
per-pair scoring time (median) of sw-v1, the Jaro-Winkler baseline and logic-v2 on
the same pairs; single-query latency over all lists (p50, p99) and CPU time per query;
batch throughput of ``screen_file`` on 2 worker processes, with the CPU time the
workers used per name. CPU times vary less than wall times on a shared machine; the
load average at the start is printed.

    python bench/screening_speed.py [--queries 1000] [--pairs 3000] [--batch 4000]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sanctionwatch.lists.model import Entity, EntityKind
from sanctionwatch.screening import Query, Screener
from sanctionwatch.screening.screener import candidates
from screening_accuracy import SCHEMA
from screening_data import load_entities, shared_data
from screening_variants import GENERATORS

SRC = Path(__file__).resolve().parents[1] / "src"
WARM_UP = ("김정은", "金正恩", "Владимир", "محمد", "Αλέξης", "Korea Trading Co Ltd")
# Peak memory is the process's own high-water mark (VmHWM): getrusage's ru_maxrss
# survives exec, so in a child of this large process it would report the parent's.
PEAK = "int(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1]) / 1024"
STARTUP = f"""
import sys, time
t = time.perf_counter()
from pathlib import Path
from sanctionwatch.screening import Query
from sanctionwatch.screening.screener import Screener
s = Screener.load(Path(sys.argv[1]))
s.screen(Query("Kim Jong Un"))
print(time.perf_counter() - t, {PEAK})
"""
BATCH = """
import resource, sys, time
from pathlib import Path
from sanctionwatch.screening.batch import ColumnMap, screen_file
from sanctionwatch.screening.screener import Screener
s = Screener.load(Path(sys.argv[1]))
t = time.perf_counter()
summary = screen_file(s, Path(sys.argv[2]), Path(sys.argv[3]), columns=ColumnMap("name"), workers=2)
used = resource.getrusage(resource.RUSAGE_CHILDREN)
print(summary.rows, time.perf_counter() - t, used.ru_utime + used.ru_stime)
"""
NK_STARTUP = f"""
import pickle, sys, time
t = time.perf_counter()
from followthemoney import model
from nomenklatura.matching import ScoringConfig, get_algorithm
algo = get_algorithm("logic-v2")
with open(sys.argv[1], "rb") as fh:
    data = pickle.load(fh)
proxies = [model.get_proxy(d, cleaned=False) for d in data]
q = model.get_proxy({{"id": "q", "schema": "Person", "properties": {{"name": ["Kim Jong Un"]}}}})
algo.compare(q, proxies[0], ScoringConfig.defaults())
print(time.perf_counter() - t, {PEAK})
"""


def ftm_data(i: int, e: Entity) -> dict[str, object]:
    props: dict[str, list[str]] = {"name": [n.full for n in e.names]}
    if e.kind is EntityKind.PERSON:
        props["birthDate"] = [str(b.start) for b in e.birth_dates]
        props["nationality"] = list(e.nationalities)
    return {"id": f"e{i}", "schema": SCHEMA[e.kind], "properties": props}


def run_child(code: str, arg: Path) -> tuple[float, float]:
    out = subprocess.run(
        [sys.executable, "-c", code, str(arg)],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"},
    )
    seconds, mib = out.stdout.split()
    return float(seconds), float(mib)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def make_queries(entities: list[Entity], n: int, rng: random.Random) -> list[Query]:
    names = [(e.primary_name, e.kind) for e in entities if e.primary_name]
    clean = []
    with (shared_data() / "evaluation" / "yente_validation_negatives_global.csv").open() as fh:
        clean = [row["full_name"] for row in csv.DictReader(fh) if row["full_name"].strip()]
    gens = list(GENERATORS.values())
    queries: list[Query] = []
    while len(queries) < n:
        if rng.random() < 0.3:
            queries.append(Query(rng.choice(clean)))
            continue
        text, kind = rng.choice(names)
        variant = rng.choice(gens)(text, kind, rng) or text
        queries.append(Query(variant[:400]))
    return queries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--pairs", type=int, default=3000)
    parser.add_argument("--batch", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    print("  load average at start: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    entities, _ = load_entities()
    tmp = Path(tempfile.mkdtemp(prefix="sw-speed-"))

    t = time.perf_counter()
    screener = Screener.from_entities(entities)
    build = time.perf_counter() - t
    path = tmp / "index.pkl"
    t = time.perf_counter()
    screener.save(path)
    save = time.perf_counter() - t
    t = time.perf_counter()
    Screener.load(path)
    load = time.perf_counter() - t
    index = screener.index
    print(
        f"\n  {len(entities)} entities, {len(index.names)} names, "
        f"index file {path.stat().st_size / 2**20:.1f} MiB"
    )
    print(f"  index build {build:.2f} s, save {save:.2f} s, load {load:.2f} s")

    start, rss = run_child(STARTUP, path)
    import pickle

    nk_file = tmp / "ftm.pkl"
    with nk_file.open("wb") as fh:
        pickle.dump([ftm_data(i, e) for i, e in enumerate(entities)], fh)
    try:
        nk_start, nk_rss = run_child(NK_STARTUP, nk_file)
    except subprocess.CalledProcessError as exc:
        print("  logic-v2 start-up failed:", exc.stderr[-300:])
        nk_start = nk_rss = float("nan")
    print(
        f"  start-up (fresh process, load + first query): sw-v1 {start:.2f} s, "
        f"peak {rss:.0f} MiB | logic-v2 (import + FtM entities) {nk_start:.2f} s, "
        f"peak {nk_rss:.0f} MiB"
    )

    queries = make_queries(entities, args.queries, rng)
    # One query per script first, as a running service would have done: loading the
    # transliteration tables (pinyin above all, about 0.3 s) is not a query's cost.
    for text in WARM_UP:
        screener.screen(Query(text))
    lat: list[float] = []
    cpu = time.process_time()
    for q in queries:
        t = time.perf_counter()
        screener.screen(q)
        lat.append(time.perf_counter() - t)
    cpu = time.process_time() - cpu
    print(
        f"  single query over all lists (sw-v1, {len(lat)} queries): "
        f"p50 {1000 * pct(lat, 0.5):.2f} ms, p99 {1000 * pct(lat, 0.99):.2f} ms, "
        f"max {1000 * max(lat):.1f} ms; CPU {1000 * cpu / len(lat):.2f} ms a query"
    )

    pairs: list[tuple[Query, int]] = []
    for q in queries:
        pq = screener.prepare(q)
        pairs += [(q, i) for i, _ in candidates(pq, index, 10)]
        if len(pairs) >= args.pairs:
            break
    pairs = pairs[: args.pairs]
    times: dict[str, list[float]] = {}
    for algo in ("sw-v1", "jaro-winkler"):
        scr = screener.with_algorithm(algo)
        got: list[float] = []
        for q, i in pairs:
            pq = scr.prepare(q)  # per-query preparation, outside the pair timing
            t = time.perf_counter_ns()
            scr.algorithm.score(pq, index.records[i], index)
            got.append((time.perf_counter_ns() - t) / 1000)
        times[algo] = got
    try:
        from followthemoney import model
        from nomenklatura.matching import ScoringConfig, get_algorithm

        lv2 = get_algorithm("logic-v2")
        assert lv2 is not None
        cfg = ScoringConfig.defaults()
        proxies = {i: model.get_proxy(ftm_data(i, entities[i]), cleaned=False) for _, i in pairs}
        got = []
        for n, (q, i) in enumerate(pairs):
            schema = SCHEMA[q.kind or EntityKind.PERSON]
            qp = model.get_proxy(
                {"id": f"q{n}", "schema": schema, "properties": {"name": [q.name]}}
            )
            t = time.perf_counter_ns()
            lv2.compare(qp, proxies[i], cfg)
            got.append((time.perf_counter_ns() - t) / 1000)
        times["logic-v2"] = got
    except ImportError:
        print("  nomenklatura not installed: logic-v2 skipped")
    cells = ", ".join(
        f"{k} median {statistics.median(v):.1f} us (p95 {pct(v, 0.95):.0f})"
        for k, v in times.items()
    )
    print(f"  scoring per pair ({len(pairs)} query/entity pairs): {cells}")

    src = tmp / "batch.csv"
    with src.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["name"])
        for q in make_queries(entities, args.batch, rng):
            writer.writerow([q.name])
    # In a fresh process that loads the saved index, as `sanctionwatch screen-file` does.
    out = subprocess.run(
        [sys.executable, "-c", BATCH, str(path), str(src), str(tmp / "out.csv")],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"},
    )
    rows, batch, worker_cpu = out.stdout.split()
    print(
        f"  batch screen_file, 2 workers (fresh process, index loaded): {rows} names in "
        f"{float(batch):.1f} s = {int(rows) / float(batch):.0f} names/s; workers' CPU "
        f"{1000 * float(worker_cpu) / int(rows):.2f} ms a name"
    )
    if "logic-v2" in times:
        per_query = statistics.mean(times["logic-v2"]) * 10 / 1e6
        print(
            f"  logic-v2 on the same 10 candidates per name (scoring only, 1 core): "
            f"{1 / per_query:.0f} names/s"
        )


if __name__ == "__main__":
    main()
