"""The screening index: every list name prepared once, and keys to find candidates fast.

For each name of each entity the index keeps its Latin forms (one per transliteration),
their tokens, the variant key and phonetic key of every token and an IDF weight per
token. Three inverted indexes lead from a query to candidates without scanning the
lists: variant key -> names, phonetic key -> names, and character 3-gram -> variant
keys (for misspelt tokens). The whole object pickles, so it is built once per set of
list versions and loaded from the store's home afterwards.
"""

from __future__ import annotations

import gc
import math
import re
import string
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import numpy as np

from sanctionwatch import names
from sanctionwatch.lists.common import split_alias_notes
from sanctionwatch.lists.model import Entity, EntityKind, NameKind
from sanctionwatch.names.glossary import brand_sound
from sanctionwatch.names.variants import variant_classes
from sanctionwatch.screening.records import EntityRecord, LazyTable, clean_identifier

__all__ = [
    "KIND_CODES",
    "EntityRecord",
    "IndexedName",
    "LazyTable",
    "NameForm",
    "Postings",
    "ScreeningIndex",
    "clean_identifier",
    "grams",
    "prepare_forms",
]

KIND_CODES = {kind: code for code, kind in enumerate(EntityKind)}
_NAME_KINDS = {kind.value: kind for kind in NameKind}


def grams(key: str) -> set[str]:
    padded = f"^{key}$"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


_KEYS: dict[str, tuple[str, str]] = {}


def _token_keys(token: str) -> tuple[str, str]:
    """The variant key and phonetic key of a token (remembered: names share tokens)."""
    found = _KEYS.get(token)
    if found is None:
        if len(_KEYS) >= 500_000:
            _KEYS.clear()
        found = _KEYS[token] = (names.variant_key(token), names.phonetic(token))
    return found


def _skeleton_postings(by_key: dict[str, list[int]]) -> dict[str, list[int]]:
    """Consonant skeleton (see names.consonant_skeleton) -> the names with a token of a
    variant key of that skeleton, by which a query in a script that leaves out vowels
    (Arabic) reaches them. Spellings of one variant class differ in their vowels
    (muhammad, mohammed), so the class key's skeleton stands for all of them."""
    groups: dict[str, list[list[int]]] = defaultdict(list)
    for key, ids in by_key.items():
        skeleton = names.consonant_skeleton(key)
        if skeleton:
            groups[skeleton].append(ids)
    # Each key's names are in increasing order, each once: merged where keys share one.
    return {
        skeleton: lists[0] if len(lists) == 1 else sorted(set().union(*lists))
        for skeleton, lists in groups.items()
    }


def _brand_postings(by_key: dict[str, list[int]]) -> dict[str, list[int]]:
    """names.brand_sound of a variant key -> the names with a token of that key, by which
    a proper name spelt out in Chinese characters reaches its Latin spelling
    (pulaimile: Premera). Keys of three letters or more whose sound has two consonants
    or more."""
    groups: dict[str, list[list[int]]] = defaultdict(list)
    for key, ids in by_key.items():
        if len(key) >= 3:
            sound = brand_sound(key)
            if len(sound.lstrip("_")) >= 2:
                groups[sound].append(ids)
    return {
        sound: lists[0] if len(lists) == 1 else sorted(set().union(*lists))
        for sound, lists in groups.items()
    }


def _length_factor(token: str) -> float:
    return 0.6 if len(token) == 1 else 0.9 if len(token) == 2 else 1.0


