"""Screening a CSV file of names: streaming, on every core, one bad row never stops it.

Rows are read lazily, screened in blocks by a pool of worker processes that share
the index (forked, copy-on-write), and written in input order as each block
finishes. A row that cannot be screened (empty name, bad date, undecodable bytes)
gets ``status=error`` and the reason in the output; the batch carries on.
"""

from __future__ import annotations

import codecs
import csv
import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from sanctionwatch.errors import InputError
from sanctionwatch.screening.screener import Screener
from sanctionwatch.screening.types import Query, parse_kind

__all__ = ["OUTPUT_COLUMNS", "BatchSummary", "ColumnMap", "screen_file"]

OUTPUT_COLUMNS = [
    "status",
    "error",
    "match_count",
    "best_score",
    "best_source",
    "best_ref",
    "best_name",
    "matched_name",
    "explanation",
    "matches",
]
BLOCK = 4096  # rows per block handed to the pool: workers idle only between blocks
SNIFF = 8192  # bytes checked up front for a wrong encoding
_SCREENER: Screener | None = None


@dataclass(slots=True)
class ColumnMap:
    """Which input columns hold the name and the optional facts."""

    name: str = "name"
    kind: str | None = None
    birth_date: str | None = None
    country: str | None = None
    identifier: str | None = None

    def used(self) -> list[str]:
        cols = [self.name, self.kind, self.birth_date, self.country, self.identifier]
        return [c for c in cols if c]


@dataclass(slots=True)
class BatchSummary:
    rows: int = 0
    errors: int = 0
    matched: int = 0
    error_rows: list[int] = field(default_factory=list)


def _lines(raw: IO[bytes], encoding: str, bad: set[int]) -> Iterator[str]:
    for number, line in enumerate(raw, start=1):
        try:
            yield line.decode(encoding)
        except UnicodeDecodeError:
            bad.add(number)
            yield line.decode(encoding, errors="replace")


def _check_start(head: bytes, path: Path, encoding: str) -> None:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in head[:4096]:
        raise InputError(f"{path}: looks like UTF-16 or binary, not {encoding} CSV text")
    try:
        head.decode(encoding)
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not merely a character cut at the block's end
            raise InputError(
                f"{path}: not {encoding} text (byte {exc.start}); pass the file's encoding, "
                "for example --encoding latin-1"
            ) from exc


def _screen_row(item: tuple[int, dict[str, str], bool, ColumnMap, float, int]) -> list[str]:
    number, row, undecodable, cols, threshold, limit = item
    screener = _SCREENER
    assert screener is not None
    if undecodable:
        return ["error", f"line {number}: bytes not valid in the file's encoding"] + [""] * 8
    try:
        ident = row.get(cols.identifier or "", "") or ""
        query = Query(
            row.get(cols.name, "") or "",
            kind=parse_kind(row.get(cols.kind or "") or None),
            birth_date=row.get(cols.birth_date or "") or None,
            country=row.get(cols.country or "") or None,
            identifiers=[i for i in ident.replace(";", "|").split("|") if i.strip()],
        )
        matches = screener.hits(query, limit=limit, threshold=threshold)
    except InputError as exc:
        return ["error", f"row {number}: {exc.message}"] + [""] * 8
    if not matches:
        return ["ok", "", "0"] + [""] * 7
    top = matches[0]
    return [
        "ok",
        "",
        str(len(matches)),
        f"{top.score:.4f}",
        top.record.source,
        top.record.ref,
        top.record.primary,
        top.matched_name,
        " | ".join(f"{f.name}: {f.detail}" for f in top.scored.features),
        " | ".join(f"{m.key}={m.score:.3f}" for m in matches),
    ]


def screen_file(
    screener: Screener,
    src: Path,
    dst: Path,
    *,
    columns: ColumnMap | None = None,
    threshold: float | None = None,
    limit: int = 5,
    workers: int | None = None,
    encoding: str = "utf-8-sig",
    progress: Callable[[int], None] | None = None,
) -> BatchSummary:
    """Screen every row of ``src`` and write the input plus result columns to ``dst``."""
    cols = columns or ColumnMap()
    cut = screener.threshold if threshold is None else threshold
    try:
        codecs.lookup(encoding)
    except LookupError as exc:
        raise InputError(f"unknown encoding {encoding!r}") from exc
    if not src.is_file():
        raise InputError(f"{src}: no such file")
    summary = BatchSummary()
    with src.open("rb") as raw:
        _check_start(raw.read(SNIFF), src, encoding)
        raw.seek(0)
        bad: set[int] = set()
        reader = csv.reader(_lines(raw, encoding, bad))
        try:
            header = next(reader)
        except StopIteration:
            raise InputError(f"{src}: the file is empty") from None
        except csv.Error as exc:
            raise InputError(f"{src}: not a readable CSV header: {exc}") from exc
        header = [h.strip() for h in header]
        missing = [c for c in cols.used() if c not in header]
        if missing:
            raise InputError(
                f"{src}: column(s) {', '.join(missing)} not found; the file has: "
                f"{', '.join(header) or '(none)'}"
            )
        global _SCREENER
        _SCREENER = screener
        nproc = max(1, workers or os.cpu_count() or 1)
        fork = "fork" in multiprocessing.get_all_start_methods()
        pool = None
        if fork and nproc > 1:
            # Workers share the parent's memory: build the index's names and records
            # and load the data tables once here, and keep them out of the collector's
            # sight (a collection in a worker would otherwise touch, and so copy,
            # every page of them).
            screener.warm()
            gc.freeze()
            pool = multiprocessing.get_context("fork").Pool(nproc)
        try:
            with dst.open("w", newline="", encoding="utf-8") as out:
                writer = csv.writer(out)
                writer.writerow(header + OUTPUT_COLUMNS)
                for block in _blocks(reader, header, bad, cols, cut, limit, src):
                    results = (
                        pool.map(_screen_row, block, chunksize=64)
                        if pool is not None
                        else [_screen_row(item) for item in block]
                    )
                    for item, result in zip(block, results, strict=True):
                        row = item[1]
                        writer.writerow([row.get(h, "") for h in header] + result)
                        summary.rows += 1
                        if result[0] == "error":
                            summary.errors += 1
                            summary.error_rows.append(item[0])
                        elif result[2] != "0":
                            summary.matched += 1
                    if progress is not None:
                        progress(len(block))
        finally:
            if pool is not None:
                pool.close()
                pool.join()
    return summary


def _blocks(
    reader: Iterator[list[str]],
    header: list[str],
    bad: set[int],
    cols: ColumnMap,
    cut: float,
    limit: int,
    src: Path,
) -> Iterator[list[tuple[int, dict[str, str], bool, ColumnMap, float, int]]]:
    block: list[tuple[int, dict[str, str], bool, ColumnMap, float, int]] = []
    number = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise InputError(f"{src}: CSV broken after data row {number - 1}: {exc}") from exc
        number += 1
        if not any(c.strip() for c in cells):
            continue
        row = dict(zip(header, cells, strict=False))
        line = getattr(reader, "line_num", number)
        block.append((number, row, line in bad, cols, cut, limit))
        if len(block) >= BLOCK:
            yield block
            block = []
    if block:
        yield block
