"""What a TimeML value and modifier cover (pipeline.periods), the same in every stage."""

import dataclasses
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import periods
from pipeline.content import build_data
from pipeline.curation import Curation, apply_curation
from pipeline.dates import annotate
from pipeline.merge import merge
from pipeline.periods import MODS, event_order, granularity, period, sort_date, span
from pipeline.records import Article, Dct, Event, Evidence

ONE = dt.timedelta(days=1)

years = st.integers(min_value=1, max_value=9998)
weeks = st.builds(lambda d: "{:04d}-W{:02d}".format(*d.isocalendar()[:2]),
                  st.dates(dt.date(1, 1, 8), dt.date(9998, 12, 20)))
# every form of value the date stage writes for a calendar period
values = st.one_of(
    st.dates(dt.date(1, 1, 1), dt.date(9998, 12, 31)).map(dt.date.isoformat),
    st.dates(dt.date(1, 1, 1), dt.date(9998, 12, 31)).map(lambda d: d.isoformat() + "TEV"),
    weeks,
    weeks.map(lambda w: w + "-WE"),
    st.builds("{:04d}-{:02d}".format, years, st.integers(1, 12)),
    st.builds("{:04d}-Q{}".format, years, st.integers(1, 4)),
    st.builds("{:04d}-H{}".format, years, st.integers(1, 2)),
    st.builds("{:04d}-{}".format, years, st.sampled_from(["SP", "SU", "FA", "WI"])),
    years.map("{:04d}".format),
    st.integers(1, 999).map("{:03d}".format),
    st.integers(1, 99).map("{:02d}".format),
)
mods = st.sampled_from((None, *MODS))
# values of a few years only, so that the periods of events listed together overlap
near = st.integers(2019, 2021)
near_values = st.one_of(
    st.dates(dt.date(2019, 1, 1), dt.date(2021, 12, 31)).map(dt.date.isoformat),
    st.builds("{:04d}-{:02d}".format, near, st.integers(1, 12)),
    st.builds("{:04d}-Q{}".format, near, st.integers(1, 4)),
    st.builds("{:04d}-{}".format, near, st.sampled_from(["SP", "SU", "FA", "WI"])),
    near.map("{:04d}".format),
    st.sampled_from(["201", "202", "20"]),
)


@given(value=values, mod=mods)
def test_every_value_and_modifier_covers_one_period_inside_the_value(value, mod):
    whole = period(value)
    got = period(value, mod)
    assert whole is not None and got is not None
    first, last = got
    assert whole[0] <= first <= last <= whole[1]
    assert first <= sort_date(value, mod) <= last
    assert sort_date(value, mod) == {"END": last, "MID": first + (last - first) // 2}.get(
        mod, first)
    assert granularity(value) in periods.PRECISION


@given(value=values)
def test_start_mid_and_end_share_out_the_period_without_gap_or_overlap(value):
    whole = period(value)
    start, mid, end = (period(value, m) for m in ("START", "MID", "END"))
    assert start[0] == whole[0] and end[1] == whole[1]
    if whole[1] - whole[0] >= 2 * ONE:  # three days or more: cut in three
        assert start[1] + ONE == mid[0] and mid[1] + ONE == end[0]
    else:  # a day or a weekend is not cut
        assert start == mid == end == whole


@given(value=values, mod=st.sampled_from(["APPROX", "BEFORE", "AFTER"]))
def test_a_bound_or_an_approximation_keeps_the_period_of_its_value(value, mod):
    assert period(value, mod) == period(value)


@pytest.mark.parametrize("value, mod, first, last", [
    ("2020", "END", "2020-09-01", "2020-12-31"),  # "fin 2020"
    ("2020", "MID", "2020-05-01", "2020-08-31"),
    ("2020", "START", "2020-01-01", "2020-04-30"),
    ("2021-03", "END", "2021-03-21", "2021-03-31"),  # "fin mars"
    ("2021-03", "START", "2021-03-01", "2021-03-10"),
    ("2021-11", None, "2021-11-01", "2021-11-30"),
    ("2022-Q1", None, "2022-01-01", "2022-03-31"),
    ("2022-Q4", "MID", "2022-11-01", "2022-11-30"),
    ("2022-H2", "END", "2022-11-01", "2022-12-31"),
    ("2022-WI", None, "2022-12-01", "2023-02-28"),  # the winter starting in December 2022
    ("2023-WI", None, "2023-12-01", "2024-02-29"),
    ("2022-SP", None, "2022-03-01", "2022-05-31"),
    ("2022-FA", None, "2022-09-01", "2022-11-30"),
    ("2022-W47", None, "2022-11-21", "2022-11-27"),
    ("2022-W47", "END", "2022-11-25", "2022-11-27"),
    ("2022-W47-WE", None, "2022-11-26", "2022-11-27"),
    ("202", None, "2020-01-01", "2029-12-31"),  # the 2020s, not the year 202
    ("202", "END", "2026-09-01", "2029-12-31"),
    ("19", None, "1900-01-01", "1999-12-31"),
    ("99", "END", "9966-09-01", "9999-12-31"),  # up to the last day there is
    ("2022-11-24TEV", "END", "2022-11-24", "2022-11-24"),
])
def test_periods_of_partial_and_modified_dates(value, mod, first, last):
    assert [d.isoformat() for d in period(value, mod)] == [first, last]


