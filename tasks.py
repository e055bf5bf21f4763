"""Project tasks (``invoke --list``): build the site from seeds/, serve it, test, evaluate."""

import contextlib
import filecmp
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from invoke import task

ROOT = Path(__file__).parent
CONFIG = {
    "seeds": "seeds",
    "content": "content",
    "output": "output",
    "settings": "pelicanconf.py",
    "publish_settings": "publishconf.py",
    "corpus": os.environ.get("CORPUS", str(ROOT.parent / "shared" / "corpus")),
    "port": 8000,
}
PY = shlex.quote(sys.executable)


REPORT = "last-build.json"  # written by the timeline plugin into the cache folder
KEPT = "kept.txt"  # beside it: the files of output/ the build left in place


def _cache_path(settings) -> Path:
    # Pelican's caches, one folder per settings file: their entries hold values read
    # with those settings and must not be reused under others
    return ROOT / ".cache" / "pelican" / Path(settings).stem


class _Pelican:
    """Pelican's run of a build, started before the content is written.

    Starting Pelican (its imports, settings, plugins and templates) costs a few tenths of
    a second and needs no content: on POSIX it is done while the pipeline extracts, on the
    core the pipeline leaves idle, and the timeline plugin waits for a byte on a pipe
    (``TIMELINE_WAIT_FD``) before it reads the sidecar: "1" once the content is written,
    nothing (the pipe closed) when the extraction failed, and Pelican then ends quietly.
    Elsewhere Pelican is started once the content is written."""

    def __init__(self, settings, output, strict=False, published=None):
        # pages the published site already holds are left there (see _merge)
        self.extra = [f"TIMELINE_PUBLISHED={json.dumps(str(published))}"] if published else []
        # an error Pelican only logs (a page it could not write) must still fail the build
        fatal = "warnings" if strict else "errors"
        # Pelican's own summary ("Processed 0 articles, ... 0 pages") would mislead: it
        # counts content files, and the timeline's pages are written from data; its stdout
        # is dropped. Its problems go to stderr and are shown; the build's own last line
        # says what was written.
        self.cmd = [sys.executable, "-m", "pelican", CONFIG["content"], "-s", str(settings),
                    "-o", str(output), "--cache-path", str(_cache_path(settings)), "-q",
                    "--fatal", fatal, "--log-handler", "plain"]
        self.proc = self.go = None
        if os.name == "posix":
            wait, self.go = os.pipe()
            try:
                self.proc = self._start([*self.extra, f"TIMELINE_WAIT_FD={wait}"],
                                        pass_fds=(wait,))
            finally:
                os.close(wait)

    def _start(self, extra, **kwargs) -> subprocess.Popen:
        return subprocess.Popen(self.cmd + (["-e", *extra] if extra else []),
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, **kwargs)

    def render(self) -> int:
        """Render the content now written; Pelican's exit code."""
        if self.proc is None:
            return self._start(self.extra).wait()
        with contextlib.suppress(BrokenPipeError):  # Pelican ended already: its code says
            os.write(self.go, b"1")
        return self.cancel()

    def cancel(self) -> int:
        """No content to render: Pelican ends without writing anything."""
        if self.go is not None:
            os.close(self.go)
            self.go = None
        return self.proc.wait() if self.proc is not None else 0


def _failed(output, step, err=None, code=None):
    """Say which step failed and that the published site was not touched."""
    if code is None:
        code = getattr(getattr(err, "result", None), "exited", None)
    why = f"{step} exited with code {code}" if code is not None else f"{step}: {err!r}"
    print(f"Build failed ({why}; its messages are above): {output}/ was left as it was.",
          file=sys.stderr)


