"""A fresh app over a temporary SQLite store for each test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sanctionwatch.settings import Settings
from sanctionwatch.store.db import Store, open_store
from sanctionwatch.web.app import create_app


def make_settings(home: Path, **extra: object) -> Settings:
    return Settings(home=home, **extra)  # type: ignore[arg-type]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path)


@pytest.fixture
def store(settings: Settings) -> Iterator[Store]:
    store = open_store(settings)
    yield store
    store.dispose()


@pytest.fixture
def client(settings: Settings, store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(settings, store=store)) as client:
        yield client
