"""The compliance commands from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from sanctionwatch.cli import app

runner = CliRunner()

CSV = (
    "indicator,state,category,period,value,unit,source,note\n"
    'visas,RU,tourist,2018,"2,035",visas,Interior Ministry,\n'
    'visas,RU,tourist,2019,"16,613",visas,Interior Ministry,experts suspect illegal work\n'
)


def run(db: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["--db", str(db), *args])
    return result.exit_code, result.output


def test_indicator_import_then_bad_file_leaves_data(tmp_path: Path) -> None:
    from sanctionwatch.compliance.repo import ComplianceRepository
    from sanctionwatch.settings import Settings
    from sanctionwatch.store.db import open_store

    db = tmp_path / "sw.db"
    good = tmp_path / "visas.csv"
    good.write_text(CSV, encoding="utf-8")
    code, out = run(db, "indicators", "import", str(good))
    assert code == 0, out
    assert "imported 2 points in 1 series" in out
    bad = tmp_path / "bad.csv"
    bad.write_text(CSV.replace('"16,613"', "lots"), encoding="utf-8")
    code, out = run(db, "indicators", "import", str(bad))
    assert code == 1
    assert "line 3: value 'lots' is not a number" in " ".join(out.split())
    code, out = run(db, "indicators", "list", "--json")
    assert code == 0, out
    [surge] = json.loads(out)["surges"]
    assert surge["ratio"] == round(16613 / 2035, 3) and surge["obligation_id"] == "2397-OP8"
    assert surge["suspicion"] == "experts suspect illegal work"
    code, out = run(db, "indicators", "list", "--json", "--surge-threshold", "9")
    assert json.loads(out)["surges"] == []
    code, out = run(db, "indicators")
    assert code == 0 and "x8.2" in out
    repo = ComplianceRepository(open_store(Settings(home=tmp_path, db_url=f"sqlite:///{db}")))
    series = repo.series("RU")
    assert [(p.period, p.value) for s in series for p in s.points] == [
        ("2018", 2035.0),
        ("2019", 16613.0),
    ]


def test_record_filing_and_bad_options(tmp_path: Path) -> None:
    db = tmp_path / "sw.db"
    code, out = run(db, "record-filing", "--state", "RU", "--obligation", "2397-OP8",
                    "--filed", "2020-03-27")  # fmt: skip
    assert code == 0, out
    code, out = run(db, "record-filing", "--state", "Russia", "--obligation", "2397-OP8",
                    "--filed", "2020-03-27")  # fmt: skip
    assert code == 1 and "not an ISO 3166" in out
    code, out = run(db, "record-filing", "--state", "RU", "--obligation", "2397-OP8",
                    "--filed", "March")  # fmt: skip
    assert code == 1 and "not a date" in out
    code, out = run(db, "report", "--state", "RU", "--obligation", "2397-OP8", "--format", "doc")
    assert code == 1 and "choose md, html or pdf" in out
    code, out = run(db, "report", "--state", "RU", "--obligation", "2397-OP8", "--format", "pdf")
    assert code == 1 and "needs --output" in out


def test_empty_store_and_clear_errors(tmp_path: Path) -> None:
    db = tmp_path / "sw.db"
    code, out = run(db, "assess")
    assert code == 0 and "No evidence about any obligation" in out
    code, out = run(db, "assess", "--state", "RU", "--obligation", "9999-OP1")
    assert code == 1 and "'9999-OP1' is not in the knowledge base" in out
    code, out = run(db, "assess", "--as-of", "yesterday")
    assert code == 1 and "is not a date" in out
    code, out = run(db, "alerts", "--ack", "nosuchkey")
    assert code == 1 and "no current alert has the key 'nosuchkey'" in out
    code, out = run(db, "contradictions")
    assert code == 0 and "No contradictions found." in out
    code, out = run(db, "indicators", "import", str(tmp_path / "missing.csv"))
    assert code == 1 and "cannot read" in out
    code, out = run(db, "report", "--state", "RU", "--obligation", "2397-OP8")
    assert code == 0
    assert "## Status: no information" in out
    assert "missed: the final report on repatriation was due 2020-03-22" in out
