"""explainer: static explainer sites in which every factual sentence is checked
against the passage of the source it cites.

The public API is small: load a data directory, check it, render it.
"""

from .check import check, check_claim, check_event
from .load import load
from .model import Dataset
from .problems import Loc, Problem, Severity
from .rules import RULES

__all__ = [
    "RULES",
    "Dataset",
    "Loc",
    "Problem",
    "Severity",
    "check",
    "check_claim",
    "check_event",
    "load",
]
