"""SHACL shapes for HIN graphs and the validation stage: nothing invalid reaches the store."""
from shapes.report import InvalidGraphError, format_report, require_valid
from shapes.validation import (
    HINSH,
    SHAPES_FILE,
    ValidationResult,
    Violation,
    load_shapes,
    validate,
)

__all__ = [
    "HINSH",
    "InvalidGraphError",
    "SHAPES_FILE",
    "ValidationResult",
    "Violation",
    "format_report",
    "load_shapes",
    "require_valid",
    "validate",
]
