"""Inputs at the edges of what the pipeline and the site handle: dates at the calendar's
ends, names that become the same slug or a too long file name, control characters."""

from __future__ import annotations

import pytest

from pipeline.merge import merge
from tests.test_curation import VISIT, curate
from tests.test_merge import ev


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31"])
def test_the_merge_looks_at_neighbouring_days_within_the_calendar(value):
    events = merge([ev(value, "a.md", actors=("X",)), ev(value, "b.md", actors=("X",)),
                    ev("2021-11-24", "c.md")])
    assert sorted(e.value for e in events) == sorted(["2021-11-24", value])  # two merged


@pytest.mark.parametrize("value", ["9999", "9999-12-31", "9999-WI", "0001-01-01", "0001",
                                   "0999-W01", "3000-Q1"])
def test_a_curated_date_beyond_the_supported_years_is_an_error_naming_the_line(value):
    events, errors, problems = curate(f"fix:\n  - id: {VISIT}\n    value: {value}\n")
    assert len(errors) == 1 and errors[0].startswith("content/curation.yaml:3: "), errors
    assert "1000" in errors[0] and "2999" in errors[0] and errors[0].endswith(")")
    assert events[VISIT].value == "2021-11-24" and problems == []
    # an added event too
    _, errors, _ = curate(f"add:\n  - value: {value}\n    types: [AGREE]\n    title: x\n"
                          "    sources: [{path: seeds/000_d7c44e2311d972f8.txt, "
                          "quote: Rabat}]\n")
    assert len(errors) == 1 and errors[0].startswith("content/curation.yaml:2: "), errors
