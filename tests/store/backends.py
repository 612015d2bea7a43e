"""Storage backends every storage test runs against: SQLite always, PostgreSQL when
``SANCTIONWATCH_TEST_POSTGRES_URL`` is set. Each PostgreSQL test gets its own schema,
dropped afterwards, so repeated runs start clean."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from sanctionwatch.lists.model import (
    Entity,
    EntityKind,
    Identifier,
    IdentifierKind,
    Name,
    NameKind,
)
from sanctionwatch.settings import Settings
from sanctionwatch.store.db import Store, open_store

POSTGRES_ENV = "SANCTIONWATCH_TEST_POSTGRES_URL"
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def postgres_settings(home: Path) -> Iterator[Settings]:
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.skip(f"{POSTGRES_ENV} not set")
    schema = f"sw_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in url else "?"
    try:
        yield Settings(home=home, db_url=f"{url}{sep}options=-csearch_path%3D{schema}")
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def store_settings(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Settings]:
    if request.param == "sqlite":
        yield Settings(home=tmp_path, db_url=f"sqlite:///{tmp_path / 'store.db'}")
    else:
        yield from postgres_settings(tmp_path)


@pytest.fixture
def store(store_settings: Settings) -> Iterator[Store]:
    opened = open_store(store_settings)
    try:
        yield opened
    finally:
        opened.dispose()


def make_entity(source: str, number: int, *, remark: str | None = None) -> Entity:
    """A plausible constructed entity; ``number`` makes its ref, names and ids unique."""
    return Entity(
        source=source,
        ref=f"T{number:05d}",
        kind=EntityKind.PERSON if number % 2 else EntityKind.ORGANISATION,
        names=[
            Name(f"Test Person {number}", NameKind.PRIMARY),
            Name(f"Alias {number}", NameKind.STRONG_ALIAS),
        ],
        identifiers=[Identifier(IdentifierKind.PASSPORT, f"P{number:07d}", country="kp")],
        nationalities=["kp"],
        programmes=["DPRK"],
        listed_on=date(2017, 12, 22),
        remarks=remark,
    )
