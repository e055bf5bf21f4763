"""Merging again from a trace gives the full merge's result, whatever changed."""

import dataclasses
import datetime as dt
import importlib.util
import random
from pathlib import Path

import pytest

from pipeline.merge import merge
from pipeline.records import Event, Evidence
from pipeline.remerge import remerge
from pipeline.run import extract_all, run

ROOT = Path(__file__).resolve().parent.parent


def ev(value, path, start=0, actors=(), countries=(), types=("CONSULT",), mode=None):
    return Event(id=f"{value}-{path}-{start}", value=value, mod=None, types=types, mode=mode,
                 actors=actors, countries=countries, place=None, status="happened", title="",
                 sources=(Evidence(path, start, start + 10, "x"),))


def articles(by_path, present, edits=None):
    """(path, content key, events) of the articles present; the key changes when an
    article is edited (``edits``: how many times each was)."""
    edits = edits or {}
    return [(p, f"{p}#{edits.get(p, 0)}", by_path[p]) for p in sorted(present)]


def both(arts, previous):
    """The merge from the trace and the full merge of the same articles."""
    again, trace = remerge(arts, previous=previous)
    return again, merge([e for _, _, evs in arts for e in evs]), trace


def test_a_new_report_that_sorts_first_takes_over_the_cluster():
    # "b.md" started the cluster of the day; "a.md" sorts before it: the cluster is now
    # started by a.md's report, and b.md's decision must be taken again
    by_path = {"b.md": (ev("2021-11-24", "b.md", actors=("Benny Gantz",)),),
               "c.md": (ev("2021-11", "c.md", actors=("Benny Gantz",)),),
               "a.md": (ev("2021-11-24", "a.md", actors=("Benny Gantz",)),)}
    first, _, trace = both(articles(by_path, {"b.md", "c.md"}), None)
    assert len(first) == 1
    again, full, trace = both(articles(by_path, set(by_path)), trace)
    assert again == full and len(again) == 1 and again[0].id == by_path["a.md"][0].id


def test_a_coarse_report_that_becomes_ambiguous_stands_alone_again():
    gantz = ("Benny Gantz",)
    by_path = {"a.md": (ev("2021-11-24", "a.md", actors=gantz, countries=("IL", "MA")),),
               "y.md": (ev("2021", "y.md", actors=gantz, countries=("IL", "MA")),),
               "z.md": (ev("2021-03-02", "z.md", actors=gantz, countries=("IL", "MA")),)}
    first, _, trace = both(articles(by_path, {"a.md", "y.md"}), None)
    assert len(first) == 1  # "en 2021" joined the only happening of the year
    again, full, trace = both(articles(by_path, set(by_path)), trace)
    assert again == full and len(again) == 3  # two fit equally: it stays as told
    # and back: the article removed, "en 2021" joins the visit again
    back, full, _ = both(articles(by_path, {"a.md", "y.md"}), trace)
    assert back == full == first


def test_an_edited_article_is_merged_as_it_now_reads():
    gantz = ("Benny Gantz",)
    by_path = {"a.md": (ev("2021-11-24", "a.md", actors=gantz),),
               "b.md": (ev("2021-11-24", "b.md", actors=gantz),),
               "c.md": (ev("2021-11-28", "c.md", actors=gantz), ev("2021", "c.md", 50))}
    _, _, trace = both(articles(by_path, set(by_path)), None)
    by_path["b.md"] = (ev("2021-11-26", "b.md", actors=gantz),)
    again, full, trace = both(articles(by_path, set(by_path), {"b.md": 1}), trace)
    assert again == full and len(again) == 3
    # the edited report, and the one whose cluster it left; c.md's two are replayed
    assert trace.afresh == 2


def test_a_stay_edited_to_last_longer_takes_in_the_reports_of_its_days():
    lapid = ("Yair Lapid",)
    by_path = {"a.md": (ev("2021-08-11", "a.md", actors=lapid, mode="visit"),),
               "b.md": (ev("2021-08-13", "b.md", actors=lapid),),
               "c.md": (ev("2021-08-13", "c.md", actors=lapid),)}
    first, _, trace = both(articles(by_path, set(by_path)), None)
    assert len(first) == 2
    by_path["a.md"] = (dataclasses.replace(by_path["a.md"][0], end="2021-08-12"),)
    again, full, trace = both(articles(by_path, set(by_path), {"a.md": 1}), trace)
    assert again == full and [(e.value, e.end) for e in again] == [("2021-08-11", "2021-08-13")]


