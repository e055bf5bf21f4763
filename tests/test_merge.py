"""Merge stage: one event per real happening, across sentences, articles and precisions."""

import dataclasses

from pipeline.merge import merge
from pipeline.records import Event, Evidence


def ev(value, path="a.md", start=0, types=("CONSULT",), actors=(), countries=(), mode=None,
       mod=None):
    return Event(id=f"{value}-{path}-{start}", value=value, mod=mod, types=types, mode=mode,
                 actors=actors, countries=countries, place=None, status="happened", title="",
                 sources=(Evidence(path, start, start + 10, "x"),))


def test_coarser_report_joins_the_precise_event_and_keeps_every_source():
    visit = ev("2021-11-24", "fr.md", types=("CONSULT", "SUPPORT"), actors=("Benny Gantz",),
               countries=("IL", "MA"), mode="visit")
    month = ev("2021-11", "en.md", actors=("Benny Gantz",), countries=("IL", "MA"))
    year = ev("2021", "fr.md", 500, types=("SUPPORT",))
    merged = merge([year, month, visit])
    assert len(merged) == 1
    assert merged[0].value == "2021-11-24"
    assert {s.path for s in merged[0].sources} == {"fr.md", "en.md"}
    assert set(merged[0].aliases) >= {year.id, month.id}


def test_two_happenings_of_the_same_day_stay_apart():
    recognition = ev("2020-12-10", types=("SUPPORT", "STATEMENT"), actors=("Donald Trump",),
                     countries=("MA", "US"))
    call = ev("2020-12-10", start=300, types=("CONSULT",), mode="phone",
              actors=("Mohammed VI", "Mahmoud Abbas"), countries=("MA", "PS"))
    assert len(merge([recognition, call])) == 2


def test_a_coarse_event_never_chains_two_days_together():
    a = ev("2020-12-10", "x.md", actors=("Donald Trump",), countries=("US", "MA"))
    b = ev("2020-12-22", "y.md", actors=("Jared Kushner",), countries=("US", "MA", "IL"))
    late = ev("2020", "z.md", types=("SUPPORT",), countries=("IL", "MA"), mod="END")
    merged = merge([a, b, late])
    assert len(merged) == 2
    assert {s.path for s in next(e for e in merged if e.value == "2020-12-22").sources} == {
        "y.md", "z.md"}


def test_visit_over_adjacent_days_is_one_event():
    day1 = ev("2021-08-11", "a.md", actors=("Yair Lapid",), mode="visit", countries=("IL", "MA"))
    day2 = ev("2021-08-12", "b.md", actors=("Yair Lapid",), countries=("IL", "MA"))
    (one,) = merge([day1, day2])
    # from the arrival day to the main day, whichever report gives the id
    assert (one.value, one.end) == ("2021-08-11", "2021-08-12")


def test_a_report_of_a_later_day_of_a_stay_joins_it():
    stay = dataclasses.replace(ev("2021-08-11", "a.md", actors=("Yair Lapid",), mode="visit",
                                  countries=("IL", "MA")), end="2021-08-13")
    third = ev("2021-08-13", "b.md", actors=("Yair Lapid",), countries=("IL", "MA"))
    after = ev("2021-08-15", "c.md", actors=("Yair Lapid",), mode="visit", countries=("IL", "MA"))
    merged = merge([stay, third, after])
    assert [(e.value, e.end, len(e.sources)) for e in merged] == [
        ("2021-08-11", "2021-08-13", 2), ("2021-08-15", None, 1)]


def test_merge_does_not_depend_on_input_order():
    events = [ev("2021-11-24", "a.md", actors=("Benny Gantz",), countries=("IL", "MA")),
              ev("2021", "b.md", actors=("Benny Gantz",)),
              ev("2020-12-10", "c.md", actors=("Donald Trump",))]
    assert merge(events) == merge(list(reversed(events)))


def test_unrelated_events_do_not_merge():
    a = ev("2021-11-24", "a.md", actors=("Benny Gantz",), countries=("IL", "MA"))
    b = dataclasses.replace(ev("2021", "b.md", countries=("DZ",)), types=("SANCTION",))
    assert len(merge([a, b])) == 2


def test_a_coarse_event_fitting_two_happenings_equally_stays_as_told():
    a = ev("2020-12-10", "x.md", types=("SUPPORT",), countries=("IL", "MA"))
    b = ev("2020-12-22", "y.md", types=("SUPPORT",), countries=("IL", "MA"))
    late = ev("2020", "z.md", types=("SUPPORT",), countries=("IL", "MA"), mod="END")
    merged = merge([a, b, late])
    assert [(e.value, e.mod) for e in merged] == [
        ("2020-12-10", None), ("2020-12-22", None), ("2020", "END")]


def test_no_alias_is_shared_or_shadows_an_id():
    from pipeline.run import unique_ids
    a = ev("2021-11-24", "a.md", actors=("Benny Gantz",))
    b = ev("2021-11-25", "b.md", actors=("Benny Gantz",))
    a = dataclasses.replace(a, aliases=("old-id", b.id))
    b = dataclasses.replace(b, aliases=("old-id",))
    events = unique_ids([a, b])
    ids = {e.id for e in events}
    seen: list[str] = [x for e in events for x in e.aliases]
    assert len(seen) == len(set(seen)) and not ids & set(seen)


