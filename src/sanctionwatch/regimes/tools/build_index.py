"""Write ``data/resolutions.csv`` from a resolution list in the shared data's columns.

Usage::

    python -m sanctionwatch.regimes.tools.build_index SOURCE.csv [--out PATH]

SOURCE has the columns ``number, date, title_or_subject, country_or_topic, regime``.
Each row becomes ``number, adopted, subject, topic, regime`` where ``regime`` is the
knowledge base's regime key ("dprk", "iran") or empty. Long agenda items are shortened.
Resolutions published after the source was made go into ``data/resolutions_added.csv``
by hand (same columns plus ``source``); this script leaves that file alone.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

__all__ = ["REGIME_FIXES", "REGIME_KEYS", "TOPIC_FIXES", "convert", "main"]

# Regime labels of the source, mapped to the knowledge base's keys.
REGIME_KEYS = {"DPRK 1718": "dprk"}
# Resolutions the source files under a thematic agenda item ("Non-proliferation") although
# they concern one country: (topic, regime key).
TOPIC_FIXES = {
    1696: ("Iran", None),
    1737: ("Iran", "iran"),
    1747: ("Iran", "iran"),
    1803: ("Iran", "iran"),
    1835: ("Iran", "iran"),
    1929: ("Iran", "iran"),
    2224: ("Iran", "iran"),
    2231: ("Iran (JCPOA endorsement)", "iran"),
}
# Sanctions resolutions of regimes the source does not flag: (topic, regime key).
REGIME_FIXES = {1970: ("Libya", "libya"), 1973: ("Libya", "libya")}
SUBJECT_MAX = 160
COLUMNS = ("number", "adopted", "subject", "topic", "regime")


def _short(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= SUBJECT_MAX:
        return text
    return text[: SUBJECT_MAX - 1].rsplit(" ", 1)[0] + "…"


def convert(rows: Iterable[dict[str, str]]) -> Iterator[dict[str, str]]:
    """Index rows from source rows; rows without a single-day date are skipped."""
    for row in rows:
        number = int(row["number"])
        when = (row.get("date") or "").strip()
        if not when:
            continue
        date.fromisoformat(when)  # refuses anything but YYYY-MM-DD
        topic = " ".join((row.get("country_or_topic") or "").split())
        regime = REGIME_KEYS.get((row.get("regime") or "").strip(), "")
        if number in TOPIC_FIXES or number in REGIME_FIXES:
            topic, fixed = TOPIC_FIXES.get(number) or REGIME_FIXES[number]
            regime = fixed or regime
        subject = _short(row.get("title_or_subject") or "")
        yield {
            "number": str(number),
            "adopted": when,
            "subject": subject,
            "topic": _short(topic) or subject,
            "regime": regime,
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parents[1] / "data" / "resolutions.csv"
    )
    args = parser.parse_args(argv)
    with args.source.open(encoding="utf-8", newline="") as fh:
        rows = sorted(convert(csv.DictReader(fh)), key=lambda r: int(r["number"]))
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} resolutions to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
