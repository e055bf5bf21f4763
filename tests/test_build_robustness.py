"""``invoke build`` over the seed and every bad fixture, in a copy of the project.

The copy (pipeline, plugin, theme, settings, tasks) lives in a temporary folder so that
breaking a template or a setting there cannot touch the real project. One good build is
made once for the module; the other builds check what must differ from it or not:
- a second build under another hash seed, time zone and locale, with no network, is byte
  identical;
- ``--strict`` fails on the fixtures' warnings, and leaves output/ as it was;
- a broken template or settings file fails the build, says why, and leaves output/ as it was.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline import publish

ROOT = Path(__file__).resolve().parent.parent
BAD = Path(__file__).resolve().parent / "fixtures" / "bad"
SEED = ROOT / "seeds" / "000_d7c44e2311d972f8.txt"
# file names are article input too: they reach pages as paths and slugs
HOSTILE_NAME = "\"><img src=x onerror=alert(9)>.md"
SUMMARY = re.compile(r"Done: (\d+) articles read, (\d+) events, (\d+) skipped, (\d+) warnings")

# Loaded by every Python process of the build (PYTHONPATH): any attempt to reach another
# machine is written down and refused, so that swallowed errors still show in the log.
SOCKET_GUARD = '''
import os, socket

def _refuse(*args, **kwargs):
    with open(os.environ["NETWORK_LOG"], "a", encoding="utf-8") as log:
        log.write(repr(args[1:2]) + "\\n")
    raise OSError("network access during the build")

_connect = socket.socket.connect

def _guarded_connect(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        _refuse(self, address)
    return _connect(self, address)

socket.socket.connect = _guarded_connect
socket.socket.connect_ex = _guarded_connect
socket.getaddrinfo = _refuse
socket.create_connection = _refuse
'''


def copy_code(dest: Path) -> Path:
    """A copy of the project's code, theme and settings in ``dest`` with the seed article
    alone in its seeds/ folder, which is returned."""
    dest.mkdir()
    for name in ("pipeline", "plugins", "theme"):
        shutil.copytree(ROOT / name, dest / name,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in ("pelicanconf.py", "publishconf.py", "tasks.py"):
        shutil.copy(ROOT / name, dest / name)
    seeds = dest / "seeds"
    seeds.mkdir()
    shutil.copy(SEED, seeds / SEED.name)
    return seeds


def _copy_project(dest: Path) -> Path:
    seeds = copy_code(dest)
    for path in sorted(BAD.iterdir()):
        shutil.copy(path, seeds / path.name)
    (seeds / "binary_saved_as_article.txt").write_bytes(b"PK\x03\x04\x00\x00" + bytes(512))
    (seeds / HOSTILE_NAME).write_text(
        "---\ntitle: <b>Nom</b>\ndate: 2022-05-02\n---\nLe ministre Nasser Bourita a reçu "
        "à Rabat son homologue le 1er mai 2022.\n", encoding="utf-8")
    (dest / "content").mkdir()
    return dest


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PYTHON"))}
    env.update({"DIPLO_CACHE": "off", "PYTHONHASHSEED": "0", "TZ": "UTC",
                "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"})
    env.update(extra)
    return env


def _invoke(project: Path, *args: str, env: dict[str, str] | None = None,
            prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    return subprocess.run([*prefix, sys.executable, "-m", "invoke", "build", *args],
                          cwd=project, env=env or _env(), capture_output=True, text=True,
                          timeout=300, check=False)


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


def _inode(path: Path) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_ino, st.st_mtime_ns


def _second_locale() -> str:
    found = subprocess.run(["locale", "-a"], capture_output=True, text=True,
                           check=False).stdout.lower().split()
    return "fr_FR.UTF-8" if {"fr_fr.utf8", "fr_fr.utf-8"} & set(found) else "C"


def _offline_prefix() -> tuple[str, ...]:
    """``unshare -n`` (no network interface at all) when this machine allows it."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-n", "true"], capture_output=True,
                                  check=False).returncode == 0:
        return (unshare, "-n")
    return ()


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return _copy_project(tmp_path_factory.mktemp("build") / "project")


@pytest.fixture(scope="module")
def first(project):
    """The first build, and a snapshot of the site it published."""
    result = _invoke(project)
    assert result.returncode == 0, result.stderr[-3000:]
    return result, _files(project / "output")