def _publish(c, settings, strict=False, lang="fr"):
    """Extract, write content, render into a fresh folder, then publish it into output/.

    Rebuilds are incremental where it pays: unchanged articles come from the extraction
    cache (.cache/extract), unchanged pages and search shards from the timeline plugin's
    stores (.cache/pelican/<settings>/). The fresh folder holds what changed; output/
    changes only once it is complete (see _merge).
    """
    flags = " --strict" if strict else ""
    output = ROOT / CONFIG["output"]
    started = time.perf_counter()
    cache = _cache_path(settings)
    for name in (REPORT, KEPT):
        (cache / name).unlink(missing_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".output-", dir=ROOT))
    # mkdtemp makes the folder private (0700); the published site must be readable
    umask = os.umask(0)
    os.umask(umask)
    staging.chmod(0o777 & ~umask)
    # Pelican starts before the pipeline has written anything, and refuses a content
    # folder that does not exist
    Path(CONFIG["content"]).mkdir(parents=True, exist_ok=True)
    # the timeline plugin builds the search index itself once Pelican has finished
    try:
        pelican = _Pelican(settings, staging, strict, output if output.is_dir() else None)
    except OSError as err:
        shutil.rmtree(staging, ignore_errors=True)
        _failed(output, "Pelican", err)
        raise
    try:
        # in_stream=False: neither step reads stdin, and mirroring it costs a polling thread
        c.run(f"{PY} -m pipeline build {CONFIG['seeds']} --content {CONFIG['content']} "
              f"--lang {lang}{flags}", in_stream=False)
    except BaseException as err:
        pelican.cancel()
        shutil.rmtree(staging, ignore_errors=True)
        _failed(output, "extraction", err)
        raise
    extracted = time.perf_counter()
    try:
        code = pelican.render()
    except BaseException as err:
        pelican.cancel()
        shutil.rmtree(staging, ignore_errors=True)
        _failed(output, "Pelican", err)
        raise
    if code != 0:
        shutil.rmtree(staging, ignore_errors=True)
        _failed(output, "Pelican", code=code)
        raise SystemExit(code)
    kept = cache / KEPT
    if kept.exists():  # the build left files of output/ in place: its folder is not whole
        if not output.is_dir():
            shutil.rmtree(staging, ignore_errors=True)
            raise SystemExit(f"Build failed: {output}/ was removed while the site was being "
                             "built on it; run `invoke build` again.")
        try:
            _merge(staging, output, set(kept.read_text(encoding="utf-8").splitlines()))
        except OSError as err:
            print(f"Build failed while publishing into {output}/ ({err}): some of its files "
                  "are new and some old; fix the cause and run `invoke build` again, which "
                  "publishes every file that differs.", file=sys.stderr)
            raise
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    else:  # staging holds the whole site
        old = None
        if output.exists():
            old = Path(tempfile.mkdtemp(prefix=".output-old-", dir=ROOT))
            output.rename(old / "site")
        staging.rename(output)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    done = time.perf_counter()
    print(f"Site written to {output}/ in {done - started:.1f} s (extraction and merge "
          f"{extracted - started:.1f} s, pages {done - extracted:.1f} s){_reuse_summary(cache)} "
          f"(open {output}/index.html, or run `invoke serve`).")


def _merge(staging: Path, output: Path, kept: set[str]) -> None:
    """Publish a complete build into output/: the files it wrote (in ``staging``) replace
    theirs one by one, each atomically; the files it left in place (``kept``, names
    relative to output/) stay; every other file of output/ is deleted. Linking every
    unchanged page into a fresh folder and deleting the old site cost about half a second
    at a thousand articles, whatever changed."""
    def site_path(rel: str, name: str) -> str:  # as the plugin lists what it kept
        return name if rel == "." else f"{rel}/{name}".replace(os.sep, "/")

    written = set()
    for folder, _dirs, files in os.walk(staging):
        rel = os.path.relpath(folder, staging)
        target = output if rel == "." else output / rel
        if target.exists() and not target.is_dir():
            target.unlink()  # a file of the old site where this one has a folder
        target.mkdir(parents=True, exist_ok=True)
        for name in files:
            dst = target / name
            src = os.path.join(folder, name)
            if dst.is_dir():  # and the other way round
                shutil.rmtree(dst)
            elif os.stat(src).st_nlink > 1:
                # a file of the plugin's stores (a page, a search bundle): published as that
                # very file, even when output/ has the same bytes, so that the next build
                # finds it there and leaves it in place instead of linking and comparing it
                os.replace(src, dst)
            elif _same_bytes(src, dst):
                # the same file written again (an export, a feed, the theme's files): left
                # as it was, with its time, for servers and copies that go by it
                os.unlink(src)
            else:
                os.replace(src, dst)
            written.add(site_path(rel, name))
    for folder, _dirs, files in os.walk(output, topdown=False):
        rel = os.path.relpath(folder, output)
        for name in files:
            path = site_path(rel, name)
            if path not in written and path not in kept:
                os.unlink(os.path.join(folder, name))
        if rel != ".":
            with contextlib.suppress(OSError):  # not empty: still part of the site
                os.rmdir(folder)


def _same_bytes(a, b) -> bool:
    # the comparison the timeline plugin makes of a page with its published copy
    try:
        return filecmp.cmp(a, b, shallow=False)
    except OSError:  # no such file in output/ yet
        return False


