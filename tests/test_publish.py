"""Publishing a built site (pipeline/publish.py): a reader of output/ sees the old site or
the new one, never a mix, whatever stops the build; two builds never run at once."""

from __future__ import annotations

import os
import random
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pipeline import publish

ROOT = Path(__file__).resolve().parent.parent


def _write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_the_old_site_is_the_next_builds_staging_folder(tmp_path):
    output = tmp_path / "output"
    _write(output, {"index.html": "old", "events/a.html": "a"})
    old_inode = (output / "events/a.html").stat().st_ino
    built = publish.staging(output)
    assert built.name == publish.BUILD and _files(built) == {}
    _write(built, {"index.html": "new", "events/b.html": "b"})
    publish.publish(built, output)
    assert _files(output) == {"index.html": b"new", "events/b.html": b"b"}
    # the site just replaced is where the next build starts from, its files as they were
    again = publish.staging(output)
    assert again == built and _files(again) == {"index.html": b"old", "events/a.html": b"a"}
    assert (again / "events/a.html").stat().st_ino == old_inode
    assert publish.scratch(output) == []  # nothing else left beside output/


def test_a_first_build_is_published_whole(tmp_path):
    output = tmp_path / "output"
    built = publish.staging(output)
    _write(built, {"index.html": "new"})
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(built.stat().st_mode) == 0o777 & ~umask  # readable as a site is
    publish.publish(built, output)
    assert _files(output) == {"index.html": b"new"} and not built.exists()


def test_pruning_deletes_what_the_build_did_not_make_but_another_builds_folder(tmp_path):
    root = tmp_path / "site"
    _write(root, {"index.html": "i", "events/a.html": "a", "events/old.html": "o",
                  "gone/deep/c.html": "c", "en/index.html": "e", "en/events/x.html": "x"})
    publish.prune(root, {"index.html", "events/a.html"}, ("en/",))
    assert _files(root) == {"index.html": b"i", "events/a.html": b"a", "en/index.html": b"e",
                            "en/events/x.html": b"x"}
    assert not (root / "gone").exists()  # emptied folders go too


def test_a_staging_folder_removed_while_a_build_made_it_is_not_published(tmp_path):
    output = tmp_path / "output"
    _write(output, {"index.html": "old"})
    built = publish.staging(output)
    built.rmdir()
    with pytest.raises(publish.PublishError, match="was removed while the site was being"):
        publish.publish(built, output)
    assert _files(output) == {"index.html": b"old"}


def test_a_staging_folder_that_cannot_be_deleted_is_set_aside_and_reported(tmp_path):
    output = tmp_path / "output"
    built = publish.staging(output)
    _write(built, {"index.html": "half", "locked/a.html": "a"})
    _lock(built / "locked" / "a.html")
    try:
        problems = publish.discard(built)
        assert not built.exists() and len(problems) == 1 and "delete it by hand" in problems[0]
        # the next build starts from a new folder, and says what is left at each build
        assert _files(publish.staging(output)) == {}
        [aside] = publish.scratch(output)
        assert "cannot be deleted" in publish.clean(output)[0]
    finally:
        _unlock(aside / "site" / "locked" / "a.html")
    assert publish.clean(output) == [] and publish.scratch(output) == []


def _lock(path: Path) -> None:
    """Make ``path`` undeletable: read-only for a user; immutable for root, whom
    permissions do not stop (chattr, as on the machine's ext4 or tmpfs)."""
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i", str(path)], check=True)
    else:
        path.parent.chmod(0o555)


def _unlock(path: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(path)], check=True)
    else:
        path.parent.chmod(0o755)


def test_the_old_site_swapped_out_of_a_read_only_folder_is_still_published_over(tmp_path):
    # even as root: a read-only subfolder of output/ cannot keep new exports beside old
    # pages, since nothing is written into output/
    output = tmp_path / "output"
    _write(output, {"index.html": "old", "exports/a.ics": "old"})
    (output / "exports").chmod(0o555)
    built = publish.staging(output)
    _write(built, {"index.html": "new", "exports/a.ics": "new"})
    publish.publish(built, output)
    assert _files(output) == {"index.html": b"new", "exports/a.ics": b"new"}
    (built / "exports").chmod(0o755)


