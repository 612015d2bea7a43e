"""Load test of the web API on loopback: 50 concurrent clients POSTing yente-style
``/match/default`` requests, bounded by a request count and a time limit.

The server is the real thing: ``sanctionwatch serve`` in a subprocess (uvicorn, one
process) over a fresh SQLite store holding the UN consolidated list and the OFAC SDN
list. Queries are real names from those lists (half of them with a letter dropped) and
names that must not match. Printed side by side, from the same run:

* ``/match`` latency (p50/p95/p99), throughput and the error count;
* the HTTP floor: ``/api/health`` under the same 50 clients;
* the screening work itself: ``Screener.screen`` called in-process, no HTTP.

yente, the reference API, needs Elasticsearch and cannot run offline here, so it is not
measured; the floor and in-process figures show where the time goes instead.

    PYTHONPATH=src python bench/web_load.py [--clients 50] [--requests 2000] [--seconds 60]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
LISTS = (
    ("lists/un/consolidated_2026-02-27.xml", None),
    ("lists/ofac/sdn_csv_2024-05-03", "ofac-csv"),
)
NON_MATCHES = ("Maria Gonzalez Ortega", "Johannes Vermeulen", "Blue Harbour Trading Ltd")


def shared_data() -> Path:
    env = os.environ.get("SANCTIONWATCH_SHARED_DATA")
    return Path(env) if env else REPO.parent / "shared" / "data"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def prepare(db: Path) -> list[str]:
    """Import the lists into ``db``; return query names drawn from them."""
    from sanctionwatch.lists.registry import parse_file
    from sanctionwatch.settings import Settings
    from sanctionwatch.store.db import open_store
    from sanctionwatch.store.lists_repo import ListRepository

    store = open_store(Settings(db_url=f"sqlite:///{db}"))
    repo = ListRepository(store)
    for rel, fmt in LISTS:
        path = shared_data() / rel
        if not path.exists():
            sys.exit(f"missing {path}: set SANCTIONWATCH_SHARED_DATA")
        target = path / "sdn.csv" if path.is_dir() else path
        digest = hashlib.sha256(target.read_bytes()).hexdigest()
        repo.import_snapshot(parse_file(path, fmt), file_sha256=digest, origin=str(path))
    rng = random.Random(7)
    names = sorted({e.primary_name for e in repo.current_entities()})
    picked = rng.sample(names, 300)
    out = []
    for i, name in enumerate(picked):
        if i % 2 and len(name) > 6:  # a typo: one letter dropped
            cut = rng.randrange(1, len(name) - 1)
            name = name[:cut] + name[cut + 1 :]
        out.append(name)
    store.dispose()
    return out + list(NON_MATCHES) * 10 + ["김정은"] * 10


def in_process(db: Path, names: list[str]) -> list[float]:
    from sanctionwatch.screening import Query, Screener
    from sanctionwatch.settings import Settings
    from sanctionwatch.store.db import open_store
    from sanctionwatch.store.lists_repo import ListRepository

    store = open_store(Settings(db_url=f"sqlite:///{db}"))
    screener = Screener.from_entities(ListRepository(store).current_entities())
    times = []
    for name in names:
        start = time.perf_counter()
        screener.screen(Query(name), limit=5)
        times.append(time.perf_counter() - start)
    store.dispose()
    return times


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


async def hammer(
    base: str,
    method: str,
    path: str,
    bodies: list[dict | None],
    clients: int,
    total: int,
    seconds: float,
) -> tuple[list[float], int, float]:
    latencies: list[float] = []
    errors = 0
    problems: dict[str, int] = {}
    sent = 0
    stop_at = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:

        async def worker(k: int) -> None:
            nonlocal errors, sent
            while sent < total and time.monotonic() < stop_at:
                body = bodies[(sent + k) % len(bodies)]
                sent += 1
                start = time.perf_counter()
                try:
                    resp = await client.request(method, path, json=body)
                    ok = resp.status_code == 200
                    what = f"HTTP {resp.status_code}: {resp.text[:200]}"
                except httpx.HTTPError as exc:
                    ok = False
                    what = f"{type(exc).__name__}: {exc}"
                if not ok:
                    problems[what] = problems.get(what, 0) + 1
                latencies.append(time.perf_counter() - start)
                errors += 0 if ok else 1

        began = time.perf_counter()
        await asyncio.gather(*(worker(k) for k in range(clients)))
        elapsed = time.perf_counter() - began
    for what, count in problems.items():
        print(f"  error x{count}: {what}")
    return latencies, errors, elapsed


def report(label: str, lat: list[float], errors: int, elapsed: float) -> None:
    print(
        f"{label:<34} n={len(lat):>5}  p50={pct(lat, 0.50):7.1f} ms  p95={pct(lat, 0.95):7.1f} ms"
        f"  p99={pct(lat, 0.99):7.1f} ms  {len(lat) / elapsed:6.1f} req/s  errors={errors}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--requests", type=int, default=2000, help="most /match requests to send")
    ap.add_argument("--seconds", type=float, default=60, help="most seconds of load per phase")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "load.db"
        names = prepare(db)
        port = free_port()
        env = {**os.environ, "SANCTIONWATCH_HOME": tmp, "PYTHONPATH": str(REPO / "src")}
        cmd = [sys.executable, "-m", "sanctionwatch.cli", "--db", str(db), "serve"]
        cmd += ["--host", "127.0.0.1", "--port", str(port)]
        log = (Path(tmp) / "server.log").open("wb")
        server = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if httpx.get(f"{base}/api/health", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline or server.poll() is not None:
                    sys.exit("the server did not start")
                time.sleep(0.2)
            # The first /match builds the screening index; not counted.
            warm = {"queries": {"q": {"schema": "Person", "properties": {"name": ["x y"]}}}}
            httpx.post(f"{base}/match/default", json=warm, timeout=300)
            bodies: list[dict | None] = [
                {"queries": {"q": {"schema": "Thing", "properties": {"name": [n]}}}} for n in names
            ]
            print(
                f"machine: {os.cpu_count()} CPUs; {args.clients} concurrent clients; "
                f"{len(names)} distinct query names; server: sanctionwatch serve (1 process)"
            )
            lat, err, el = asyncio.run(
                hammer(
                    base,
                    "POST",
                    "/match/default",
                    bodies,
                    args.clients,
                    args.requests,
                    args.seconds,
                )
            )
            report("POST /match/default (ours)", lat, err, el)
            lat_h, err_h, el_h = asyncio.run(
                hammer(
                    base, "GET", "/api/health", [None], args.clients, args.requests, args.seconds
                )
            )
            report("GET /api/health (HTTP floor)", lat_h, err_h, el_h)
        finally:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
        times = in_process(db, names)
        report("Screener.screen in-process", times, 0, sum(times))
        if err:
            log.close()
            lines = (Path(tmp) / "server.log").read_text(errors="replace").splitlines()
            tail = "\n".join(line for line in lines if '" 200 OK' not in line)[-3000:]
            sys.exit(f"{err} /match requests failed; the server's log ends:\n{tail}")


if __name__ == "__main__":
    main()
