"""Organisation legal forms (Co., Ltd.; LLC; ООО; GmbH; 有限公司 ...)."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from rigour.names import extract_org_types

from sanctionwatch.errors import InputError
from sanctionwatch.names._data import read_yaml
from sanctionwatch.names.text import normalize

__all__ = ["LegalFormTable", "legal_form", "legal_form_generic", "legal_forms_table"]


class LegalFormTable(NamedTuple):
    suffix: dict[tuple[str, ...], str]  # alias tokens -> canonical
    prefix: dict[tuple[str, ...], str]
    cjk: tuple[tuple[str, str], ...]  # (unspaced suffix, canonical), longest first
    generic: dict[str, str]  # canonical -> generic class
    max_len: int


@lru_cache(maxsize=1)
def legal_forms_table() -> LegalFormTable:
    """The legal-form table from data/legal_forms.yml."""
    suffix: dict[tuple[str, ...], str] = {}
    prefix: dict[tuple[str, ...], str] = {}
    cjk: list[tuple[str, str]] = []
    generic: dict[str, str] = {}
    for entry in read_yaml("legal_forms.yml"):
        canonical = str(entry["canonical"])
        generic[canonical] = str(entry.get("generic", "company"))
        for alias in entry.get("aliases", []):
            toks = tuple(normalize(str(alias)).split())
            if not toks:
                continue
            for form in _abbreviated(toks):
                suffix.setdefault(form, canonical)
                if entry.get("prefix"):
                    prefix.setdefault(form, canonical)
        for alias in entry.get("cjk", []):
            cjk.append((normalize(str(alias)), canonical))
    cjk.sort(key=lambda item: -len(item[0]))
    max_len = max(len(k) for k in suffix)
    return LegalFormTable(suffix, prefix, tuple(cjk), generic, max_len)


# Words of a legal form also written short inside it: "joint stock co", "limited
# liability co" are the forms of "joint stock company", "limited liability company".
_SHORT = {"company": "co", "corporation": "corp"}


def _abbreviated(toks: tuple[str, ...]) -> list[tuple[str, ...]]:
    """An alias as written, and with its long words written short (when it has more
    words than one: "company" alone is a form of its own, "co")."""
    forms = [toks]
    if len(toks) > 1 and any(t in _SHORT for t in toks):
        forms.append(tuple(_SHORT.get(t, t) for t in toks))
    return forms


def legal_form_generic(canonical: str) -> str:
    """Generic class of a canonical legal form: "llc", "jsc", "partnership" or
    "company" ("co ltd" -> "llc"; "oao" -> "jsc"); unknown forms map to themselves."""
    return legal_forms_table().generic.get(canonical, canonical)


@lru_cache(maxsize=1 << 15)
def legal_form(text: str) -> tuple[str, str | None]:
    """(normalised name without its legal form, canonical legal form or None).

    "Acme Trading Co., Ltd." -> ("acme trading", "co ltd"); "ООО Ромашка" -> ("ромашка",
    "ooo"); "中国控股有限公司" -> ("中国控股", "co ltd"). One form is removed, the longest
    found at the end of the name (or at its start for forms written first, like ООО);
    forms missing from the project's table are looked up in rigour's organisation-type
    table. A name that is nothing but a legal form is returned whole. A trailing
    bracketed part is looked behind: "Foo Banking Corporation (FBC)" -> ("foo banking
    fbc", "corp")."""
    if not isinstance(text, str):
        raise InputError(f"a name must be a string, not {type(text).__name__}")
    head, tail = _split_trailing_brackets(text)
    if tail:
        rest, form = legal_form(head)
        if form is not None:
            return " ".join(f"{rest} {normalize(tail)}".split()), form
    norm = normalize(text)
    toks = norm.split()
    if not toks:
        return norm, None
    table = legal_forms_table()
    for n in range(min(table.max_len, len(toks) - 1), 0, -1):
        canonical = table.suffix.get(tuple(toks[-n:]))
        if canonical is not None:
            stem = toks[:-n]
            for m in range(min(table.max_len, len(stem) - 1), 0, -1):
                if tuple(stem[:m]) in table.prefix:  # a form on both sides: บริษัท ... จำกัด
                    stem = stem[m:]
                    break
            return " ".join(stem), canonical
    for n in range(min(table.max_len, len(toks) - 1), 0, -1):
        canonical = table.prefix.get(tuple(toks[:n]))
        if canonical is not None:
            return " ".join(toks[n:]), canonical
    last = toks[-1]
    if not last.isascii():
        for alias, canonical in table.cjk:
            if last.endswith(alias):
                head_cjk = last[: -len(alias)]
                parts = [*toks[:-1], head_cjk] if head_cjk else toks[:-1]
                if parts:
                    return " ".join(parts), canonical
    return _rigour_form(norm)


def _split_trailing_brackets(text: str) -> tuple[str, str]:
    """(text before a final "(...)" group, the group), or (text, "") without one."""
    stripped = text.rstrip()
    if not stripped.endswith(")"):
        return text, ""
    depth = 0
    for i in range(len(stripped) - 1, -1, -1):
        if stripped[i] == ")":
            depth += 1
        elif stripped[i] == "(":
            depth -= 1
            if depth == 0:
                return (stripped[:i], stripped[i:]) if stripped[:i].strip() else (text, "")
    return text, ""


def _rigour_form(norm: str) -> tuple[str, str | None]:
    """Suffix lookup in rigour's table, skipping a trailing acronym of the name itself
    ("Afghan Support Committee (ASC)")."""
    for matched, canonical in extract_org_types(norm, generic=False):
        m = normalize(matched)
        if not norm.endswith(" " + m):
            continue
        rest = norm[: -len(m) - 1]
        words = rest.split()
        if " " not in m and len(words) >= len(m) and "".join(w[0] for w in words[-len(m) :]) == m:
            continue
        return rest, canonical
    return norm, None