def test_build_succeeds_and_accounts_for_every_input(project, first):
    result, _ = first
    inputs = len(list((project / "seeds").iterdir()))
    read, events, skipped, warnings = map(int, SUMMARY.search(result.stderr).groups())
    assert read + skipped == inputs
    assert skipped == 4  # empty, blank, binary, web page without article text
    assert warnings >= 6 and events >= 3
    for name in ("empty_file.txt", "blank_file.md", "binary_saved_as_article.txt",
                 "html_without_article_text.html"):
        assert re.search(rf"^SKIPPED seeds/{re.escape(name)}: .+\(.+\)$", result.stderr, re.M)
    for line in result.stderr.splitlines():
        if line.startswith(("WARNING", "SKIPPED")):
            assert re.match(r"(WARNING|SKIPPED) seeds/\S", line), line
    # the summary comes at the end, after the problems it counts
    problems = [i for i, line in enumerate(result.stderr.splitlines())
                if line.startswith(("WARNING", "SKIPPED"))]
    done = next(i for i, line in enumerate(result.stderr.splitlines()) if SUMMARY.search(line))
    assert max(problems) < done
    assert re.search(r"^Site written to .+/output/ in [\d.]+ s \(extraction and merge "
                     r"[\d.]+ s, pages [\d.]+ s\): \d+ pages", result.stdout, re.M)
    assert "Processed 0 articles" not in result.stdout  # Pelican counts no content file
    # nothing beside output/ but the old site, where the next build starts
    assert {p.name for p in project.glob(".output-*")} <= {publish.BUILD}
    assert (project / "output").stat().st_mode & 0o055 == 0o055  # readable by a web server


def test_the_seed_events_are_on_the_timeline(first):
    _, site = first
    index = site["index.html"].decode()
    for value in ('datetime="2020"', 'datetime="2021-11-24"', 'datetime="2022-11-24"'):
        assert value in index


def _text_files(site: dict[str, bytes]) -> dict[str, str]:
    return {name: data.decode("utf-8") for name, data in site.items()
            if not name.startswith("pagefind/") and Path(name).suffix in
            {".html", ".json", ".csv", ".ics", ".atom", ".xml", ".svg", ".txt", ".js"}}


def test_injected_markup_is_inert_on_every_page_and_export(first):
    _, site = first
    texts = _text_files(site)
    assert any(n.endswith(".csv") for n in texts) and any(n.endswith(".ics") for n in texts)
    for name, text in texts.items():
        for raw in ("<script>alert", "<img src=x", "<b>Ahmed Attaf</b>", "<b>Nom</b>",
                    'href="javascript:', "</script><script>"):
            assert raw not in text, (name, raw)
        # Jinja syntax from articles is shown, never run: no settings leak into a page
        assert "PELICAN_CLASS" not in text and "JINJA_ENVIRONMENT" not in text, name
    source = next(t for n, t in texts.items()
                  if n.startswith("sources/markdown-jinja-html-injection"))
    assert "&lt;script&gt;alert(&#39;body&#39;)&lt;/script&gt;" in source
    assert "{{ config.items() }}" in source and "{% include &#39;base.html&#39; %}" in source
    assert "&lt;img src=x onerror=alert(1)&gt;" in source


def test_json_ld_cannot_be_broken_out_of(first):
    _, site = first
    blocks = 0
    for name, text in _text_files(site).items():
        if not name.endswith(".html"):
            continue
        for tag, body in re.findall(r"<script([^>]*)>(.*?)</script>", text, re.S):
            if 'type="application/ld+json"' in tag:
                blocks += 1
                assert "<" not in body, name
                json.loads(body)
            else:
                # only the site's own scripts, loaded from a file
                assert body.strip() == "" and not re.search(r'src="(https?:)?//', tag), name
    assert blocks >= 3


def test_every_page_has_a_content_security_policy_for_own_resources(first):
    _, site = first
    for name, text in _text_files(site).items():
        if name.endswith(".html"):
            csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', text)
            assert csp, name
            assert "default-src 'self'" in csp.group(1) and "http" not in csp.group(1), name
            assert not re.search(r'<(script|link|img|iframe)[^>]+(src|href)="(https?:)?//',
                                 text), name


def test_same_bytes_under_other_hash_seed_time_zone_and_locale_with_no_network(
        project, first, tmp_path):
    _, site = first
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(SOCKET_GUARD, encoding="utf-8")
    log = tmp_path / "network.log"
    # a page taken from the page store is the very file published before (the new site
    # links it: same inode, same time), neither rendered nor copied again
    before = {p: _inode(project / "output" / p) for p in site}
    locale = _second_locale()
    env = _env(PYTHONHASHSEED="1", TZ="Asia/Tokyo", LC_ALL=locale, LANG=locale,
               PYTHONPATH=str(guard), NETWORK_LOG=str(log))
    result = _invoke(project, env=env, prefix=_offline_prefix())
    assert result.returncode == 0, result.stderr[-3000:]
    assert not log.exists(), log.read_text()
    again = _files(project / "output")
    assert sorted(again) == sorted(site)
    assert [n for n in site if site[n] != again[n]] == []
    # the event and source pages, taken from the page store, are the files published before
    pages = [n for n in site if n.startswith(("events/", "sources/"))
             and n != "sources/index.html"]  # the list of sources is made every time
    assert pages and [n for n in pages if _inode(project / "output" / n) != before[n]] == []


