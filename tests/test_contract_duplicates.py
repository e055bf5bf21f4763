"""The extraction contract lists every file it was given, an article saved twice included;
the merge counts that article once."""

import json
import shutil
from pathlib import Path

from pipeline import cli

BAD = Path(__file__).resolve().parent / "fixtures" / "bad"


def test_a_duplicate_is_listed_with_its_dates_and_counted_once(tmp_path, capsys):
    for name in ("duplicate_a.md", "duplicate_b.md"):
        shutil.copy(BAD / name, tmp_path / name)
    assert cli.main(["extract", str(tmp_path), "--jobs", "1"]) == 0
    doc = json.loads(capsys.readouterr().out)
    listed = {Path(a["path"]).name: a for a in doc["articles"]}
    assert sorted(listed) == ["duplicate_a.md", "duplicate_b.md"]
    for a in listed.values():
        assert [(t["text"], t["value"]) for t in a["timexes"]] == [("le 9 mai 2023", "2023-05-09")]
    [event] = [e for e in doc["events"] if e["date"]["value"] == "2023-05-09"]
    assert [Path(s["path"]).name for s in event["sources"]] == ["duplicate_a.md"]