def test_a_coarse_report_joins_only_a_happening_between_the_same_states():
    bahrain = ev("2020-10-18", "d3.md", types=("SUPPORT", "AGREE"), mode="signing",
                 countries=("BH", "IL", "US"))
    rabat = ev("2020-12-22", "d2.md", types=("CONSULT",), mode="host",
               countries=("IL", "MA", "US"))
    late = ev("2020", "seed.txt", types=("SUPPORT", "AGREE"), mode="signing",
              countries=("IL", "MA"), mod="END")
    merged = merge([bahrain, rabat, late])
    joined = next(e for e in merged if e.value == "2020-12-22")
    assert {s.path for s in joined.sources} == {"d2.md", "seed.txt"}


def test_a_call_and_a_visit_of_the_same_people_stay_apart():
    call = ev("2022-03-28", "b.md", actors=("Antony Blinken", "Mohammed VI"), mode="phone")
    visit = ev("2022-03-29", "b.md", 300, actors=("Antony Blinken",), mode="visit")
    summit = ev("2022-03-28", "a.md", actors=("Antony Blinken",), mode="third-party")
    assert len(merge([call, visit, summit])) == 3


def test_stays_chain_only_in_one_place_and_with_one_status():
    rabat = dataclasses.replace(ev("2022-03-29", actors=("Antony Blinken",), mode="visit"),
                                place="Rabat")
    algiers = dataclasses.replace(ev("2022-03-30", "b.md", actors=("Antony Blinken",),
                                     mode="visit"), place="Alger", status="planned")
    assert len(merge([rabat, algiers])) == 2


def test_what_an_article_tells_as_planned_stays_apart_from_what_it_tells_as_done():
    visit = ev("2020-11-18", "h.md", types=("CONSULT", "COOPERATE"), actors=("Gabi Ashkenazi",),
               countries=("BH", "IL"), mode="visit")
    embassy = dataclasses.replace(
        ev("2020", "h.md", 400, types=("COOPERATE",), countries=("BH", "IL"), mod="END"),
        status="planned")
    assert len(merge([visit, embassy])) == 2
    # told by another article, an announcement still joins what happened
    announced = dataclasses.replace(embassy, sources=(Evidence("other.md", 0, 10, "x"),))
    assert len(merge([visit, announced])) == 1


def test_one_article_telling_a_trip_over_two_days_is_one_visit():
    arrival = ev("2023-06-07", "a.md", mode="visit", countries=("IR", "JO"))
    opening = ev("2023-06-08", "a.md", 200, types=("COOPERATE",), countries=("IR", "JO"))
    (one,) = merge([arrival, opening])
    assert (one.value, one.end, one.mode, one.types) == (
        "2023-06-07", "2023-06-08", "visit", ("CONSULT", "COOPERATE"))
    # two articles naming no one: nothing says it is the same trip
    elsewhere = dataclasses.replace(opening, sources=(dataclasses.replace(
        opening.sources[0], path="b.md"),))
    assert len(merge([arrival, elsewhere])) == 2
    # nor when each names its own people
    lapid = dataclasses.replace(arrival, actors=("Yair Lapid",))
    gantz = dataclasses.replace(opening, actors=("Benny Gantz",))
    assert len(merge([lapid, gantz])) == 2


def test_a_person_the_gazetteer_does_not_know_joins_two_days_of_a_stay():
    day1 = dataclasses.replace(ev("2023-06-07", "a.md", mode="visit"),
                               unreviewed_actors=("Ayman Safadi",))
    day2 = dataclasses.replace(ev("2023-06-08", "b.md", types=("COOPERATE",)),
                               unreviewed_actors=("Ayman Safadi",))
    assert len(merge([day1, day2])) == 1


def test_a_stay_under_way_and_its_next_day_planned_in_one_article_are_one_visit():
    arrival = ev("2023-06-07", "a.md", mode="visit", actors=("Ayman Safadi",))
    meeting = dataclasses.replace(ev("2023-06-08", "a.md", 300, actors=("Ayman Safadi",)),
                                  status="planned")
    (one,) = merge([arrival, meeting])
    assert (one.value, one.end, one.status) == ("2023-06-07", "2023-06-08", "happened")
    # another article announcing the next day is not told alike
    announced = dataclasses.replace(meeting, sources=(Evidence("b.md", 0, 10, "x"),))
    assert len(merge([arrival, announced])) == 2


def test_the_statement_announcing_a_stay_joins_it_without_adding_its_day():
    # "X will start a two-day visit on Monday, the ministry said on Sunday"
    said = ev("2021-01-10", "a.md", types=("STATEMENT",), actors=("Sabri Boukadoum",),
              countries=("DZ", "ZA"))
    visit = dataclasses.replace(ev("2021-01-11", "a.md", 100, actors=("Sabri Boukadoum",),
                                   mode="visit", countries=("DZ", "ZA")), end="2021-01-12")
    (one,) = merge([said, visit])
    assert (one.value, one.end, one.mode, len(one.sources)) == (
        "2021-01-11", "2021-01-12", "visit", 2)
