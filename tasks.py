"""Project tasks (``invoke --list``): build the site from seeds/, serve it, test, evaluate."""

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
from watchfiles import DefaultFilter, watch

from pipeline import publish as publishing
from pipeline.settings import SettingError, check_lang, pelican_cache

ROOT = Path(__file__).parent
CONFIG = {
    "seeds": "seeds",
    "content": "content",
    "output": "output",
    "settings": "pelicanconf.py",
    "publish_settings": "publishconf.py",
    "port": 8000,
}
PY = shlex.quote(sys.executable)


def _cache_path(settings) -> Path:
    return pelican_cache(ROOT / settings)


def _pelican(settings, output, strict=False, published=None) -> int:
    """Render the content the pipeline wrote into ``output``; Pelican's exit code."""
    # pages the published site already holds are left there (see pipeline/publish.py)
    extra = ["-e", f"TIMELINE_PUBLISHED={json.dumps(str(published))}"] if published else []
    # an error Pelican only logs (a page it could not write) must still fail the build
    fatal = "warnings" if strict else "errors"
    # Pelican's own summary ("Processed 0 articles, ... 0 pages") would mislead: it
    # counts content files, and the timeline's pages are written from data; its stdout
    # is dropped. Its problems go to stderr and are shown; the build's own last line
    # says what was written.
    cmd = [sys.executable, "-m", "pelican", CONFIG["content"], "-s", str(settings),
           "-o", str(output), "--cache-path", str(_cache_path(settings)), "-q",
           "--fatal", fatal, "--log-handler", "plain", *extra]
    return subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                          check=False).returncode


def _failed(output, step, err=None, code=None):
    """Say which step failed and that the published site was not touched."""
    if code is None:
        code = getattr(getattr(err, "result", None), "exited", None)
    why = f"{step} exited with code {code}" if code is not None else f"{step}: {err!r}"
    print(f"Build failed ({why}; its messages are above): {output}/ was left as it was.",
          file=sys.stderr)


def _publish(c, settings, strict=False, lang="fr", scheduler=""):
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
        step = "extraction"
        try:
            # in_stream=False: the pipeline reads no stdin, and mirroring it costs a thread
            cluster = f" --scheduler {shlex.quote(scheduler)}" if scheduler else ""
            c.run(f"{PY} -m pipeline build {CONFIG['seeds']} --content {CONFIG['content']} "
                  f"--lang {lang}{flags}{cluster}", in_stream=False)
            extracted = time.perf_counter()
            step = "Pelican"
            code = _pelican(settings, staging, strict, output if output.is_dir() else None)
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
            publishing.publish(staging, output)
        except SystemExit as err:
            _discard(staging)
            _failed(output, step, code=err.code)
            raise
        except publishing.PublishError as err:
            _discard(staging)
            print(f"Build failed: {err}. {output}/ was left as it was.", file=sys.stderr)
            raise SystemExit(1) from err
        except BaseException as err:
            _discard(staging)
            _failed(output, step, err)
            raise
    done = time.perf_counter()
    print(f"Site written to {output}/ in {done - started:.1f} s (extraction and merge "
          f"{extracted - started:.1f} s, pages {done - extracted:.1f} s){_reuse_summary(cache)} "
          f"(open {output}/index.html, or run `invoke serve`).")


def _discard(staging: Path) -> None:
    for problem in publishing.discard(staging):
        print(f"WARNING {problem}", file=sys.stderr)


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


@task(help={"strict": "fail on any warning or skipped article", "lang": "site language",
            "scheduler": "a Dask scheduler's address: extract on that cluster "
                         "(default: $DIPLO_SCHEDULER, else this machine's cores)"})
def build(c, strict=False, lang="fr", scheduler=""):
    """Build the site from seeds/ into output/ (output/ changes only once the build has
    succeeded)."""
    try:
        check_lang(lang)
    except SettingError as err:
        raise SystemExit(f"invoke build: {err}") from None
    _publish(c, CONFIG["settings"], strict, lang, scheduler)


@task
def publish(c):
    """Build the site with the publishing settings (publishconf.py)."""
    _publish(c, CONFIG["publish_settings"], strict=True)


@task
def clean(c):
    """Remove generated files: output/, the folder the next build is made in, the generated
    content and the site's stores of pages, cards and search shards (the extraction
    cache stays: ``DIPLO_CACHE=off`` does without it)."""
    output = ROOT / CONFIG["output"]
    for path in (output, *publishing.scratch(output), output.parent / publishing.BUILD,
                 _cache_path(CONFIG["settings"]), ROOT / CONFIG["content"] / "events",
                 ROOT / CONFIG["content"] / "sources", ROOT / CONFIG["content"] / "data"):
        shutil.rmtree(path, ignore_errors=True)


@task
def serve(c, port=CONFIG["port"]):
    """Serve output/ at http://localhost:8000."""
    c.run(f"{PY} -m http.server {int(port)} --bind 127.0.0.1 --directory {CONFIG['output']}")


def watched() -> list[str]:
    """What ``invoke livereload`` watches: the articles, the curation file, the theme, the
    plugin and the settings."""
    return [CONFIG["seeds"], f"{CONFIG['content']}/curation.yaml", "theme", "plugins",
            CONFIG["settings"]]


class _Watched(DefaultFilter):
    """The changes a rebuild depends on: files of ``watched()`` (editors' swap files and
    Python's caches left out), not the content the build writes beside the curation file."""

    def __init__(self) -> None:
        super().__init__()
        self.paths = [(ROOT / p).resolve() for p in watched()]

    def __call__(self, change, path: str) -> bool:
        p = Path(path).resolve()
        return super().__call__(change, path) and any(p == w or w in p.parents
                                                      for w in self.paths)


