"""Turning a :class:`Query` into forms, weights and cleaned facts, once per query."""

from __future__ import annotations

from typing import Any

from sanctionwatch.lists.countries import country_code
from sanctionwatch.lists.model import PartialDate
from sanctionwatch.names.cyrillic import CYRILLIC_SYSTEMS
from sanctionwatch.names.variants import variant_key
from sanctionwatch.screening.index import NameForm, ScreeningIndex, clean_identifier
from sanctionwatch.screening.index import prepare_forms as _forms
from sanctionwatch.screening.tokensim import TokenMatcher
from sanctionwatch.screening.types import Feature, Query

__all__ = ["PreparedQuery", "imo_valid", "prepare_query"]


def imo_valid(number: str) -> bool:
    """True for a 7-digit IMO number whose last digit is its check digit."""
    if len(number) != 7 or not number.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(number[:6], range(7, 1, -1), strict=True))
    return total % 10 == int(number[6])


class PreparedQuery:
    """A query with its name forms weighted by the index and its facts cleaned."""

    __slots__ = (
        "aligned",
        "birth",
        "country",
        "forms",
        "identifiers",
        "matchers",
        "notes",
        "query",
        "valid_imos",
    )

    def __init__(self, query: Query) -> None:
        self.query = query
        self.forms: list[NameForm] = []
        self.birth: PartialDate | None = query.birth
        self.country: str | None = None
        self.identifiers: list[str] = []
        self.valid_imos: set[str] = set()
        self.notes: list[Feature] = []
        self.matchers: list[TokenMatcher] = []  # one per form, filled as names are scored
        # NameScore by entry tokens, one dict per query form, for persons' names and others
        self.aligned: dict[bool, list[dict[Any, Any]]] = {}


def _join_known(tokens: tuple[str, ...], index: ScreeningIndex) -> tuple[str, ...] | None:
    """The tokens with each two neighbours joined whose joined spelling some list uses
    as one word ("wali jan": WALIJAN), or None when there are none. Two letters each
    at least: a lone letter is an initial."""
    out: list[str] = []
    changed = False
    k = 0
    while k < len(tokens):
        if k + 1 < len(tokens) and len(tokens[k]) >= 2 and len(tokens[k + 1]) >= 2:
            both = tokens[k] + tokens[k + 1]
            if variant_key(both) in index.by_key:
                out.append(both)
                changed = True
                k += 2
                continue
        out.append(tokens[k])
        k += 1
    return tuple(out) if changed else None


def _system_spellings(forms: list[NameForm]) -> None:
    """Each Cyrillic romanisation (names.cyrillic.CYRILLIC_SYSTEMS) spells the text word
    by word, so the forms with the same words align: each word of one may be spelt as
    another system spells it. A list writes one name in mixed systems ("Zurab
    Gayozovich MAKIEV": makiev as a passport, gayozovich as BGN/PCGN)."""
    groups: dict[tuple[int, str | None], list[NameForm]] = {}
    for form in forms:
        if form.method in CYRILLIC_SYSTEMS:
            groups.setdefault((len(form.tokens), form.legal), []).append(form)
    for group in groups.values():
        if len(group) < 2:
            continue
        spellings = [frozenset(f.tokens[i] for f in group) for i in range(len(group[0].tokens))]
        for form in group:
            if any(len(s) > 1 for s in spellings):
                form.alts = tuple(s - {t} for s, t in zip(spellings, form.tokens, strict=True))


def prepare_query(query: Query, index: ScreeningIndex) -> PreparedQuery:
    pq = PreparedQuery(query)
    forms = _forms(query.name, query.kind) if query.name else []
    extra: list[NameForm] = []
    for form in forms:
        if form.method.endswith("skeleton"):
            continue  # consonants, no words: nothing to split into known words
        split: list[str] = []
        changed = False
        for tok in form.tokens:
            parts = index.split_known(tok)
            changed = changed or parts is not None
            split.extend(parts or [tok])
        if changed:
            extra.append(NameForm(tuple(split), form.method + "+split", form.legal))
        joined = _join_known(form.tokens, index)
        if joined is not None:
            extra.append(NameForm(joined, form.method + "+joined", form.legal))
    pq.forms = forms + extra
    _system_spellings(forms)
    for form in pq.forms:
        form.weights = index.weights(form)
        # Leniency for short tokens (see token_similarity): a Latin token no list uses
        # is likely misspelt; Arabic script leaves out short vowels, so its
        # transliteration only guesses at a spelling. Pinyin and Hangul romanisations
        # are exact syllable systems: no leniency there.
        if form.method.startswith("arabic"):
            form.known = (False,) * len(form.keys)
        elif form.method.startswith("latin"):
            form.known = tuple(key in index.by_key for key in form.keys)
        else:
            form.known = (True,) * len(form.keys)
    pq.matchers = [TokenMatcher(form) for form in pq.forms]
    if query.country:
        code = country_code(query.country)
        if code is None:
            pq.notes.append(
                Feature("country", 0.0, 0.0, f"country {query.country!r} not recognised, ignored")
            )
        pq.country = code
    for raw in query.identifiers:
        ident = clean_identifier(raw)
        if not ident:
            continue
        pq.identifiers.append(ident)
        looks_imo = raw.strip().upper().startswith("IMO") or (len(ident) == 7 and ident.isdigit())
        if looks_imo:
            if imo_valid(ident):
                pq.valid_imos.add(ident)
            else:
                pq.notes.append(
                    Feature("identifier", 0.0, 0.0, f"IMO {ident} fails its check digit")
                )
    return pq
