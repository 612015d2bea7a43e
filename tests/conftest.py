"""Shared fixtures: where the real data lives, and a fresh store per test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def shared_data_dir() -> Path:
    """``SANCTIONWATCH_SHARED_DATA`` or ``../shared/data`` beside the checkout."""
    env = os.environ.get("SANCTIONWATCH_SHARED_DATA")
    return Path(env) if env else REPO.parent / "shared" / "data"


def shared_seeds_dir() -> Path:
    return shared_data_dir().parent / "seeds"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    path = shared_data_dir()
    if not path.is_dir():
        pytest.skip(f"shared data not found at {path} (set SANCTIONWATCH_SHARED_DATA)")
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    path = shared_seeds_dir()
    if not path.is_dir():
        pytest.skip(f"seed articles not found at {path}")
    return path


def shared_file(relative: str) -> Path:
    """A file under the shared data folder, or skip the test cleanly."""
    path = shared_data_dir() / relative
    if not path.exists():
        pytest.skip(f"shared data file missing: {path}")
    return path


@pytest.fixture(autouse=True, scope="session")
def _private_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Commands run through the CLI in tests keep their files (saved screening indexes,
    downloads) in a temporary home, never in the user's data folder. A test that names
    its own ``SANCTIONWATCH_HOME`` still gets it."""
    if "SANCTIONWATCH_HOME" in os.environ:
        yield None
        return
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SANCTIONWATCH_HOME", str(tmp_path_factory.mktemp("sanctionwatch-home")))
        yield None