def _reuse_summary(cache: Path) -> str:
    """What the build took from its stores (see plugins/timeline/reuse.py)."""
    try:
        f = json.loads((cache / REPORT).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    reused, rendered = f.get("pages_reused", 0), f.get("pages_rendered", 0)
    text = f": {reused + rendered} pages ({rendered} rendered, {reused} reused)"
    if "shards" in f:
        text += f"; search: {f['shards_indexed']} of {f['shards']} shards indexed"
    return text


@task(help={"strict": "fail on any warning or skipped article", "lang": "site language"})
def build(c, strict=False, lang="fr"):
    """Build the site from seeds/ into output/ (output/ changes only once the build has
    succeeded)."""
    _publish(c, CONFIG["settings"], strict, lang)


@task
def publish(c):
    """Build the site with the publishing settings (publishconf.py)."""
    _publish(c, CONFIG["publish_settings"], strict=True)


@task
def clean(c):
    """Remove generated files: output/ and the generated content."""
    for path in (CONFIG["output"], f"{CONFIG['content']}/events", f"{CONFIG['content']}/sources",
                 f"{CONFIG['content']}/data"):
        shutil.rmtree(ROOT / path, ignore_errors=True)


@task
def serve(c, port=CONFIG["port"]):
    """Serve output/ at http://localhost:8000."""
    c.run(f"{PY} -m http.server {int(port)} --bind 127.0.0.1 --directory {CONFIG['output']}")


def _snapshot(paths) -> list[tuple[str, int, int]]:
    """Every file under ``paths`` with its size and time: what a rebuild depends on."""
    out = []
    for name in paths:
        root = ROOT / name
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for path in files:
            st = path.stat()
            out.append((str(path), st.st_size, st.st_mtime_ns))
    return out


def watched() -> list[str]:
    """What ``invoke livereload`` watches: the articles, the curation file, the theme, the
    plugin and the settings."""
    return [CONFIG["seeds"], f"{CONFIG['content']}/curation.yaml", "theme", "plugins",
            CONFIG["settings"]]


@task(help={"port": "port to serve on (default 8000)"})
def livereload(c, port=CONFIG["port"]):
    """Build, serve output/, and build again whenever seeds/, the curation file, theme/,
    plugins/ or the settings change (checked every second; Ctrl-C stops)."""
    import functools
    import http.server
    import threading

    # the handler resolves output/ at each request: it serves each new site once published
    handler = functools.partial(http.server.SimpleHTTPRequestHandler,
                                directory=str(ROOT / CONFIG["output"]))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", int(port)), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Serving http://localhost:{int(port)}/ (Ctrl-C stops)")
    seen = None
    try:
        while True:
            now = _snapshot(watched())
            if now != seen:
                seen = now
                try:
                    _publish(c, CONFIG["settings"])
                except Exception:  # reported above; the last good site stays up
                    print("Waiting for the next change.", file=sys.stderr)
            time.sleep(1)
    except KeyboardInterrupt:
        server.shutdown()


@task
def test(c):
    """Lint, then run every test (unit, golden, site, browser); fails when one fails or none ran."""
    c.run(f"{PY} -m ruff check .")
    c.run(f"{PY} -m pytest -p no:cacheprovider")


@task
def lint(c):
    """Check the code with ruff."""
    c.run(f"{PY} -m ruff check .")


@task
def golden(c):
    """Regenerate the golden events files of seeds/ (review them as a diff before committing)."""
    c.run(f"{PY} -m tests.golden")


@task
def evaluate(c, corpus=CONFIG["corpus"]):
    """Score `python -m pipeline extract` on the dev corpus and print the scorer's table."""
    dev = Path(corpus) / "dev"
    out = Path(tempfile.mkstemp(suffix=".json")[1])
    files = " ".join(shlex.quote(str(p)) for p in sorted(dev.glob("*")) if p.is_file())
    c.run(f"{PY} -m pipeline extract {files} > {out}")
    c.run(f"{PY} {shlex.quote(str(Path(corpus) / 'score.py'))} --gold {dev / 'gold'} "
          f"--articles {dev} --pred {out}")
    out.unlink()


@task(help={"sizes": "corpus sizes for bench_build.py, e.g. '1000 10000'"})
def bench(c, sizes="1000 10000"):
    """Run the benchmarks under bench/ (not tests: they measure speed and take minutes)."""
    for script in sorted((ROOT / "bench").glob("bench_*.py")):
        args = f" --sizes {sizes}" if script.name == "bench_build.py" else ""
        c.run(f"{PY} {shlex.quote(str(script))}{args}")


@task(iterable=["promote"],
      help={"articles": "folder or files of articles (default: the seeds)",
            "promote": "name of a listed person to add to the gazetteer (repeatable)"})
def people(c, articles=CONFIG["seeds"], promote=None):
    """List the people the articles name whom the gazetteer does not know (name, state,
    role, count, an example); with --promote NAME, write their gazetteer entry into
    pipeline/data/promoted.yaml (kept by every rebuild; check the role dates it gives)."""
    from pipeline import promote as promotion
    from pipeline.run import collect

    paths = collect(shlex.split(articles))
    if promote:
        missing = promotion.promote(promote, paths)
        print(f"{promotion.PROMOTED}: {len(promote) - len(missing)} promoted"
              + (f"; not among the unreviewed people: {', '.join(missing)}" if missing else ""))
        return
    found = promotion.unreviewed(paths)
    for p in found:
        print(f"{p.count:4d}  {p.name:30} {p.country or '-':3} {p.role or '-':20} {p.example}")
    print(f"{len(found)} unreviewed people in {len(paths)} articles")
