"""Import time and peak memory per real list file into a fresh SQLite store.

Each measurement runs in its own subprocess, so the peak resident memory (ru_maxrss) is
that of one import alone. Side by side, the reference: the same file read with the plain
standard library (csv / ElementTree / zipfile), which only counts records and stores
nothing. Targets: the OFAC sdn.csv (~15k rows) and the UK ConList.xlsx each under 10 s and
under 500 MB.

    PYTHONPATH=src python bench/lists_import.py            # the default real files
    PYTHONPATH=src python bench/lists_import.py FILE ...   # any list files
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import Any

DEFAULT_FILES = (
    "lists/ofac/sdn_csv_2024-05-03/sdn.csv",
    "lists/uk/ConList_2025-04-14.xlsx",
    "lists/un/consolidated_2026-02-27.xml",
    "lists/ofac/consolidated_nonsdn_2025-03-28.xml",
    "lists/uk/ConList_2025-04-14.derived-from-xlsx.csv",
)
TARGETS = {"sdn.csv": (10.0, 500.0), "ConList_2025-04-14.xlsx": (10.0, 500.0)}
XLSX_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def cpu_seconds() -> float:
    """CPU time of this process so far: unlike wall time, not inflated when other work
    shares the CPU."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def reference_parse(path: Path) -> int:
    """Records in the file, read with the standard library only."""
    if path.suffix == ".csv":
        with path.open(newline="", encoding="utf-8", errors="replace") as fh:
            return sum(1 for _ in csv.reader(fh))
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as zf:
            with zf.open("xl/sharedStrings.xml") as fh:
                strings = [
                    "".join(t.text or "" for t in si.iter(f"{XLSX_NS}t"))
                    for si in ET.parse(fh).getroot()
                ]
            rows = 0
            with zf.open("xl/worksheets/sheet1.xml") as fh:
                for _, el in ET.iterparse(fh):
                    if el.tag == f"{XLSX_NS}row":
                        cells = [c.findtext(f"{XLSX_NS}v") for c in el]
                        rows += bool(cells)
                        el.clear()
            assert strings
            return rows
    root = ET.parse(path).getroot()
    return sum(
        1 for el in root.iter() if el.tag.split("}")[-1] in ("INDIVIDUAL", "ENTITY", "sdnEntry")
    )


def ours(path: Path) -> dict[str, object]:
    from sanctionwatch.lists import registry
    from sanctionwatch.lists.update import file_sha256, list_files
    from sanctionwatch.settings import Settings
    from sanctionwatch.store.db import open_store
    from sanctionwatch.store.lists_repo import ListRepository

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Settings(home=Path(tmp), db_url=f"sqlite:///{tmp}/bench.db"))
        start, cpu = time.perf_counter(), cpu_seconds()
        snapshot = registry.parse_file(path)
        info = ListRepository(store).import_snapshot(
            snapshot,
            file_sha256=file_sha256(list_files(path, snapshot.format)),
            origin=str(path),
        )
        seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu
        store.dispose()
    return {"seconds": seconds, "cpu": cpu, "peak_mb": peak_mb(), "count": info.entity_count}


def parse_only(path: Path) -> dict[str, object]:
    from sanctionwatch.lists import registry

    start, cpu = time.perf_counter(), cpu_seconds()
    count = sum(1 for _ in registry.parse_file(path).entities)
    return {
        "seconds": time.perf_counter() - start,
        "cpu": cpu_seconds() - cpu,
        "peak_mb": peak_mb(),
        "count": count,
    }


def child(mode: str, path: Path) -> None:
    if mode == "ours":
        result = ours(path)
    elif mode == "parse":
        result = parse_only(path)
    else:
        start, cpu = time.perf_counter(), cpu_seconds()
        count = reference_parse(path)
        result = {
            "seconds": time.perf_counter() - start,
            "cpu": cpu_seconds() - cpu,
            "peak_mb": peak_mb(),
            "count": count,
        }
    print(json.dumps(result))


def measure(mode: str, path: Path) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(path)],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        check=False,
    )
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["failed"])[-1]
        return {"error": last[:100]}
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--child", nargs=2, metavar=("MODE", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]))
        return
    data = Path(
        os.environ.get("SANCTIONWATCH_SHARED_DATA", Path(__file__).parents[2] / "shared" / "data")
    )
    files = args.files or [data / rel for rel in DEFAULT_FILES]
    missing = [f for f in files if not f.exists()]
    if missing:
        sys.exit(f"missing files (set SANCTIONWATCH_SHARED_DATA): {', '.join(map(str, missing))}")
    print("ours = parse + store into a fresh SQLite file; parse = our parser alone;")
    print("stdlib = the same file read with csv/ElementTree/zipfile, nothing stored.")
    print("s = wall seconds, cpu = CPU seconds of the process, MB = peak resident memory.")
    print(f"load average before the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    header = (
        f"{'file':40} {'MB':>4} | {'entities':>8} {'s':>6} {'cpu':>6} {'MB':>4} "
        f"{'parse cpu':>9} | {'records':>7} {'s':>5} {'cpu':>5} {'MB':>4} | target"
    )
    print(header)
    print("-" * len(header))
    for path in files:
        o, p, r = measure("ours", path), measure("parse", path), measure("ref", path)
        size = path.stat().st_size / 1e6
        name = f"{path.parent.name}/{path.name}"[-40:]
        if "error" in o:
            ours_cols = f"{'-':>8} {'-':>6} {'-':>6} {'-':>4} {'-':>9}"
            verdict = f"ours failed: {o['error']}"
        else:
            ours_cols = (
                f"{o['count']:>8} {o['seconds']:>6.2f} {o['cpu']:>6.2f} {o['peak_mb']:>4.0f} "
                f"{p.get('cpu', 0):>9.2f}"
            )
            limit = TARGETS.get(path.name)
            if limit:
                wall_ok = o["seconds"] < limit[0]
                cpu_ok = o["cpu"] < limit[0]
                mem_ok = o["peak_mb"] < limit[1]
                verdict = (
                    f"<{limit[0]:.0f} s: wall {'met' if wall_ok else 'MISSED'}, "
                    f"cpu {'met' if cpu_ok else 'MISSED'}; "
                    f"<{limit[1]:.0f} MB: {'met' if mem_ok else 'MISSED'}"
                )
            else:
                verdict = ""
        ref_cols = (
            f"{r.get('count', '-'):>7} {r.get('seconds', 0):>5.2f} {r.get('cpu', 0):>5.2f} "
            f"{r.get('peak_mb', 0):>4.0f}"
        )
        print(f"{name:40} {size:>4.1f} | {ours_cols} | {ref_cols} | {verdict}")


if __name__ == "__main__":
    main()
