"""Published ids: a URL given out before keeps leading to its happening when its id changes.

The resolution is tested on events written for each case (renamed, split, merged, gone,
hidden); a real build of the seeds with Pelican checks that the redirect pages are written
and the curation entries follow, and that two builds are byte-identical.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pelican import Pelican
from pelican.settings import read_settings

from pipeline.curation import apply_curation, parse_curation
from pipeline.published import RECORD, Entry, PublishedIds, record_text
from pipeline.records import Event, Evidence

ROOT = Path(__file__).resolve().parent.parent
A, B = "seeds/a.md", "seeds/b.md"


def event(id_: str, value: str, *spans: tuple[str, int, int], aliases=()) -> Event:
    return Event(id=id_, value=value, mod=None, types=("AGREE",), mode=None, actors=(),
                 countries=("EG", "IL"), place=None, status="happened", title=id_,
                 sources=tuple(Evidence(p, s, e, "x" * (e - s)) for p, s, e in spans),
                 aliases=tuple(aliases))


def ids_with(record: dict[str, Entry], tmp_path: Path) -> PublishedIds:
    (tmp_path / RECORD).write_text(record_text(record), encoding="utf-8")
    published = PublishedIds.load(tmp_path)
    assert published.problems == []
    return published


def led_to(events) -> dict[str, str]:
    return {a: e.id for e in events for a in e.aliases}


def test_a_renamed_event_keeps_its_old_id_as_an_alias(tmp_path):
    published = ids_with({"1979-support-eg-il": Entry("1979", ((A, 10, 90),))}, tmp_path)
    events = [event("1979-agree-eg-il", "1979", (A, 10, 90)), event("x", "1980", (A, 91, 120))]
    out = published.redirect(events, events)
    assert led_to(out) == {"1979-support-eg-il": "1979-agree-eg-il"}
    assert published.problems == []


def test_a_split_event_leads_to_the_part_with_most_evidence_then_nearest_date(tmp_path):
    published = ids_with({
        # one sentence told both: the recorded date parts them
        "1979-support-eg-il-jo": Entry("1979", ((A, 10, 90),)),
        "1994-support-il-jo": Entry("1994", ((A, 10, 90),)),
        # more of its evidence is in the 1994 event: the overlap comes before the date
        "1979-support-more": Entry("1979", ((A, 10, 90), (B, 0, 200))),
    }, tmp_path)
    events = [event("1994-agree-il-jo", "1994", (A, 10, 90), (B, 0, 200)),
              event("1979-agree-eg-il", "1979", (A, 10, 90))]
    assert led_to(published.redirect(events, events)) == {
        "1979-support-eg-il-jo": "1979-agree-eg-il", "1994-support-il-jo": "1994-agree-il-jo",
        "1979-support-more": "1994-agree-il-jo"}


def test_a_year_leads_to_the_day_within_it_before_a_later_one(tmp_path):
    published = ids_with({"2020-support-il-ma": Entry("2020", ((A, 0, 50),))}, tmp_path)
    events = [event("2021-08-11-host", "2021-08-11", (A, 0, 50)),
              event("2020-12-10-recognition", "2020-12-10", (A, 0, 50))]
    assert led_to(published.redirect(events, events)) == {
        "2020-support-il-ma": "2020-12-10-recognition"}


def test_merged_events_keep_every_old_id(tmp_path):
    published = ids_with({"2021-08-11-visit": Entry("2021-08-11", ((A, 0, 50),)),
                          "2021-08-12-visit": Entry("2021-08-12", ((B, 100, 180),))}, tmp_path)
    events = [event("2021-08-11-host", "2021-08-11", (A, 0, 50), (B, 100, 180))]
    assert led_to(published.redirect(events, events)) == {
        "2021-08-11-visit": "2021-08-11-host", "2021-08-12-visit": "2021-08-11-host"}


def test_an_old_alias_follows_the_id_it_led_to(tmp_path):
    published = ids_with({"old-alias": Entry(alias_of="old"),
                          "old": Entry("1979", ((A, 10, 90),)),
                          "was-merged": Entry(alias_of="kept")}, tmp_path)
    events = [event("new", "1979", (A, 10, 90)),
              event("other", "1980", (B, 0, 9), aliases=("kept",))]
    # "kept", a merged report's id the site never gave out, has no page of its own
    assert led_to(published.redirect(events, events)) == {
        "old-alias": "new", "old": "new", "was-merged": "other"}


def test_only_published_ids_become_redirect_pages(tmp_path):
    # two reports merged in the build that first published them: one id, no redirect
    published = ids_with({"2021-08-11-visit": Entry("2021-08-11", ((A, 0, 50),))}, tmp_path)
    events = [event("2021-08-11-host", "2021-08-11", (A, 0, 50),
                    aliases=("2021-08-11-visit", "2021-08-12-visit"))]
    assert led_to(published.redirect(events, events)) == {"2021-08-11-visit": "2021-08-11-host"}
    # a record that could not be read says nothing of what was published: every alias kept
    broken = PublishedIds(tmp_path / "x.json", readable=False)
    assert led_to(broken.redirect(events, events)) == {
        "2021-08-11-visit": "2021-08-11-host", "2021-08-12-visit": "2021-08-11-host"}


def test_an_id_whose_evidence_is_gone_is_reported_and_kept(tmp_path):
    published = ids_with({"1979-support-eg-il": Entry("1979", ((A, 10, 90),)),
                          "its-alias": Entry(alias_of="1979-support-eg-il")}, tmp_path)
    events = [event("x", "1980", (B, 0, 9))]
    out = published.redirect(events, events)
    assert led_to(out) == {}
    assert len(published.problems) == 2
    for name, line in zip(("1979-support-eg-il", "its-alias"), published.problems,
                          strict=True):
        assert line.startswith(f"{tmp_path / RECORD}: published id {name!r} leads to no event")
        assert f"{A}:10-90" in line and "delete the id's line" in line
    published.save(out)
    kept = PublishedIds.load(tmp_path).record
    assert kept["1979-support-eg-il"] == Entry("1979", ((A, 10, 90),))
    assert kept["its-alias"] == Entry(alias_of="1979-support-eg-il")
    assert set(kept) == {"1979-support-eg-il", "its-alias", "x"}


def test_an_event_the_curation_file_hides_is_not_reported(tmp_path):
    published = ids_with({"1979-support-eg-il": Entry("1979", ((A, 10, 90),))}, tmp_path)
    extracted = [event("1979-agree-eg-il", "1979", (A, 10, 90)), event("x", "1980", (B, 0, 9))]
    out = published.redirect(extracted[1:], extracted)
    assert led_to(out) == {} and published.problems == []


def test_the_record_is_sorted_and_written_only_when_it_changes(tmp_path):
    published = PublishedIds.load(tmp_path)  # no file yet: nothing published
    events = (event("b-id", "1980", (B, 5, 9), (A, 0, 4), aliases=("b-old",)),
              event("a-id", "1979", (A, 10, 90)))
    published.save(events)
    path = tmp_path / RECORD
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert json.loads(text)["about"].startswith("Every event id this site has published")
    assert [line.split('"')[1] for line in lines[3:-2]] == ["a-id", "b-id", "b-old"]
    assert json.loads(text)["ids"]["b-id"] == {"value": "1980",
                                               "sources": [[A, 0, 4], [B, 5, 9]]}
    mtime = path.stat().st_mtime_ns
    again = PublishedIds.load(tmp_path)
    again.save(tuple(reversed(events)))
    assert path.read_text(encoding="utf-8") == text and path.stat().st_mtime_ns == mtime


@pytest.mark.parametrize("text, where", [
    ("{not json", ""),
    ('{"ids": []}', ""),
    ('{\n "ids": {\n  "a": {"value": "1979"},\n  "b": {"alias_of": "a"}\n }\n}\n', ":3"),
])
def test_a_broken_record_is_reported_and_never_overwritten(tmp_path, text, where):
    (tmp_path / RECORD).write_text(text, encoding="utf-8")
    published = PublishedIds.load(tmp_path)
    assert len(published.problems) == 1
    assert published.problems[0].startswith(f"{tmp_path / RECORD}{where}: ")
    assert "restore the file from version control" in published.problems[0]
    published.save([event("x", "1980", (B, 0, 9))])
    assert (tmp_path / RECORD).read_text(encoding="utf-8") == text


def test_the_projects_record_is_read_whole_and_written_as_it_is():
    path = ROOT / "content" / RECORD
    published = PublishedIds.load(path.parent)
    assert published.problems == [] and published.record
    assert record_text(published.record) == path.read_text(encoding="utf-8")


CURATION = """\
add:
  - id: added-by-hand
    value: 1979
    types: [AGREE]
    title: Added
    sources:
      - path: seeds/a.md
        quote: Egypt and Israel
