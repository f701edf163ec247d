"""The rule index: every rule the checker runs, in code order.

One rule, one module, one function; add a new rule here and give it a unit test
module in tests/rules/ (a test checks that every rule has one and is documented).
"""

from . import (
    e001_yaml_syntax,
    e002_duplicate_key,
    e003_unknown_key,
    e004_missing_key,
    e005_wrong_type,
    e006_invalid_id,
    e007_duplicate_id,
    e008_invalid_date,
    e009_invalid_url,
    e010_empty_value,
    e011_invalid_choice,
    e012_invalid_value,
    e013_markup_in_text,
    e020_quote_in_capture,
    e021_numbers,
    e022_claim_dates,
    e023_event_date,
    e024_source_after_event,
    e025_published_after_accessed,
    e026_disagreement,
    e030_unknown_source,
    e031_unknown_actor,
    e032_unknown_event,
    e033_missing_capture,
    e034_orphan_capture,
    e035_unused_source,
    e036_actor_not_listed,
    e037_empty_capture,
    e040_attribution,
    e041_unvouched_name,
    e042_passage_integrity,
    e043_syndicated_copy,
    e044_source_hygiene,
)
from .base import Context, Rule

RULES: tuple[Rule, ...] = tuple(
    m.RULE
    for m in (
        e001_yaml_syntax,
        e002_duplicate_key,
        e003_unknown_key,
        e004_missing_key,
        e005_wrong_type,
        e006_invalid_id,
        e007_duplicate_id,
        e008_invalid_date,
        e009_invalid_url,
        e010_empty_value,
        e011_invalid_choice,
        e012_invalid_value,
        e013_markup_in_text,
        e020_quote_in_capture,
        e021_numbers,
        e022_claim_dates,
        e023_event_date,
        e024_source_after_event,
        e025_published_after_accessed,
        e026_disagreement,
        e030_unknown_source,
        e031_unknown_actor,
        e032_unknown_event,
        e033_missing_capture,
        e034_orphan_capture,
        e035_unused_source,
        e036_actor_not_listed,
        e037_empty_capture,
        e040_attribution,
        e041_unvouched_name,
        e042_passage_integrity,
        e043_syndicated_copy,
        e044_source_hygiene,
    )
)
RULES_BY_CODE = {r.code: r for r in RULES}


def rules_markdown() -> str:
    """The rule table for CONTRIBUTING.md and the site's contributing page."""
    lines = ["| Code | Name | What it catches |", "| --- | --- | --- |"]
    lines += [f"| `{r.code}` | {r.name} | {r.summary} |" for r in RULES]
    return "\n".join(lines)


__all__ = ["RULES", "RULES_BY_CODE", "Context", "Rule", "rules_markdown"]
