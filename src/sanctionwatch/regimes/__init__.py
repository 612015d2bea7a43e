"""UN sanctions regimes as data: resolutions, obligations, deadlines, reporting duties.

``load_kb()`` reads the package's data files once; ``find_references()`` finds and checks
references to resolutions in text.
"""

from sanctionwatch.regimes.deadlines import Deadline, add_months, deadlines, resolve_rule
from sanctionwatch.regimes.kb import KnowledgeBase, load_kb
from sanctionwatch.regimes.loader import DataFileError
from sanctionwatch.regimes.model import (
    Limit,
    MandateRenewal,
    Obligation,
    Quantity,
    RegimeFile,
    ReportingDuty,
    Resolution,
    Source,
)

__all__ = [
    "DataFileError",
    "Deadline",
    "KnowledgeBase",
    "Limit",
    "MandateRenewal",
    "Obligation",
    "Quantity",
    "RegimeFile",
    "ReportingDuty",
    "Resolution",
    "Source",
    "add_months",
    "deadlines",
    "load_kb",
    "resolve_rule",
]
