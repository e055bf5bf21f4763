"""Weight of the timeline page with 1,000 events (the target is 150 KB at most).

Builds records directly (no extraction): synthetic events over 2000-2023 with real actors
and countries from ``pipeline/data/actors.yaml``, realistic titles, one short source article
per ten events; writes the content, renders it with Pelican (no search index) and prints
what the timeline page costs to load: its HTML plus the CSS and JavaScript it links to.
It measures and asserts nothing.

    python bench/site_weight.py [--events 1000] [--keep FOLDER] [--index-max N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import random
import re
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.content import write_content  # noqa: E402
from pipeline.records import Article, Dct, Event, Evidence, Extraction  # noqa: E402

TARGET = 150 * 1024
KINDS = [  # (types, mode, title template)
    (("CONSULT",), "visit", "Visite de {a} à {place}"),
    (("CONSULT",), "phone", "Entretien téléphonique entre {a} et {b}"),
    (("CONSULT",), "third-party", "Rencontre de {a} et {b} en marge d’un sommet"),
    (("AGREE",), "signing", "{ca} et {cb} signent un accord de coopération"),
    (("STATEMENT",), None, "Déclaration de {a} sur les relations avec {cb}"),
    (("SANCTION",), None, "{ca} annonce des sanctions contre {cb}"),
    (("AID",), None, "{ca} annonce une aide à {cb}"),
]


def _actors() -> list[tuple[str, str]]:
    data = yaml.safe_load((ROOT / "pipeline" / "data" / "actors.yaml").read_text("utf-8"))
    return [(a["name"], a["country"]) for a in data
            if a.get("kind") == "person" and a.get("country")]


def records(n: int, seed: int = 7) -> tuple[list[Extraction], list[Event]]:
    """``n`` events in articles of ten events each, deterministic for a seed."""
    from pipeline.labels import country_name

    rng = random.Random(seed)
    people = _actors()
    first, days = dt.date(2000, 1, 1), (dt.date(2023, 12, 31) - dt.date(2000, 1, 1)).days
    extractions, events = [], []
    for a_i in range(0, n, 10):
        path = f"synthetic/{a_i // 10:04d}.txt"
        lines, pending = [f"Dépêche diplomatique n° {a_i // 10}"], []
        for i in range(a_i, min(a_i + 10, n)):
            (a, ca), (b, cb) = rng.sample(people, 2)
            if ca == cb:
                cb = rng.choice([c for _, c in people if c != ca])
            day = first + dt.timedelta(days=rng.randrange(days))
            types, mode, template = rng.choice(KINDS)
            value = day.isoformat() if rng.random() < 0.85 else day.isoformat()[:7]
            title = template.format(a=a, b=b, place=country_name(cb), ca=country_name(ca),
                                    cb=country_name(cb))
            sentence = (f"Le {day.day} {day.month:02d} {day.year}, {a} et {b} se sont "
                        f"entretenus de la coopération entre leurs deux pays.")
            pending.append((i, value, types, mode, (a, b), tuple(sorted({ca, cb})), title,
                            sentence))
            lines.append(sentence)
        text = "\n".join(lines) + "\n"
        body_start = len(lines[0]) + 1
        pos = body_start
        for i, value, types, mode, actors, countries, title, sentence in pending:
            start = text.index(sentence, pos)
            pos = start + len(sentence)
            slug = re.sub(r"[^a-z0-9]+", "-", title.lower().encode("ascii", "ignore")
                          .decode()).strip("-")[:40]
            events.append(Event(
                id=f"{value}-{slug}-{i}", value=value, mod=None, types=types, mode=mode,
                actors=actors, countries=countries, place=None, status="happened",
                title=title, sources=(Evidence(path, start, pos, sentence),)))
        article = Article(path=path, text=text, body_start=body_start, title=lines[0],
                          lang="fr", dct=None)
        extractions.append(Extraction(article, Dct("2023-12-31", "option"), (), (), (), ()))
    return extractions, events


def page_weight(output: Path, page: str = "index.html") -> dict[str, int]:
    """Bytes of a page and of the stylesheets and scripts it links to (site files only)."""
    html = (output / page).read_text(encoding="utf-8")
    sizes = {page: len(html.encode("utf-8"))}
    for ref in re.findall(r'<(?:link rel="stylesheet"|script)[^>]*(?:href|src)="([^"]+)"', html):
        target = (output / Path(page).parent / ref).resolve()
        if target.is_file():
            sizes[ref] = target.stat().st_size
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--keep", help="build in this folder and keep it")
    parser.add_argument("--index-max", type=int, default=None,
                        help="TIMELINE_INDEX_MAX (events kept in full on the timeline page)")
    args = parser.parse_args(argv)
    from pelican import Pelican
    from pelican.settings import read_settings

    logging.disable(logging.WARNING)
    with tempfile.TemporaryDirectory() as scratch:
        tmp = Path(args.keep or scratch)
        content, output = tmp / "content", tmp / "output"
        write_content(*records(args.events), content)
        settings = read_settings(str(ROOT / "pelicanconf.py"), override={
            "PATH": str(content), "OUTPUT_PATH": str(output), "TIMELINE_SEARCH": False,
            "CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False,
            **({"TIMELINE_INDEX_MAX": args.index_max} if args.index_max else {})})
        Pelican(settings).run()
        sizes = page_weight(output)
        year_pages = {p.name: p.stat().st_size for p in output.glob("year/*.html")}
        largest = max(year_pages.items(), key=lambda kv: kv[1]) if year_pages else None
    total = sum(sizes.values())
    print(f"\nTimeline page with {args.events} events (HTML + CSS + JS, no search index):")
    for name, size in sizes.items():
        print(f"  {name:<28} {size / 1024:8.1f} KB")
    verdict = "within" if total <= TARGET else "over"
    print(f"  {'total':<28} {total / 1024:8.1f} KB ({verdict} the {TARGET // 1024} KB target)")
    if largest is not None:
        print(f"  largest year page: year/{largest[0]}, {largest[1] / 1024:.1f} KB of HTML")
    return 0


if __name__ == "__main__":
    sys.exit(main())