class NameForm:
    """One Latin rendering of a name, tokenised, with a key and weight per token."""

    __slots__ = (
        "alts",
        "compact",
        "family",
        "keys",
        "known",
        "legal",
        "method",
        "phon",
        "tokens",
        "weights",
    )

    def __init__(
        self, toks: tuple[str, ...], method: str, legal: str | None, family: int = 0
    ) -> None:
        self.tokens = toks
        # Bit i set: token i is written as the family name ("KHAN, Saeed", "Saeed KHAN");
        # 0 when the name does not say.
        self.family = family
        known = _KEYS
        both = [known.get(t) or _token_keys(t) for t in toks]
        self.keys = tuple([k for k, _ in both])
        self.phon = tuple([p for _, p in both])
        self.compact = "".join(self.keys)
        self.method = method
        self.legal = legal
        self.weights: tuple[float, ...] = ()
        self.known: tuple[bool, ...] = ()  # query forms: is each token used by some list?
        # Query forms: the other spellings of each word that other romanisation systems
        # of the same text give (empty: none).
        self.alts: tuple[frozenset[str], ...] = ()

    def __repr__(self) -> str:
        return f"NameForm({' '.join(self.tokens)!r}, {self.method})"

    def state(self) -> tuple[object, ...]:
        return (
            self.tokens,
            self.keys,
            self.phon,
            self.weights,
            self.method,
            self.legal,
            self.family,
        )

    @classmethod
    def from_state(cls, state: tuple[Any, ...]) -> NameForm:
        form = cls.__new__(cls)
        form.tokens, form.keys, form.phon, form.weights, form.method, form.legal = state[:6]
        form.family = state[6]
        form.compact = "".join(form.keys)
        form.known = ()
        form.alts = ()
        return form


def prepare_forms(text: str, kind: EntityKind | None) -> list[NameForm]:
    """The distinct tokenised Latin forms of one name (titles and legal forms removed)."""
    forms: list[NameForm] = []
    seen: set[tuple[str, ...]] = set()
    # In "FAMILY, Given" the words before the comma are the family name, kept even
    # where they are a title word ("SHEIKH, Qari Muhammad Yaqoob").
    head, comma, _ = text.partition(",")
    family = names.tokens(head) if comma else []
    person = kind is not EntityKind.ORGANISATION and kind is not EntityKind.VESSEL
    marked = _family_words(text, family) if person else set()
    # An abbreviation written with stops ("PREMERA (H.K.)") in a name that is not a
    # person's is also read as one word, as a glossary or another list writes it (hk).
    joined = _DOTTED.sub(_join_letters, text) if kind is not EntityKind.PERSON else text
    readings = names.latin_forms(text)
    if joined != text:
        readings = [*readings, *names.latin_forms(joined)]
    for lf in readings:
        variants: list[tuple[str, str | None, str]] = [(lf.text, None, lf.method)]
        # A consonant skeleton is no words: "rd sl" (رودي سليوة) has no legal form "sl".
        if kind is not EntityKind.PERSON and not lf.method.endswith("skeleton"):
            bare, legal = names.legal_form(lf.text)
            if legal is not None and bare.strip():
                # Both: legal-form tables differ in what they strip ("general corp"?).
                variants.insert(0, (bare, legal, lf.method))
        for latin, legal, method in variants:
            toks = names.tokens(latin)
            whole: list[str] = []
            if person:
                kept = len(family) if toks[: len(family)] == family else 0
                whole = names.drop_placeholders(toks) if method == "latin" else []
                toks = names.strip_titles(toks, kept) or toks
            for found in (toks, whole):
                # A Latin name keeps a form with its titles too: "H. Mullah SAHIB"
                # abbreviates "Haji Mullah SAHIB", whose form without titles is "sahib".
                key = tuple(found)
                if not key or key in seen:
                    continue
                seen.add(key)
                mask = sum(1 << i for i, t in enumerate(key) if t in marked) if marked else 0
                if method != "latin" or mask == (1 << len(key)) - 1:
                    mask = 0  # every word marked says nothing
                forms.append(NameForm(key, method, legal, mask))
    return forms


# Two or more lone letters each followed by a stop: "H.K.", "U.A.E."
_DOTTED = re.compile(r"(?<![^\W\d_])(?:[^\W\d_]\.\s?){2,}(?![^\W\d_])")


def _join_letters(found: re.Match[str]) -> str:
    return "".join(ch for ch in found.group(0) if ch.isalpha()) + " "


def _family_words(text: str, family: list[str]) -> set[str]:
    """The words a person's name marks as its family name: before the comma of "FAMILY,
    Given", or written in capitals among words that are not ("Saeed KHAN")."""
    if family:
        return set(family)
    if text.isupper() or text.lower() == text:
        return set()
    upper = [word for word in text.split() if len(word) > 1 and word.isupper()]
    return set(names.tokens(" ".join(upper))) if upper else set()