def changes(stop=None):
    """Each batch of changes to what ``watched()`` names (the changed paths, sorted), as it
    happens; ``stop`` (a threading.Event) ends the watch. A path that does not exist yet is
    watched through its folder."""
    roots = []
    for name in watched():
        path = ROOT / name
        while not path.exists() and path != ROOT:
            path = path.parent
        if path not in roots:
            roots.append(path)
    for batch in watch(*roots, watch_filter=_Watched(), stop_event=stop):
        yield sorted({p for _change, p in batch})


@task(help={"port": "port to serve on (default 8000)"})
def livereload(c, port=CONFIG["port"]):
    """Build, serve output/, and build again whenever seeds/, the curation file, theme/,
    plugins/ or the settings change (Ctrl-C stops)."""
    import functools
    import http.server
    import threading

    # the handler resolves output/ at each request: it serves each new site once published
    handler = functools.partial(http.server.SimpleHTTPRequestHandler,
                                directory=str(ROOT / CONFIG["output"]))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", int(port)), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Serving http://localhost:{int(port)}/ (Ctrl-C stops)")

    def rebuild():
        try:
            _publish(c, CONFIG["settings"])
        except Exception:  # reported above; the last good site stays up
            print("Waiting for the next change.", file=sys.stderr)
    try:
        rebuild()
        for changed in changes():
            print(f"Changed: {', '.join(os.path.relpath(p, ROOT) for p in changed)}")
            rebuild()
    except KeyboardInterrupt:
        pass
    finally:
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


def _corpus_files(corpus: Path) -> tuple[list[Path], Path]:
    """The articles of a corpus folder and the scorer beside them; SystemExit saying what
    to give when the folder is not a corpus with gold annotations."""
    usage = ("give a corpus folder holding articles and their gold/ annotations, "
             "e.g. `invoke evaluate ../shared/corpus/real-dev`")
    if not (corpus / "gold").is_dir():
        raise SystemExit(f"invoke evaluate: {corpus} has no gold/ folder: {usage}")
    articles = sorted(p for p in corpus.iterdir() if p.is_file() and p.suffix in (".md", ".txt")
                      and not p.name.upper().startswith("README"))
    if not articles:
        raise SystemExit(f"invoke evaluate: {corpus} holds no article (.md or .txt): {usage}")
    scorer = next((d / "score.py" for d in (corpus, corpus.parent) if (d / "score.py").is_file()),
                  None)
    if scorer is None:
        raise SystemExit(f"invoke evaluate: no score.py in {corpus} or {corpus.parent}: the "
                         "scorer comes with the corpus")
    return articles, scorer


# invoke itself refuses a call without the folder: "did not receive required positional
# arguments: 'corpus'"; `invoke --help evaluate` says what it is
@task(positional=["corpus"],
      help={"corpus": "a corpus folder: articles (.md, .txt) and their gold/ annotations, "
                      "with score.py in it or in its parent folder"})
def evaluate(c, corpus):
    """Score `python -m pipeline extract` on a corpus folder (invoke evaluate CORPUS) and
    print the scorer's table."""
    folder = Path(corpus)
    articles, scorer = _corpus_files(folder)
    fd, name = tempfile.mkstemp(suffix=".json")
    os.close(fd)
    try:
        files = " ".join(shlex.quote(str(p)) for p in articles)
        c.run(f"{PY} -m pipeline extract {files} > {shlex.quote(name)}")
        c.run(f"{PY} {shlex.quote(str(scorer))} --gold {shlex.quote(str(folder / 'gold'))} "
              f"--articles {shlex.quote(str(folder))} --pred {shlex.quote(name)}")
    finally:
        Path(name).unlink(missing_ok=True)


@task(help={"sizes": "corpus sizes for bench_build.py, e.g. '1000 10000'"})
def bench(c, sizes="1000 10000"):
    """Run the benchmarks under bench/ (not tests: they measure speed and take minutes)."""
    for script in sorted((ROOT / "bench").glob("bench_*.py")):
        args = f" --sizes {sizes}" if script.name == "bench_build.py" else ""
        c.run(f"{PY} {shlex.quote(str(script))}{args}")


def _add(argv: list[str]) -> None:
    """``python -m pipeline.add`` in this process, into seeds/; a failure fails the task."""
    from pipeline.add import main

    code = main([*argv, "--seeds", str(ROOT / CONFIG["seeds"])])
    if code:
        raise SystemExit(code)


@task(help={"target": "a web address or a saved .html page (several: invoke add -- URL URL...)",
            "feed": "the addresses are RSS or Atom feeds: add their items not stored yet",
            "since": "only items published on or after this day (YYYY-MM-DD)",
            "update": "fetch stored pages again, refresh those that changed"})
def add(c, target, feed=False, since="", update=False):
    """Add articles to seeds/ from web pages, saved pages or feeds (`invoke add --feed URL`)."""
    # invoke gives a task one value per argument: more addresses come after `--`
    targets = [target, *shlex.split(getattr(c, "remainder", "") or "")]
    _add([*([f"--feed={t}" for t in targets] if feed else targets),
          *(["--since", since] if since else []), *(["--update"] if update else [])])


@task(help={"since": "only items published on or after this day (YYYY-MM-DD)"})
def update(c, since=""):
    """Add what is new in every feed listed in content/feeds.yaml."""
    _add(["--feeds", str(ROOT / CONFIG["content"] / "feeds.yaml"),
          *(["--since", since] if since else [])])


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
