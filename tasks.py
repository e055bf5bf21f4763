"""Project tasks (``invoke --list``): build the site from seeds/, serve it, test, evaluate."""

import contextlib
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

from pipeline import publish as publishing

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
        # pages the published site already holds are left there (see pipeline/publish.py)
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
    """Extract, write content, render into a staging folder, then publish it as output/
    (see pipeline/publish.py), holding the build lock throughout.

    Rebuilds are incremental where it pays: unchanged articles come from the extraction
    cache (.cache/extract), unchanged pages and search shards from the timeline plugin's
    stores (.cache/pelican/<settings>/).
    """
    flags = " --strict" if strict else ""
    output = ROOT / CONFIG["output"]
    cache = _cache_path(settings)
    with publishing.lock(ROOT / ".cache" / publishing.LOCK):
        started = time.perf_counter()
        for problem in publishing.clean(output):
            print(f"WARNING {problem}", file=sys.stderr)
        publishing.forget(cache)
        staging = publishing.staging(output)
        step = "Pelican"
        try:
            # Pelican starts before the pipeline has written anything, and refuses a
            # content folder that does not exist
            Path(CONFIG["content"]).mkdir(parents=True, exist_ok=True)
            pelican = _Pelican(settings, staging, strict, output if output.is_dir() else None)
            try:
                step = "extraction"
                # in_stream=False: neither step reads stdin, and mirroring it costs a thread
                c.run(f"{PY} -m pipeline build {CONFIG['seeds']} --content {CONFIG['content']} "
                      f"--lang {lang}{flags}", in_stream=False)
            except BaseException:
                pelican.cancel()
                raise
            extracted = time.perf_counter()
            step = "Pelican"
            code = pelican.render()
            if code != 0:
                raise SystemExit(code)
            missed = publishing.problems(cache)
            for problem in missed:
                print(f"WARNING {problem}", file=sys.stderr)
            if strict and missed:
                step = "strict checks"
                print(f"FAILED --strict: {len(missed)} problems while rendering (fix them, or "
                      "build without --strict)", file=sys.stderr)
                raise SystemExit(1)
            step = "publishing"
            problems = publishing.publish(staging, output, publishing.read_kept(cache))
        except SystemExit as err:
            shutil.rmtree(staging, ignore_errors=True)
            _failed(output, step, code=err.code)
            raise
        except publishing.PublishError as err:
            shutil.rmtree(staging, ignore_errors=True)
            print(f"Build failed: {err}. {output}/ was left as it was.", file=sys.stderr)
            raise SystemExit(1) from err
        except BaseException as err:
            shutil.rmtree(staging, ignore_errors=True)
            _failed(output, step, err)
            raise
    for problem in problems:
        print(f"WARNING {problem}", file=sys.stderr)
    done = time.perf_counter()
    print(f"Site written to {output}/ in {done - started:.1f} s (extraction and merge "
          f"{extracted - started:.1f} s, pages {done - extracted:.1f} s){_reuse_summary(cache)} "
          f"(open {output}/index.html, or run `invoke serve`).")


def _reuse_summary(cache: Path) -> str:
    """What the build took from its stores (see plugins/timeline/reuse.py)."""
    try:
        f = json.loads((cache / publishing.REPORT).read_text(encoding="utf-8"))
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


def snapshot(paths) -> list[tuple[str, int, int]]:
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
            now = snapshot(watched())
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
