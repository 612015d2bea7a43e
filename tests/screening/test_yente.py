"""The /match request and response shapes, as yente defines them."""

from __future__ import annotations

import pytest

from sanctionwatch.errors import InputError, NotFoundError
from sanctionwatch.screening import Screener
from sanctionwatch.screening.yente import EntityMatchQuery, match


def test_match_request_and_response(screener: Screener) -> None:
    request = EntityMatchQuery.model_validate(
        {
            "queries": {
                "q1": {
                    "schema": "Person",
                    "properties": {"name": ["Kim Jong-un"], "birthDate": ["1984-01-08"]},
                },
                "q2": {"schema": "Vessel", "properties": {"imoNumber": "IMO 8660313"}},
                "q3": {"schema": "Person", "properties": {}},
                "q4": {
                    "schema": "Person",
                    "properties": {"firstName": ["Jong Un"], "lastName": "Kim"},
                },
            }
        }
    )
    response = match(screener, "default", request, limit=3)
    data = response.model_dump(by_alias=True)
    q1 = data["responses"]["q1"]
    assert q1["status"] == 200
    first = q1["results"][0]
    assert first["id"] == "un-T.001" and first["schema"] == "Person" and first["match"] is True
    assert first["features"]["birth_date"] > 0
    assert "kim~kim" in first["explanations"]["name"]
    assert data["responses"]["q2"]["results"][0]["id"] == "ofac_sdn-9001"
    assert data["responses"]["q3"]["status"] == 400
    assert "no name" in data["responses"]["q3"]["error"]
    assert data["responses"]["q4"]["results"][0]["id"] == "un-T.001"
    assert data["matcher"]["name"] == "sw-v1" and data["limit"] == 3


def test_dataset_filter_and_unknown_dataset(screener: Screener) -> None:
    request = EntityMatchQuery.model_validate(
        {"queries": {"q": {"schema": "Vessel", "properties": {"name": "Chon Ma San"}}}}
    )
    assert match(screener, "un", request).responses["q"].results == []
    assert match(screener, "ofac", request).responses["q"].results[0].id == "ofac_sdn-9001"
    with pytest.raises(NotFoundError):
        match(screener, "nowhere", request)
    with pytest.raises(InputError):
        match(screener, "default", request, limit=0)