# A child publishes a site of many files over another and kills itself with SIGKILL at
# the N-th line the publishing module runs: N is drawn by a seeded generator, so a run
# that fails can be run again as it was.
KILLER = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from pipeline import publish

    built, output, stop = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    count = 0

    def trace(frame, event, arg):
        global count
        if frame.f_code.co_filename != publish.__file__:
            return None
        if event == "line":
            count += 1
            if count == stop:
                os.kill(os.getpid(), signal.SIGKILL)
        return trace

    sys.settrace(trace)
    publish.publish(built, output)
    sys.settrace(None)
    print(count)
""")


def _old_and_new(tmp_path: Path) -> tuple[Path, Path, dict, dict]:
    output = tmp_path / "output"
    old = {f"events/{i:03d}.html": f"old {i}" for i in range(0, 60)}
    old.update({"index.html": "old index", "feeds/a.atom": "same"})
    _write(output, old)
    built = publish.staging(output)
    new = {f"events/{i:03d}.html": f"new {i}" for i in range(30, 90)}
    new.update({"index.html": "new index", "feeds/a.atom": "same"})
    _write(built, new)
    return output, built, old, new


def _kill_at(stop: int, output: Path, built: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", KILLER, str(built), str(output),
                           str(stop)], env=env, capture_output=True,
                          text=True, timeout=60, check=False)


def test_a_kill_at_any_point_of_publishing_leaves_the_old_site_or_the_new_one(tmp_path):
    # how many lines a whole publication runs
    output, built, _, expected = _old_and_new(tmp_path / "count")
    done = _kill_at(0, output, built)
    assert done.returncode == 0, done.stderr
    total = int(done.stdout)
    assert {k: v.decode() for k, v in _files(output).items()} == expected
    rng = random.Random(22)
    stops = sorted(rng.sample(range(1, total + 1), min(12, total)))
    outcomes = set()
    for n, stop in enumerate(stops):
        output, built, old, expected = _old_and_new(tmp_path / f"kill{n}")
        killed = _kill_at(stop, output, built)
        assert killed.returncode == -signal.SIGKILL, (stop, killed.stderr)
        site = {k: v.decode() for k, v in _files(output).items()}
        assert site in (old, expected), f"killed at line {stop} of {total}: a mix"
        outcomes.add("new" if site == expected else "old")
        # what the killed build left beside output/ goes with the next build
        assert publish.clean(output) == [] and publish.scratch(output) == []
    assert outcomes == {"old", "new"}  # points both before and after the swap were drawn


LOCKER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from pipeline import publish

    with publish.lock(Path(sys.argv[1])):
        print("in", flush=True)
        sys.stdin.readline()  # holds the lock until told
    print("out", flush=True)
""")


def _locker(path: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", LOCKER, str(path)],
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)


def test_a_second_build_waits_for_the_first_and_says_so(tmp_path):
    path = tmp_path / ".cache" / publish.LOCK
    first = _locker(path)
    assert first.stdout.readline() == "in\n"
    second = _locker(path)
    # it says why it waits, then waits: not in while the first holds the lock
    line = second.stderr.readline()
    assert "Another build of this project is running" in line and "waiting" in line
    assert f"process {first.pid}" in line
    first.stdin.write("\n")
    first.stdin.flush()
    assert first.wait(timeout=60) == 0 and first.stdout.read() == "out\n"
    assert second.stdout.readline() == "in\n"  # once the first is out
    second.stdin.write("\n")
    second.stdin.close()
    assert second.wait(timeout=60) == 0
    # a killed holder holds the lock no more
    third = _locker(path)
    assert third.stdout.readline() == "in\n"
    third.kill()
    third.wait()
    fourth = _locker(path)
    out, err = fourth.communicate("\n", timeout=60)
    assert out == "in\nout\n" and err == ""
    for p in (first, second, third):
        for stream in (p.stdin, p.stdout, p.stderr):
            if stream and not stream.closed:
                stream.close()
