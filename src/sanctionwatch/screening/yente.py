"""``POST /match/{dataset}`` in yente's request and response shapes, as pure functions.

The web layer mounts :func:`match` on a route; everything here is independent of
HTTP. A request holds named queries, each an FtM-style example entity
(``{"schema": "Person", "properties": {"name": [...], "birthDate": [...]}}``); the
response holds, per query, the scored results with their features and a ``match``
flag, as yente does. A query that cannot be screened (no name, bad date) gets
``status`` 400 and an ``error`` text without failing the other queries.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from sanctionwatch.errors import InputError, NotFoundError
from sanctionwatch.lists.model import Entity, EntityKind, IdentifierKind
from sanctionwatch.screening.screener import Screener
from sanctionwatch.screening.types import Match, Query

__all__ = [
    "EntityExample",
    "EntityMatchQuery",
    "EntityMatchResponse",
    "EntityMatches",
    "MatcherInfo",
    "ScoredEntityResponse",
    "TotalSpec",
    "example_to_queries",
    "match",
]

SCHEMA_KIND = {
    "Person": EntityKind.PERSON,
    "Company": EntityKind.ORGANISATION,
    "Organization": EntityKind.ORGANISATION,
    "LegalEntity": EntityKind.ORGANISATION,
    "PublicBody": EntityKind.ORGANISATION,
    "Vessel": EntityKind.VESSEL,
    "Airplane": EntityKind.AIRCRAFT,
}
KIND_SCHEMA = {
    EntityKind.PERSON: "Person",
    EntityKind.ORGANISATION: "Organization",
    EntityKind.VESSEL: "Vessel",
    EntityKind.AIRCRAFT: "Airplane",
}
ID_PROPS = (
    "imoNumber",
    "mmsi",
    "passportNumber",
    "idNumber",
    "registrationNumber",
    "taxNumber",
    "swiftBic",
    "leiCode",
)
COUNTRY_PROPS = ("nationality", "country", "citizenship", "jurisdiction", "flag")
ALL_DATASETS = {"default", "all", "sanctions"}


class EntityExample(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    id: str | None = None
    schema_: str = Field("Thing", alias="schema")
    properties: dict[str, str | list[Any]] = Field(default_factory=dict)


class EntityMatchQuery(BaseModel):
    weights: dict[str, float] = Field(default_factory=dict)
    config: dict[str, Any] = Field(default_factory=dict)
    queries: dict[str, EntityExample]


class TotalSpec(BaseModel):
    value: int
    relation: str = "eq"


class ScoredEntityResponse(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    id: str
    caption: str
    schema_: str = Field(alias="schema")
    properties: dict[str, list[str]]
    datasets: list[str]
    referents: list[str] = Field(default_factory=list)
    target: bool = True
    score: float
    features: dict[str, float]
    match: bool
    explanations: dict[str, str] = Field(default_factory=dict)


class EntityMatches(BaseModel):
    status: int = 200
    error: str | None = None
    results: list[ScoredEntityResponse]
    total: TotalSpec
    query: EntityExample


class MatcherInfo(BaseModel):
    name: str
    description: str
    threshold: float


class EntityMatchResponse(BaseModel):
    responses: dict[str, EntityMatches]
    matcher: MatcherInfo
    limit: int


def _values(props: dict[str, str | list[Any]], key: str) -> list[str]:
    raw = props.get(key, [])
    items = [raw] if isinstance(raw, str) else raw
    return [str(v).strip() for v in items if v is not None and str(v).strip()]


def example_to_queries(example: EntityExample) -> list[Query]:
    """One :class:`Query` per name of the example (its other facts shared by all)."""
    props = example.properties
    kind = SCHEMA_KIND.get(example.schema_)
    names = _values(props, "name") + _values(props, "alias")
    given = " ".join(_values(props, "firstName") + _values(props, "middleName"))
    family = " ".join(_values(props, "lastName"))
    if (given or family) and not names:
        names.append(f"{given} {family}".strip())
    births = _values(props, "birthDate")
    birth = births[0][:10] if births else None
    countries = [c for p in COUNTRY_PROPS for c in _values(props, p)]
    idents = [i for p in ID_PROPS for i in _values(props, p)]
    if not names and not idents:
        raise InputError("the query has no name and no identifier")
    return [
        Query(
            n,
            kind=kind,
            birth_date=birth,
            country=countries[0] if countries else None,
            identifiers=idents,
        )
        for n in (names or [""])
    ]


def _entity_response(match: Match, threshold: float) -> ScoredEntityResponse:
    entity: Entity = match.entity
    props: dict[str, list[str]] = {"name": [entity.primary_name]}
    aliases = [n.full for n in entity.names if n.full != entity.primary_name]
    if aliases:
        props["alias"] = aliases
    if entity.birth_dates:
        props["birthDate"] = [str(b.start) for b in entity.birth_dates]
    if entity.nationalities:
        props["nationality"] = list(entity.nationalities)
    imos = [i.value for i in entity.identifiers if i.kind is IdentifierKind.IMO]
    if imos:
        props["imoNumber"] = imos
    passports = [i.value for i in entity.identifiers if i.kind is IdentifierKind.PASSPORT]
    if passports:
        props["passportNumber"] = passports
    if entity.programmes:
        props["program"] = list(entity.programmes)
    return ScoredEntityResponse(
        id=f"{entity.source}-{entity.ref}",
        caption=entity.primary_name,
        schema=KIND_SCHEMA.get(entity.kind, "LegalEntity"),
        properties=props,
        datasets=[entity.source],
        score=match.score,
        features={f.name: round(f.weight, 4) for f in match.explanation},
        match=match.score >= threshold,
        explanations={f.name: f.detail for f in match.explanation},
    )


def _in_dataset(entity: Entity, dataset: str) -> bool:
    return dataset in ALL_DATASETS or entity.source.startswith(dataset)


def match(
    screener: Screener,
    dataset: str,
    request: EntityMatchQuery,
    *,
    limit: int = 5,
    threshold: float | None = None,
    cutoff: float = 0.0,
) -> EntityMatchResponse:
    """Answer a yente-style match request against the screener's lists."""
    if limit < 1 or limit > 500:
        raise InputError("limit must be between 1 and 500")
    known = {r.entity.source for r in screener.index.records}
    if dataset not in ALL_DATASETS and not any(s.startswith(dataset) for s in known):
        raise NotFoundError(f"no dataset {dataset!r}; known: {', '.join(sorted(known))}")
    cut = screener.threshold if threshold is None else threshold
    responses: dict[str, EntityMatches] = {}
    for key, example in request.queries.items():
        try:
            queries = example_to_queries(example)
        except InputError as exc:
            responses[key] = EntityMatches(
                status=400, error=exc.message, results=[], total=TotalSpec(value=0), query=example
            )
            continue
        best: dict[str, Match] = {}
        for query in queries:
            for m in screener.screen(query, limit=limit * 3, threshold=cutoff):
                if _in_dataset(m.entity, dataset) and (
                    m.key not in best or m.score > best[m.key].score
                ):
                    best[m.key] = m
        ranked = sorted(best.values(), key=lambda m: -m.score)[:limit]
        results = [_entity_response(m, cut) for m in ranked]
        responses[key] = EntityMatches(
            results=results, total=TotalSpec(value=len(results)), query=example
        )
    info = MatcherInfo(
        name=screener.algorithm.name,
        description=(type(screener.algorithm).__doc__ or "").strip(),
        threshold=cut,
    )
    return EntityMatchResponse(responses=responses, matcher=info, limit=limit)