def _listed_names(entity: Entity) -> list[tuple[str, NameKind]]:
    """Each name of an entity with its kind; a name that gives other names in a note
    ("Korea General Corporation for External Construction (Aliases: KOGEN, GENCO)",
    "DANA HOLDINGS A.K.A DANA ASTRA") is indexed as the name itself and one alias for
    each other name, as the list means it."""
    out: list[tuple[str, NameKind]] = []
    for name in entity.names:
        text = name.full.strip()
        bare, others, former = split_alias_notes(text)
        out.append((bare or text, NameKind.FORMER if former else name.kind))
        out.extend((other, NameKind.STRONG_ALIAS) for other in others)
    return out


class IndexedName:
    __slots__ = ("entity", "forms", "kind", "text")

    def __init__(self, entity: int, text: str, kind: NameKind, forms: list[NameForm]) -> None:
        self.entity = entity
        self.text = text
        self.kind = kind
        self.forms = forms

    def state(self) -> tuple[object, ...]:
        return (self.entity, self.text, self.kind.value, [f.state() for f in self.forms])

    @classmethod
    def from_state(cls, state: tuple[Any, ...]) -> IndexedName:
        entity, text, kind, forms = state
        return cls(entity, text, _NAME_KINDS[kind], [NameForm.from_state(f) for f in forms])


class Postings:
    """An inverted index stored compactly: one int32 array and a slice per key."""

    def __init__(self, lists: dict[str, list[int]]) -> None:
        self.slices: dict[str, tuple[int, int]] = {}
        flat: list[int] = []
        for key, ids in lists.items():
            self.slices[key] = (len(flat), len(flat) + len(ids))
            flat.extend(ids)
        self.data = np.asarray(flat, dtype=np.int32)

    def __contains__(self, key: object) -> bool:
        return key in self.slices

    def __len__(self) -> int:
        return len(self.slices)

    def get(self, key: str) -> np.ndarray | None:
        where = self.slices.get(key)
        return None if where is None else self.data[where[0] : where[1]]