fix:
  - id: 1979-support-eg-il
    title: Fixed
hide:
  - gone-for-good
"""


def test_a_curation_entry_naming_an_old_id_applies_to_its_event_and_says_so(tmp_path):
    published = ids_with({"1979-support-eg-il": Entry("1979", ((A, 10, 90),)),
                          "added-by-hand": Entry("1979", ((A, 10, 26),))}, tmp_path)
    from pipeline.records import Article, Dct, Extraction
    text = "0123456789Egypt and Israel signed a treaty in 1979." + " " * 40
    x = Extraction(Article(A, text, 0, "t", "en", Dct("2020-01-01", "metadata")),
                   Dct("2020-01-01", "metadata"), (), (), (), ())
    events = [event("1979-agree-eg-il", "1979", (A, 10, 90))]
    problems, moved = [], []
    out = apply_curation(events, parse_curation(CURATION, "content/curation.yaml"), [x],
                         problems, "en", published.resolve, moved)
    by_id = {e.id: e for e in out}
    assert by_id["1979-agree-eg-il"].title == "Fixed"
    # an added event's own id is never taken for an old one
    assert by_id["added-by-hand"].title == "Added"
    assert moved == ["content/curation.yaml:10: '1979-support-eg-il' is now "
                     "'1979-agree-eg-il' (the extraction changed the id; write the new one)"]
    assert problems == ["content/curation.yaml:13: no event has the id 'gone-for-good' any "
                        "more (the extraction changed: update the id or remove this entry)"]


def test_a_merge_entry_naming_an_id_it_merged_before_still_finds_that_happening(tmp_path):
    # "2020-support" was an event's own id; the curation file merged it into "kept", so its
    # URL led there since; then the extraction renamed its event "2020-agree"
    published = ids_with({"kept": Entry("2020-12-10", ((A, 0, 50),)),
                          "2020-support": Entry("2020", ((B, 0, 40),), alias_of="kept")},
                         tmp_path)
    extracted = [event("kept", "2020-12-10", (A, 0, 50)),
                 event("2020-agree", "2020", (B, 0, 40)),
                 event("2021-08-11-host", "2021-08-11", (B, 0, 40))]
    problems, moved = [], []
    curation = parse_curation("merge:\n  - [kept, 2020-support]\n", "curation.yaml")
    out = apply_curation(extracted, curation, [], problems, "en", published.resolve, moved)
    assert [(e.id, e.aliases) for e in out] == [("kept", ("2020-agree",)),
                                                ("2021-08-11-host", ())]
    assert moved == ["curation.yaml:2: '2020-support' is now '2020-agree' (the extraction "
                     "changed the id; write the new one)"] and problems == []
    out = published.redirect(out, extracted)
    # "2020-agree" was never a URL: only the published id leads there
    assert led_to(out) == {"2020-support": "kept"}
    published.save(out)
    # the evidence it had as an id is kept beside where it leads
    assert PublishedIds.load(tmp_path).record["2020-support"] == Entry(
        "2020", ((B, 0, 40),), "kept")


# --- a real build ---------------------------------------------------------------------


def _build(content: Path, output: Path) -> str:
    done = subprocess.run([sys.executable, "-m", "pipeline", "build", str(ROOT / "seeds"),
                           "--content", str(content)], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    settings = read_settings(str(ROOT / "pelicanconf.py"),
                             override={"PATH": str(content), "OUTPUT_PATH": str(output)})
    Pelican(settings).run()
    return done.stderr


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


def _leads_to(output: Path, old: str) -> str:
    html = (output / "events" / f"{old}.html").read_text(encoding="utf-8")
    return re.search(r'http-equiv="refresh" content="0; url=[^"]*/events/([^"/]+)\.html"',
                     html).group(1)


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    """The seeds built once, then built again after the record was given the ids an
    earlier extraction published for their happenings, and a curation entry naming one."""
    tmp = tmp_path_factory.mktemp("published")
    content = tmp / "content"
    content.mkdir()
    _build(content, tmp / "first")
    data = json.loads((content / "data" / "timeline.json").read_text(encoding="utf-8"))
    paths = {s["slug"]: s["path"] for s in data["sources"]}

    def spans(e):
        return tuple(sorted({(paths[s["source"]], s["start"], s["end"]) for s in e["sources"]}))
    told = {}  # passage -> how many events it is evidence for
    for e in data["events"]:
        for span in spans(e):
            told[span] = told.get(span, 0) + 1

    def own(e):  # the passages no other event has
        return tuple(span for span in spans(e) if told[span] == 1)

    def size(passages):
        return sum(end - start for _path, start, end in passages)
    renamed = next(e for e in data["events"] if own(e) and own(e) == spans(e))
    merged = next(e for e in data["events"] if len(own(e)) >= 2 and e is not renamed)
    # an earlier event told by the passages of two now: it leads to the one holding more
    split = max((e for e in data["events"] if e not in (renamed, merged)),
                key=lambda e: size(own(e)))
    other = next(e for e in data["events"] if e is not split and own(e)
                 and size(own(e)[:1]) < size(own(split)))
    old = {
        "1900-renamed": Entry(renamed["value"], spans(renamed)),
        "1900-merged-a": Entry(merged["value"], own(merged)[:1]),
        "1900-merged-b": Entry(merged["value"], own(merged)[1:]),
        "1900-split": Entry(other["value"], own(split) + own(other)[:1]),
        "1900-split-alias": Entry(alias_of="1900-split"),
        "1900-gone": Entry("1900", (("seeds/removed.md", 0, 10),)),
    }
    (content / RECORD).write_text(record_text(old), encoding="utf-8")
    (content / "curation.yaml").write_text(
        "fix:\n  - id: 1900-renamed\n    title: Renamed by hand\n", encoding="utf-8")
    log = _build(content, tmp / "second")
    expected = {"1900-renamed": renamed["id"], "1900-merged-a": merged["id"],
                "1900-merged-b": merged["id"], "1900-split": split["id"],
                "1900-split-alias": split["id"]}
    return tmp, content, log, expected, old


def test_old_urls_lead_to_the_events_that_now_hold_their_evidence(rebuilt):
    tmp, content, log, expected, old = rebuilt
    for old_id, new in expected.items():
        assert _leads_to(tmp / "second", old_id) == new
        assert (tmp / "second" / "events" / f"{new}.html").is_file()
    record = json.loads((content / RECORD).read_text(encoding="utf-8"))["ids"]
    assert {name: record[name]["alias_of"] for name in expected} == expected
    assert record["1900-split"]["sources"] == [list(s) for s in old["1900-split"].sources]
    assert not (tmp / "second" / "events" / "1900-gone.html").exists()
    assert record["1900-gone"]["sources"] == [["seeds/removed.md", 0, 10]]
    assert "published id '1900-gone' leads to no event" in log


def test_a_curation_entry_naming_an_old_id_is_applied_and_reported(rebuilt):
    tmp, content, log, expected, _old = rebuilt
    html = (tmp / "second" / "events" / f"{expected['1900-renamed']}.html").read_text(
        encoding="utf-8")
    assert "Renamed by hand" in html
    assert (f"CURATION {content / 'curation.yaml'}:2: '1900-renamed' is now "
            f"'{expected['1900-renamed']}'") in log


def test_a_build_again_is_byte_identical(rebuilt):
    tmp, content, _log, _expected, _old = rebuilt
    before = _files(content)
    _build(content, tmp / "third")
    assert _files(content) == before
    assert _files(tmp / "third") == _files(tmp / "second")
