"""schemathesis against the OpenAPI spec: generated requests to every operation, a
bounded number of examples each, and not one server error (5xx)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from sanctionwatch.settings import Settings
from sanctionwatch.store.db import open_store
from sanctionwatch.web.app import create_app
from tests.conftest import shared_file
from tests.web.live import load_lists

schemathesis = pytest.importorskip("schemathesis")

pytestmark = pytest.mark.slow
EXAMPLES = 20


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    pytest.importorskip("sanctionwatch.lists.registry")
    # No network: a URL given to the documents API fails at once instead of waiting.
    config = Settings(home=tmp_path_factory.mktemp("schema"), http_timeout=0.5, http_retries=1)
    store = open_store(config)
    load_lists(store, [(shared_file("lists/un/consolidated_2026-02-27.xml"), None)])
    yield schemathesis.openapi.from_asgi("/openapi.json", create_app(config, store=store))
    store.dispose()


def operations(api_schema: Any) -> list[Any]:
    return [result.ok() for result in api_schema.get_all_operations()]


def test_every_operation_without_server_error(api_schema: Any) -> None:
    failures: list[str] = []
    tested = 0
    for operation in operations(api_schema):

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            derandomize=True,  # the same examples every run: CI is not flaky
            suppress_health_check=list(HealthCheck),
        )
        def check(case: Any) -> None:
            response = case.call()
            if response.status_code >= 500:
                failures.append(
                    f"{case.method} {case.formatted_path} -> {response.status_code}: "
                    f"{response.text[:300]}"
                )

        check()
        tested += 1
    assert tested >= 25  # every documented operation was exercised
    assert not failures, "\n".join(failures[:10])
