"""Document analysis: news articles and reports turned into attributed compliance claims.

``analyse_text(text, outlet=..., published=...)`` returns an :class:`Analysis` with the
document's metadata, sentences, mentions, quotes, quantities, dates, resolution
references and :class:`Claim` objects; ``ingest`` reads files, folders, HTML, PDF and
URLs; ``repo.DocumentRepository`` stores documents and claims once per content hash.
"""

from sanctionwatch.documents.model import (
    STANCES,
    Analysis,
    Claim,
    DateMention,
    DocumentMeta,
    Mention,
    Quantity,
    Quote,
    ReferenceInfo,
    Sentence,
)
from sanctionwatch.documents.pipeline import DocumentInput, analyse_many, analyse_text

__all__ = [
    "STANCES",
    "Analysis",
    "Claim",
    "DateMention",
    "DocumentInput",
    "DocumentMeta",
    "Mention",
    "Quantity",
    "Quote",
    "ReferenceInfo",
    "Sentence",
    "analyse_many",
    "analyse_text",
]
