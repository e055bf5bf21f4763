"""Every file in the seeds folder is accounted for, articles or not."""

import os
import shutil
from pathlib import Path

from pipeline.run import run

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_d7c44e2311d972f8.txt"


def test_files_that_are_not_articles_are_reported_as_skipped(tmp_path):
    shutil.copy(SEED, tmp_path / SEED.name)
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4 not an article")
    (tmp_path / "notes").write_text("no extension", encoding="utf-8")
    os.symlink(tmp_path / "gone.txt", tmp_path / "broken.txt")
    extractions, events, report = run([str(tmp_path)], jobs=1, cache=False)
    assert [Path(p).name for p in report.read] == [SEED.name]
    assert len(events) == 3
    reasons = {Path(line.split(":")[0]).name: line for line in report.skipped}
    assert set(reasons) == {"report.pdf", "notes", "broken.txt"}
    assert "save it as .txt, .md or .html" in reasons["report.pdf"]
    assert "broken link" in reasons["broken.txt"]
