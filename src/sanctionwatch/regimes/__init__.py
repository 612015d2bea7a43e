"""UN sanctions regimes as data: resolutions, obligations, deadlines, reporting duties.

``load_kb()`` reads the package's data files once; ``find_references()`` finds and checks
references to resolutions in text.
"""

from sanctionwatch.regimes.deadlines import Deadline, add_months, deadlines, resolve_rule
from sanctionwatch.regimes.kb import KnowledgeBase, load_kb
from sanctionwatch.regimes.loader import DataFileError
from sanctionwatch.regimes.model import (
    CATEGORIES,
    STATUSES,
    Limit,
    MandateRenewal,
    Obligation,
    Quantity,
    RegimeFile,
    ReportingDuty,
    Resolution,
    Source,
)
from sanctionwatch.regimes.refs import Reference, find_references, obligation_scores

__all__ = [
    "CATEGORIES",
    "STATUSES",
    "DataFileError",
    "Deadline",
    "KnowledgeBase",
    "Limit",
    "MandateRenewal",
    "Obligation",
    "Quantity",
    "Reference",
    "RegimeFile",
    "ReportingDuty",
    "Resolution",
    "Source",
    "add_months",
    "deadlines",
    "find_references",
    "load_kb",
    "obligation_scores",
    "resolve_rule",
]
