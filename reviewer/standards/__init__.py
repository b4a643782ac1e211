"""The standard (criteria) model: load, validate, summarise. Pure Python, no Qt."""

from reviewer.standards.load import Problem, StandardInvalid, load_bytes, load_standard
from reviewer.standards.model import Criterion, ReviewKind, Standard

__all__ = ["Criterion", "Problem", "ReviewKind", "Standard", "StandardInvalid", "load_bytes", "load_standard"]