@pytest.mark.parametrize("value", ["PAST_REF", "PRESENT_REF", "XXXX-11", "XXXX-WI", "XXXX",
                                   "XXXX-WXX-1", "P2Y", "0000", "000", "2021-W53", "2020-13",
                                   "2020-Q5", "2021-02-30", "9999-WI", ""])
def test_a_value_naming_no_calendar_period_covers_none_and_sorts_first(value):
    assert period(value) is None and period(value, "END") is None
    assert sort_date(value, "END") == dt.date(1, 1, 1)


def test_granularity_tells_seasons_weeks_and_weekends_apart():
    assert [granularity(v) for v in ("2019-WI", "2019-W05", "2019-W05-WE", "2019-11-02",
                                     "202", "20", "P2Y", "PAST_REF")] == [
        "season", "week", "weekend", "day", "decade", "century", "unknown", "ref"]


def test_a_range_runs_from_the_first_day_of_one_value_to_the_last_of_the_other():
    assert span("2020-11", "2022-11") == (dt.date(2020, 11, 1), dt.date(2022, 11, 30))
    assert span("2022-11", "2020-11") is None and span("PAST_REF", "2020") is None


# the date stage's own output: whatever it writes for a calendar period has one
DATE_WORDS = ["fin", "début", "mi-", "mars", "2020", "hiver", "l'hiver dernier", "été",
              "années", "2020", "XXe", "siècle", "le week-end dernier", "la semaine dernière",
              "au premier trimestre", "2021", "premier semestre", "late", "early", "winter",
              "the 1990s", "last week", "mid-", "July", "le 24 novembre", "vers 2020",
              "avant 2019", "l'an dernier", "ce matin", "jeudi", "decades ago", "two"]
phrases = st.lists(st.tuples(st.sampled_from(DATE_WORDS), st.sampled_from([" ", ", ", ". "])),
                   min_size=1, max_size=12).map(lambda p: "".join(w + s for w, s in p))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=phrases, lang=st.sampled_from(["fr", "en"]),
       dct=st.sampled_from(["2023-02-14", "2020-10", "1999"]))
def test_every_date_the_date_stage_writes_covers_one_period(text, lang, dct):
    article = Article(path="p", text=text, body_start=0, title="", lang=lang,
                      dct=Dct(dct, "metadata"))
    for t in annotate(article)[1]:
        assert t.mod in (None, *MODS)
        if t.type in ("DATE", "TIME") and "X" not in t.value and not t.value.endswith("_REF"):
            got = period(t.value, t.mod)
            assert got is not None and got[0] <= got[1], (t.text, t.value, t.mod)


def _event(value, mod, n):
    # apart from one another: no shared actor, country or article, so none merges
    return Event(id=f"e{n}", value=value, mod=mod, types=("CONSULT",), mode=None, actors=(),
                 countries=(f"C{n}",), place=None, status="happened", title="",
                 sources=(Evidence(f"a{n}.md", 0, 1, "x"),))


@settings(max_examples=100, deadline=None)
@given(dates=st.lists(st.tuples(near_values, mods), min_size=1, max_size=8))
def test_merge_content_and_curation_list_events_in_one_order(dates):
    events = [_event(v, m, n) for n, (v, m) in enumerate(dates)]
    expected = [e.id for e in sorted(events, key=event_order)]
    assert [e.id for e in merge(events)] == expected
    data, _ = build_data([], events)
    assert [e["id"] for e in data["events"]] == expected
    assert [e["sort"] for e in data["events"]] == [
        sort_date(e.value, e.mod).isoformat() for e in sorted(events, key=event_order)]
    curated = apply_curation(events, Curation(), [], [])
    assert [e.id for e in curated] == expected


def test_fin_2020_is_listed_after_the_days_of_2020_and_2020_before_them():
    late, june = _event("2020", "END", 1), _event("2020-06", None, 2)
    december = _event("2020-12-22", None, 3)
    year = dataclasses.replace(late, mod=None, id="e4")
    mid = _event("2020-03", "MID", 5)
    assert [e.id for e in sorted([december, late, june, year, mid], key=event_order)] == [
        "e4", "e5", "e2", "e3", "e1"]
    assert sort_date("2020-03", "MID") == dt.date(2020, 3, 15)