class ScreeningIndex:
    """Names, keys and weights for a set of entities. Build with :meth:`build`."""

    def __init__(self) -> None:
        self.records: list[EntityRecord] | LazyTable[EntityRecord] = []
        self.names: list[IndexedName] | LazyTable[IndexedName] = []
        self.by_key = Postings({})
        self.by_phonetic = Postings({})
        self.by_gram = Postings({})  # 3-gram -> ids of gram_keys
        self.by_initial = Postings({})  # first letter -> names with a token starting so
        self.by_skeleton = Postings({})  # consonant skeleton of a token -> names
        self.by_brand = Postings({})  # names.brand_sound of a token -> names
        self.gram_keys: list[str] = []
        self.gram_key_sizes = np.zeros(0, dtype=np.float32)
        self.name_entity = np.zeros(0, dtype=np.int32)  # entity index of each name
        self.name_weight = np.zeros(0, dtype=np.float32)  # each name's least total weight
        self.entity_kind = np.zeros(0, dtype=np.int8)  # KIND_CODES of each entity
        self.by_identifier: dict[str, list[int]] = defaultdict(list)
        self.idf: dict[str, float] = {}
        self.max_idf = 1.0
        # see candidates.reach and reach_skeleton; not saved
        self.reach_cache: dict[tuple[str, str, bool | str], Any] = {}

    def __len__(self) -> int:
        return len(self.records)

    def __getstate__(self) -> dict[str, Any]:
        return {
            "records": [r.state() for r in self.records],
            "names": [n.state() for n in self.names],
            "by_key": self.by_key,
            "by_phonetic": self.by_phonetic,
            "name_entity": self.name_entity,
            "name_weight": self.name_weight,
            "entity_kind": self.entity_kind,
            "by_gram": self.by_gram,
            "by_initial": self.by_initial,
            "by_skeleton": self.by_skeleton,
            "by_brand": self.by_brand,
            "gram_keys": self.gram_keys,
            "gram_key_sizes": self.gram_key_sizes,
            "by_identifier": self.by_identifier,
            "idf": self.idf,
            "max_idf": self.max_idf,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.reach_cache = {}
        self.records = LazyTable(state["records"], EntityRecord.from_state)
        self.names = LazyTable(state["names"], IndexedName.from_state)
        self.by_key = state["by_key"]
        self.by_phonetic = state["by_phonetic"]
        self.name_entity = state["name_entity"]
        self.name_weight = state["name_weight"]
        self.entity_kind = state["entity_kind"]
        self.by_gram = state["by_gram"]
        self.by_initial = state["by_initial"]
        self.by_skeleton = state["by_skeleton"]
        self.by_brand = state["by_brand"]
        self.gram_keys = state["gram_keys"]
        self.gram_key_sizes = state["gram_key_sizes"]
        self.by_identifier = state["by_identifier"]
        self.idf = state["idf"]
        self.max_idf = state["max_idf"]

    @classmethod
    def build(cls, entities: Iterable[Entity]) -> ScreeningIndex:
        """Index every name of every entity (garbage collection paused meanwhile:
        the index is many small objects that all stay alive)."""
        enabled = gc.isenabled()
        gc.disable()
        try:
            return cls._build(entities)
        finally:
            if enabled:
                gc.enable()

    @classmethod
    def _build(cls, entities: Iterable[Entity]) -> ScreeningIndex:
        index = cls()
        df: dict[str, int] = defaultdict(int)
        by_key: dict[str, list[int]] = defaultdict(list)
        by_phonetic: dict[str, list[int]] = defaultdict(list)
        by_initial: dict[str, list[int]] = defaultdict(list)
        records: list[EntityRecord] = []
        inames: list[IndexedName] = []
        index.records, index.names = records, inames
        for entity in entities:
            eidx = len(index.records)
            record = EntityRecord(entity)
            records.append(record)
            for ident in record.identifiers:
                index.by_identifier[ident].append(eidx)
            seen_texts: set[str] = set()
            for text, name_kind in _listed_names(entity):
                if not text or text in seen_texts:
                    continue
                seen_texts.add(text)
                forms = prepare_forms(text, entity.kind)
                if not forms:
                    continue
                nidx = len(index.names)
                inames.append(IndexedName(eidx, text, name_kind, forms))
                record.names.append(nidx)
                keys = {k for f in forms for k in f.keys}
                phons = {p for f in forms for p in f.phon if len(p) >= 2}
                for key in keys:
                    df[key] += 1
                    by_key[key].append(nidx)
                for phon in phons:
                    by_phonetic[phon].append(nidx)
                for letter in {t[0] for f in forms for t in f.tokens}:
                    by_initial[letter].append(nidx)
        total = max(len(index.names), 1)
        index.max_idf = math.log(total + 1) + 1.0
        index.idf = {key: math.log((total + 1) / (count + 0.5)) for key, count in df.items()}
        by_gram: dict[str, list[int]] = defaultdict(list)
        sizes: list[int] = []
        for key in df:
            if len(key) >= 3:
                kid = len(index.gram_keys)
                index.gram_keys.append(key)
                key_grams = grams(key)
                sizes.append(len(key_grams))
                for gram in key_grams:
                    by_gram[gram].append(kid)
        index.by_gram = Postings(by_gram)
        index.gram_key_sizes = np.asarray(sizes, dtype=np.float32)
        weight_of: dict[tuple[str, ...], tuple[float, ...]] = {}
        for iname in index.names:
            for form in iname.forms:
                got = weight_of.get(form.tokens)
                if got is None:
                    got = weight_of[form.tokens] = index.weights(form)
                form.weights = got
        index.by_key = Postings(by_key)
        index.by_phonetic = Postings(by_phonetic)
        index.by_initial = Postings(by_initial)
        index.by_skeleton = Postings(_skeleton_postings(by_key))
        index.by_brand = Postings(_brand_postings(by_key))
        index.name_entity = np.asarray([n.entity for n in index.names], dtype=np.int32)
        index.name_weight = np.asarray(
            [min(sum(f.weights) for f in n.forms) for n in index.names], dtype=np.float32
        )
        index.entity_kind = np.asarray([KIND_CODES[r.kind] for r in index.records], dtype=np.int8)
        index.by_identifier = dict(index.by_identifier)
        return index

    def materialise(self) -> None:
        """Build every name and entity record of a loaded index now (the entities
        themselves stay serialised). For batch screening: done once before forking
        the workers, each of them would otherwise build the same objects again."""
        if isinstance(self.names, LazyTable):
            self.names = self.names.materialise()
        if isinstance(self.records, LazyTable):
            self.records = self.records.materialise()

    def weights(self, form: NameForm) -> tuple[float, ...]:
        """IDF weight of each token (unknown tokens get the highest weight)."""
        idf = self.idf
        top = self.max_idf
        return tuple(
            idf.get(key, top) * _length_factor(tok)
            for tok, key in zip(form.tokens, form.keys, strict=True)
        )

    def similar_keys(self, key: str, limit: int = 12, minimum: float = 0.55) -> list[str]:
        """Known variant keys sharing most 3-grams with ``key`` (for misspellings)."""
        mine = grams(key)
        found = [p for p in (self.by_gram.get(g) for g in mine) if p is not None]
        if not found:
            return []
        ids, counts = np.unique(np.concatenate(found), return_counts=True)
        dice = 2.0 * counts / (len(mine) + self.gram_key_sizes[ids])
        good = np.flatnonzero(dice >= minimum)
        # Best first, ties in key order.
        ranked = ids[good[np.lexsort((ids[good], -dice[good]))]][:limit]
        return [self.gram_keys[k] for k in ranked.tolist() if self.gram_keys[k] != key]

    def edit_keys(self, key: str) -> list[str]:
        """Known variant keys one edit from ``key`` (a letter left out, added or
        changed, or two neighbours swapped; each edit's own variant key), in key order.
        The edits are generated and looked up, so nothing is built for this; 3-gram
        overlap misses short words and swaps ("usdak"/"sudak" share no 3-gram)."""
        letters = string.ascii_lowercase  # Latin forms are folded to ASCII
        edits: list[str] = []
        for i in range(len(key) + 1):
            head, tail = key[:i], key[i:]
            heads = [head + c for c in letters]
            edits += [h + tail for h in heads]
            if tail:
                rest = tail[1:]
                edits += [h + rest for h in heads]
                edits.append(head + rest)
                if rest:
                    edits.append(head + rest[0] + tail[0] + rest[1:])
        return self._known_keys(key, edits)

    def swap_keys(self, key: str) -> list[str]:
        """Known variant keys that are ``key`` with two neighbours swapped, in key
        order: for long words, which keep enough 3-grams after any other one edit but
        not after a swap ("foxhwelp" / "foxwhelp" share 2 of 8)."""
        swaps = [key[:i] + key[i + 1] + key[i] + key[i + 2 :] for i in range(len(key) - 1)]
        return self._known_keys(key, swaps)

    def _known_keys(self, key: str, edits: list[str]) -> list[str]:
        known = self.by_key.slices
        found = known.keys() & edits
        classes = variant_classes()  # edits that are a listed variant: their class key
        found.update(k for k in map(classes.__getitem__, classes.keys() & edits) if k in known)
        found.discard(key)
        return sorted(found)

    def split_known(self, token: str) -> list[str] | None:
        """Split an unspaced token into two or three known tokens, if possible."""
        if len(token) < 4 or names.variant_key(token) in self.by_key:
            return None
        known = self.by_key.slices
        best: list[str] | None = None
        for i in range(2, len(token) - 1):
            head = token[:i]
            if names.variant_key(head) not in known:
                continue
            tail = token[i:]
            if names.variant_key(tail) in known:
                return [head, tail]
            for j in range(2, len(tail) - 1):
                mid, rest = tail[:j], tail[j:]
                if names.variant_key(mid) in known and names.variant_key(rest) in known:
                    best = best or [head, mid, rest]
        return best