def _synthetic(tmp_path, n):
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corpus)
    paths = corpus.generate(n, tmp_path / "corpus")
    extractions, _ = extract_all([str(p) for p in paths], jobs=1, cache=False)
    return {x.article.path: x.events for x in extractions}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return _synthetic(tmp_path_factory.mktemp("remerge"), 240)


def _shifted(events, rng):
    """An article edited: one report moved to the next day (and told, half the time, as
    a stay of three days, reaching the clusters of the days after it), one dropped."""
    events = list(events)
    i = rng.randrange(len(events))
    e = events[i]
    if len(e.value) == 10:
        day = dt.date.fromisoformat(e.value) + dt.timedelta(days=1)
        end = (day + dt.timedelta(days=2)).isoformat() if rng.random() < 0.5 else None
        events[i] = dataclasses.replace(e, value=day.isoformat(), end=end)
    if len(events) > 1:
        del events[rng.randrange(len(events))]
    return tuple(events)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_additions_edits_and_removals_merge_as_the_full_merge(corpus, seed):
    rng = random.Random(seed)
    by_path = dict(corpus)
    paths = sorted(by_path)
    present = set(rng.sample(paths, len(paths) * 3 // 4))
    edits = {}
    _, _, trace = both(articles(by_path, present), None)
    replayed = 0
    for _ in range(20):
        op = rng.choice(["add", "add", "remove", "edit", "many"])
        absent = sorted(set(paths) - present)
        if op == "add" and absent:
            present.add(rng.choice(absent))
        elif op == "remove":
            present.discard(rng.choice(sorted(present)))
        elif op == "edit":
            p = rng.choice(sorted(present))
            by_path[p] = _shifted(by_path[p], rng)
            edits[p] = edits.get(p, 0) + 1
        else:
            for p in rng.sample(paths, 12):
                (present.discard if p in present else present.add)(p)
        arts = articles(by_path, present, edits)
        again, full, trace = both(arts, trace)
        assert again == full, f"round after {op}"
        replayed += sum(len(evs) for _, _, evs in arts) - trace.afresh
    assert replayed > 0  # the trace is used, not only checked


def test_a_run_with_the_cache_merges_as_a_run_without(tmp_path):
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corpus)
    folder = tmp_path / "in"
    corpus.generate(40, folder)
    cache = tmp_path / "cache"
    from pipeline.cache import ExtractionCache

    run([str(folder)], jobs=1, cache=ExtractionCache(cache))
    corpus.generate(1, folder, start=40)
    (folder / sorted(p.name for p in folder.iterdir())[3]).unlink()
    _, cached, _ = run([str(folder)], jobs=1, cache=ExtractionCache(cache))
    trace = ExtractionCache(cache).load_trace([str(folder)])
    assert trace is not None and 0 < trace.afresh < len(trace.founders)
    _, cold, _ = run([str(folder)], jobs=1, cache=False)
    assert cached == cold


def test_runs_over_other_files_keep_their_own_trace(tmp_path):
    from pipeline.cache import ExtractionCache

    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corpus)
    project, other = tmp_path / "seeds", tmp_path / "other"
    corpus.generate(30, project)
    corpus.generate(5, other, start=100)
    cache = ExtractionCache(tmp_path / "cache")
    run([str(project)], jobs=1, cache=cache)
    run([str(other)], jobs=1, cache=cache)  # a run over other files in between
    corpus.generate(1, project, start=30)
    run([str(project)], jobs=1, cache=cache)
    trace = cache.load_trace([str(project)])
    # the project's trace was still there: only what the new article reaches is redone
    assert 0 < trace.afresh < len(trace.founders) / 2
    assert set(cache.load_trace([str(other)]).digests) == {str(p) for p in other.iterdir()}