def test_a_project_without_its_content_folder_builds_the_same_site(project, first):
    # the pipeline makes the content folder it writes, before Pelican reads it
    _, site = first
    shutil.rmtree(project / "content")
    result = _invoke(project)
    assert result.returncode == 0, result.stderr[-3000:]
    assert _files(project / "output") == site


def test_strict_build_fails_and_keeps_the_site(project, first):
    _, site = first
    result = _invoke(project, "--strict")
    assert result.returncode != 0
    assert "FAILED --strict" in result.stderr and "was left as it was" in result.stderr
    # the extraction is the step that fails (it writes the content, then exits non-zero),
    # and the one the build names
    assert "Build failed (extraction exited with code 1" in result.stderr
    assert "Traceback" not in result.stderr
    assert SUMMARY.search(result.stderr)
    assert _files(project / "output") == site
    assert not list(project.glob(".output-*"))


@pytest.mark.parametrize("target, breakage, why", [
    ("theme/templates/base.html", "{% if %}\n", "TemplateSyntaxError"),
    ("pelicanconf.py", "\nraise RuntimeError('settings broken on purpose')\n",
     "settings broken on purpose"),
])
def test_failed_pelican_build_leaves_the_site_as_it_was(project, first, target, breakage, why):
    _, site = first
    path = project / target
    original = path.read_bytes()
    path.write_bytes(original + breakage.encode())
    try:
        result = _invoke(project)
    finally:
        path.write_bytes(original)
    assert result.returncode != 0
    assert why in result.stderr + result.stdout
    assert "Build failed (Pelican exited with code" in result.stderr
    assert "was left as it was" in result.stderr
    assert _files(project / "output") == site
    assert not list(project.glob(".output-*"))


def test_two_builds_at_once_one_waits_and_the_site_is_whole(project, first):
    _, site = first
    env = _env()
    cmd = [sys.executable, "-m", "invoke", "build"]
    one = subprocess.Popen(cmd, cwd=project, env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
    time.sleep(0.3)
    two = subprocess.Popen(cmd, cwd=project, env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
    outs = [p.communicate(timeout=300) for p in (one, two)]
    assert one.returncode == 0 and two.returncode == 0, outs
    # whichever took the lock first, the other waited for it, and said so
    assert sum("Another build of this project is running" in err for _, err in outs) == 1
    assert _files(project / "output") == site
    # nothing beside output/ but the old site, where the next build starts
    assert {p.name for p in project.glob(".output-*")} <= {publish.BUILD}


def test_a_build_killed_at_any_point_leaves_the_old_site_or_the_new_one(tmp_path):
    project = _copy_project(tmp_path / "project")
    assert _invoke(project).returncode == 0
    old = _files(project / "output")
    (project / "seeds" / "added.md").write_text(
        "---\ntitle: Visite\ndate: 2023-03-04\n---\nLe ministre Nasser Bourita a reçu à Rabat "
        "son homologue espagnol le 3 mars 2023.\n", encoding="utf-8")
    started = time.monotonic()
    assert _invoke(project).returncode == 0
    length = time.monotonic() - started
    new = _files(project / "output")
    assert new != old
    (project / "seeds" / "added.md").unlink()
    assert _invoke(project).returncode == 0 and _files(project / "output") == old
    (project / "seeds" / "added.md").write_text(
        "---\ntitle: Visite\ndate: 2023-03-04\n---\nLe ministre Nasser Bourita a reçu à Rabat "
        "son homologue espagnol le 3 mars 2023.\n", encoding="utf-8")
    rng = random.Random(22)  # the kill points: reproducible
    for delay in sorted(rng.uniform(0.2, 1.1) * length for _ in range(4)):
        build = subprocess.Popen([sys.executable, "-m", "invoke", "build"], cwd=project,
                                 env=_env(), stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(delay)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(build.pid, signal.SIGKILL)
        build.wait()
        site = _files(project / "output")
        assert site in (old, new), f"killed after {delay:.2f} s: a mix of two sites"
    # the next build publishes the new site and deletes what the killed ones left
    assert _invoke(project).returncode == 0
    assert _files(project / "output") == new
    # nothing beside output/ but the old site, where the next build starts
    assert {p.name for p in project.glob(".output-*")} <= {publish.BUILD}


def test_a_build_told_a_scheduler_that_does_not_answer_fails_saying_so_and_keeps_the_site(
        project, first):
    _, published = first
    with socket.socket() as s:  # a loopback port nothing listens on
        s.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{s.getsockname()[1]}"
    result = _invoke(project, "--scheduler", address)
    assert result.returncode != 0
    assert "no Dask scheduler answers there" in result.stderr + result.stdout
    assert _files(project / "output") == published
