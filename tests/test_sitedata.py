"""Tests for the sidecar's schema (pipeline.sitedata): what the write stage writes, the
site reads back as the same records; a file of another version or layout is refused,
named, with what to do."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace

import pytest

from pipeline import sitedata
from pipeline.content import DATA_FILE, build_document, write_content
from tests.test_content import hostile_records, seed_records


def _written(tmp_path, records=None):
    write_content(*(records or seed_records()), tmp_path)
    return tmp_path / "data" / DATA_FILE


def _edit(path, change) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize("records", [seed_records, hostile_records])
def test_the_records_written_are_the_records_read(tmp_path, records):
    extractions, events = records()
    document, _ = build_document(extractions, events)
    path = _written(tmp_path, (extractions, events))
    assert path.read_bytes() == sitedata.dumps(document)
    read = sitedata.load(path)
    assert read == document and read.version == sitedata.VERSION
    # the plain data the site's view model reads is the file's, as JSON reads it
    as_json = json.loads(path.read_text(encoding="utf-8"))
    assert sitedata.plain(read) == as_json
    plain = sitedata.load_plain(path)
    assert plain == as_json and list(plain["events"][0]) == list(as_json["events"][0])


def test_an_event_over_several_days_has_an_end_and_others_none(tmp_path):
    extractions, events = seed_records()
    events = [replace(events[0], end="2099-01-02"), *events[1:]]
    read = sitedata.load(_written(tmp_path, (extractions, events)))
    ends = {e.id: e.end for e in read.events}
    assert ends[events[0].id] == "2099-01-02"
    assert all(end is sitedata.UNSET for i, end in ends.items() if i != events[0].id)
    assert all("end" in e for e in sitedata.plain(read)["events"] if e["id"] == events[0].id)
    assert not any("end" in e for e in sitedata.plain(read)["events"]
                   if e["id"] != events[0].id)


LOADERS = [sitedata.load, sitedata.load_plain]  # as records, and as the view model reads it


@pytest.mark.parametrize("load", LOADERS)
@pytest.mark.parametrize("version, said", [(0, "version 0"), (2, "version 2"),
                                           (None, "no version")])
def test_a_sidecar_of_another_version_is_refused_saying_what_to_do(tmp_path, version, said,
                                                                   load):
    path = _written(tmp_path)

    def change(data):
        if version is None:
            del data["version"]
        else:
            data["version"] = version
    _edit(path, change)
    with pytest.raises(sitedata.SidecarError) as err:
        load(path)
    message = str(err.value)
    assert message.startswith(f"{path}: sidecar of {said},")
    assert f"reads version {sitedata.VERSION}" in message
    assert "python -m pipeline build" in message


def test_an_older_layout_without_a_version_is_refused_as_of_another_version(tmp_path):
    # as the write stage wrote it before the layout had a version: the same fields
    path = _written(tmp_path)
    _edit(path, lambda data: data.pop("version"))
    with pytest.raises(sitedata.SidecarError, match="sidecar of no version"):
        sitedata.load(path)


@pytest.mark.parametrize("load", LOADERS)
def test_a_field_of_the_wrong_type_is_refused_naming_it(tmp_path, load):
    path = _written(tmp_path)

    def change(data):
        data["events"][1]["sources"][0]["start"] = "12"
    _edit(path, change)
    with pytest.raises(sitedata.SidecarError) as err:
        load(path)
    message = str(err.value)
    assert message.startswith(f"{path}: not a sidecar of version {sitedata.VERSION}")
    assert "Expected `int`, got `str`" in message and "$.events[1].sources[0].start" in message
    assert "python -m pipeline build" in message


@pytest.mark.parametrize("load", LOADERS)
@pytest.mark.parametrize("change, named", [
    (lambda data: data["sources"][0].pop("text_sha"), "`text_sha`"),
    (lambda data: data["events"][0].update(summary={"text": "x"}), "`lang`"),
    # a field that may be missing may not be null
    (lambda data: data["events"][0].update(end=None), r"\$\.events\[0\]\.end"),
])
def test_a_missing_field_is_refused_naming_it(tmp_path, change, named, load):
    path = _written(tmp_path)
    _edit(path, change)
    with pytest.raises(sitedata.SidecarError, match=f"^{path}: .*{named}"):
        load(path)


def test_a_field_no_record_declares_is_refused_or_left_out(tmp_path):
    path = _written(tmp_path)
    _edit(path, lambda data: data["events"][0].update(colour="red"))
    with pytest.raises(sitedata.SidecarError, match="`colour`"):
        sitedata.load(path)
    # the view model is never given what the schema does not declare
    assert "colour" not in sitedata.load_plain(path)["events"][0]


@pytest.mark.parametrize("load", LOADERS)
def test_a_file_that_is_not_json_is_refused_naming_it(tmp_path, load):
    path = _written(tmp_path)
    path.write_bytes(path.read_bytes()[:100])  # cut short
    with pytest.raises(sitedata.SidecarError, match=f"^{path}: not JSON.*python -m pipeline"):
        load(path)


@pytest.mark.parametrize("version, trusted", [(sitedata.VERSION, True), (0, False)])
def test_content_written_over_a_sidecar_of_another_version_is_written_afresh(
        tmp_path, version, trusted):
    path = _written(tmp_path)
    first = path.read_bytes()
    texts = tmp_path / "data" / "texts"
    cut = {p.name: p.read_bytes() for p in texts.iterdir()}
    # a text file and the sidecar's record of it that agree, but say something else: the
    # record of the current version is trusted (the text is not cut again)
    other = b'[{"chunks":[],"start":0}]\n'
    slug = json.loads(first)["sources"][0]["slug"]
    (texts / f"{slug}.json").write_bytes(other)

    def change(data):
        data["version"] = version
        data["sources"][0].update(text_sha=hashlib.sha256(other).hexdigest(), names=[])
    _edit(path, change)
    _written(tmp_path)
    assert ((texts / f"{slug}.json").read_bytes() == other) is trusted
    if not trusted:  # another version's records are not: every text is cut again
        assert path.read_bytes() == first
        assert {p.name: p.read_bytes() for p in texts.iterdir()} == cut
