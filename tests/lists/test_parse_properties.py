"""Property tests: the OFAC remarks/row parsing and the date parsing never crash on
arbitrary text, and valid values round-trip."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch.lists.common import split_programmes
from sanctionwatch.lists.dates import parse_birth_date, parse_date, parse_partial
from sanctionwatch.lists.model import Entity, IdentifierKind, NameKind, PartialDate
from sanctionwatch.lists.ofac import parse_sdn_row
from sanctionwatch.lists.ofac_remarks import parse_remarks, split_clauses

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
dates = st.dates(min_value=date(1000, 1, 1), max_value=date(2999, 12, 31))
text = st.text(max_size=300)
keyish = st.sampled_from(
    ["DOB ", "alt. DOB ", "POB ", "nationality ", "Passport ", "IMO ", "MMSI ", "SWIFT/BIC ",
     "Gender ", "a.k.a. '", "f.k.a. '", "'", ";", "; ", "(", ")", "circa ", " to ", "00/00/"]
)  # fmt: skip
remarkish = st.lists(st.one_of(keyish, st.text(max_size=12)), max_size=30).map("".join)


@given(st.one_of(text, remarkish))
@settings(max_examples=300, deadline=None)
def test_remarks_never_crash(value: str) -> None:
    facts = parse_remarks(value)
    for name in facts.names:
        assert name.full.strip() == name.full and name.full
    for ident in facts.identifiers:
        assert ident.value
    assert all(c for c in split_clauses(value))


@given(st.lists(st.one_of(text, remarkish, st.just("-0- ")), min_size=0, max_size=14))
@settings(max_examples=200, deadline=None)
def test_sdn_row_never_crashes(row: list[str]) -> None:
    entity = parse_sdn_row(row)
    assert isinstance(entity, Entity)
    assert all(p and "]" not in p and "[" not in p for p in entity.programmes)


@given(st.lists(st.from_regex(r"[A-Z0-9\-]{1,12}", fullmatch=True), min_size=1, max_size=5))
@settings(deadline=None)
def test_programmes_round_trip(programs: list[str]) -> None:
    unique = list(dict.fromkeys(programs))
    assert split_programmes("] [".join(unique)) == unique


@given(dates, st.sampled_from(["%d %b %Y", "%Y-%m-%d", "%d/%m/%Y"]), st.booleans())
@settings(deadline=None)
def test_birth_date_round_trip(day: date, fmt: str, circa: bool) -> None:
    written = f"{day.day:02d} {MONTHS[day.month - 1]} {day.year}" if fmt == "%d %b %Y" else ""
    if not written:
        written = f"{day.year:04d}-{day.month:02d}-{day.day:02d}"
        if fmt == "%d/%m/%Y":
            written = f"{day.day:02d}/{day.month:02d}/{day.year:04d}"
    dob = parse_birth_date(("circa " if circa else "") + written)
    assert dob is not None
    assert dob.start == PartialDate(day.year, day.month, day.day)
    assert dob.approximate is circa
    assert parse_date(written) == day


@given(st.integers(1000, 2999), st.integers(0, 12))
@settings(deadline=None)
def test_partial_dates_with_unknown_parts(year: int, month: int) -> None:
    pd = parse_partial(f"00/{month:02d}/{year}")
    assert pd == PartialDate(year, month or None)
    assert parse_partial(str(pd)) == pd


@given(st.integers(1000, 2998), st.integers(1, 50))
@settings(deadline=None)
def test_year_ranges(start: int, span: int) -> None:
    end = min(start + span, 2999)
    dob = parse_birth_date(f"{start} to {end}")
    assert dob is not None and dob.start == PartialDate(start) and dob.end == PartialDate(end)


@given(text)
@settings(max_examples=300, deadline=None)
def test_dates_never_crash(value: str) -> None:
    parse_partial(value)
    parse_birth_date(value)
    parse_date(value)


@given(
    dates,
    st.from_regex(r"[A-Z]{0,2}[0-9]{6,9}", fullmatch=True),
    st.from_regex(r"[0-9]{7}", fullmatch=True),
    st.from_regex(r"[A-Z][A-Za-z \-]{1,20}[a-z]", fullmatch=True),
)
@settings(deadline=None)
def test_remarks_round_trip(day: date, passport: str, imo: str, alias: str) -> None:
    remarks = (
        f"DOB {day.day:02d} {MONTHS[day.month - 1]} {day.year}; nationality Korea, North; "
        f"Passport {passport} (Korea, North); Vessel Registration Identification IMO {imo}; "
        f"Gender Female; a.k.a. '{alias}'; Linked To: SOMETHING."
    )
    facts = parse_remarks(remarks)
    assert facts.birth_dates[0].start == PartialDate(day.year, day.month, day.day)
    assert facts.nationalities == ["kp"]
    assert facts.gender == "female"
    ids = {(i.kind, i.value, i.country) for i in facts.identifiers}
    assert (IdentifierKind.PASSPORT, passport, "kp") in ids
    assert (IdentifierKind.IMO, imo, None) in ids
    assert [(n.full, n.kind) for n in facts.names] == [
        (" ".join(alias.split()), NameKind.STRONG_ALIAS)
    ]


cell = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)


@given(
    st.lists(
        st.tuples(cell, st.sampled_from(["individual", "vessel", "aircraft", "-0- "]), cell),
        min_size=1,
        max_size=20,
    )
)
@settings(max_examples=60, deadline=None)
def test_sdn_csv_file_round_trip(rows: list[tuple[str, str, str]]) -> None:
    """Rows written the way OFAC writes them (CRLF, quoted, 0x1A at the end) read back."""
    import csv
    import io
    import tempfile
    from pathlib import Path

    from sanctionwatch.lists.common import clean
    from sanctionwatch.lists.registry import parse_file

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_NONNUMERIC)
    for i, (name, sdn_type, remarks) in enumerate(rows, start=1):
        writer.writerow([i, name, sdn_type, "DPRK3] [DPRK4", *["-0- "] * 7, remarks or "-0- "])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sdn.csv"
        path.write_bytes(buf.getvalue().encode("utf-8") + b"\x1a")
        entities = list(parse_file(path, "ofac-csv").entities)
    assert [e.ref for e in entities] == [str(i) for i in range(1, len(rows) + 1)]
    for entity, (name, _type, remarks) in zip(entities, rows, strict=True):
        assert entity.programmes == ["DPRK3", "DPRK4"]
        assert entity.remarks == clean(remarks)
        if clean(name):
            assert entity.names[0].full == clean(name)
            assert entity.names[0].kind is NameKind.PRIMARY
