"""Synthetic corpora for the benchmarks: N realistic articles, French and English.

    python bench/corpus.py N FOLDER [--seed S]

Each article is a Markdown file with front matter (title, date, lang) whose body mixes
real actors and their countries (names from ``pipeline/data/actors.yaml`` and
``countries.yaml``), diplomatic verbs, every kind of date expression the pipeline knows
(absolute, weekday, relative, anaphoric "la veille"/"the next day", "fin 2020", seasons,
durations) and noise paragraphs without any event. The same N and seed give the same
files, byte for byte, so that timings are comparable between runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "pipeline" / "data"

MONTHS = {
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}
WEEKDAYS = {
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
}
# winter is left out: records.granularity reads "2019-WI" as a week and the merge fails
SEASONS = {"fr": ["au printemps", "cet été", "à l'automne"],
           "en": ["in the spring", "this summer", "in the autumn"]}

# {a} {b}: actors; {ca} {cb}: countries; {d}: a date expression; {p}: a capital
EVENTS = {
    "fr": [
        "{a} s'est entretenu {d} avec {b} au sujet de la coopération entre {ca} et {cb}.",
        "{a} a reçu {b} {d} à {p}, a indiqué un communiqué officiel.",
        "{d}, {a} et {b} ont signé un accord de coopération dans le domaine de l'énergie.",
        "{a} a effectué {d} une visite officielle à {p}, où il a rencontré {b}.",
        "{ca} et {cb} ont annoncé {d} le rétablissement de leurs relations diplomatiques.",
        "{a} a eu {d} un entretien téléphonique avec {b}.",
        "{d}, {ca} a rompu ses relations diplomatiques avec {cb}, a annoncé {a}.",
        "{a} se rendra {d} à {p} pour rencontrer {b}.",
    ],
    "en": [
        "{a} met {b} {d} to discuss cooperation between {ca} and {cb}.",
        "{a} received {b} in {p} {d}, an official statement said.",
        "{d}, {a} and {b} signed a cooperation agreement on energy.",
        "{a} paid an official visit to {p} {d}, where he met {b}.",
        "{ca} and {cb} announced {d} that they had restored diplomatic relations.",
        "{a} held a phone call with {b} {d}.",
        "{d}, {ca} cut diplomatic ties with {cb}, {a} announced.",
        "{a} will travel to {p} {d} to meet {b}.",
    ],
}
FOLLOW_UP = {
    "fr": ["La veille, {a} avait rencontré {b}.", "Le lendemain, {a} a reçu {b} à {p}.",
           "Deux jours plus tard, {a} s'est entretenu avec {b}.",
           "Les discussions avaient commencé fin {y}.", "Un accord est attendu début {y1}.",
           "Les négociations ont duré trois mois.", "{s}, {a} avait déjà rencontré {b}.",
           "La semaine dernière, {a} a reçu {b}."],
    "en": ["The day before, {a} had met {b}.", "The next day, {a} received {b} in {p}.",
           "Two days later, {a} spoke with {b}.", "Talks had begun in late {y}.",
           "An agreement is expected in early {y1}.", "The negotiations lasted three months.",
           "{s}, {a} had already met {b}.", "Last week, {a} received {b}."],
}
NOISE = {
    "fr": ["Le marché des changes est resté calme pendant la séance, selon les analystes.",
           "La météo s'annonce clémente sur l'ensemble du territoire cette semaine.",
           "Les observateurs soulignent la portée symbolique de ce rapprochement.",
           "Plusieurs organisations de la société civile ont salué cette initiative.",
           "Le texte doit encore être ratifié par le Parlement, précise la même source."],
    "en": ["Currency markets were calm during the session, analysts said.",
           "Observers stressed the symbolic weight of the rapprochement.",
           "Several civil society groups welcomed the initiative.",
           "The text still has to be ratified by parliament, the same source said.",
           "The weather is expected to stay mild across the country this week."],
}
TITLES = {"fr": "{a} et {b} : {ca} et {cb} renforcent leurs liens",
          "en": "{a} and {b}: {ca} and {cb} strengthen ties"}


def _vocab() -> tuple[list[tuple[str, str]], dict[str, list[str]], list[str]]:
    """(actor name, country) pairs, country names per language, capitals."""
    actors = [(a["name"], a.get("country") or "")
              for a in yaml.safe_load((DATA / "actors.yaml").read_text(encoding="utf-8"))
              if a.get("kind") == "person"]
    names: dict[str, list[str]] = {"fr": [], "en": []}
    capitals: list[str] = []
    raw = yaml.safe_load((DATA / "countries.yaml").read_text(encoding="utf-8"))
    for entry in raw.values():
        for lang in names:
            forms = (entry.get(lang) or {}).get("names")
            if forms:
                names[lang].append(forms[0])
        capitals.extend((entry.get("capitals") or [])[:1])
    names = {lang: v or ["le Maroc", "Israël"] for lang, v in names.items()}
    return actors, names, capitals or ["Rabat", "Jérusalem", "Washington", "Abou Dhabi"]


def _date_expr(rng: random.Random, lang: str, dct: dt.date) -> str:
    """One date expression of a random kind, consistent with the article's date."""
    back = dct - dt.timedelta(days=rng.randint(1, 6))
    months, weekdays = MONTHS[lang], WEEKDAYS[lang]
    kind = rng.randrange(8)
    if kind == 0:  # absolute
        return (f"le {back.day} {months[back.month - 1]} {back.year}" if lang == "fr"
                else f"on {months[back.month - 1]} {back.day}, {back.year}")
    if kind == 1:  # weekday with day and month
        return (f"{weekdays[back.weekday()]} {back.day} {months[back.month - 1]}" if lang == "fr"
                else f"on {weekdays[back.weekday()]}, {months[back.month - 1]} {back.day}")
    if kind == 2:  # bare weekday
        return (f"ce {weekdays[back.weekday()]}" if lang == "fr"
                else f"on {weekdays[back.weekday()]}")
    if kind == 3:  # deictic
        return rng.choice(["hier", "aujourd'hui", "mardi dernier"] if lang == "fr"
                          else ["yesterday", "today", "last Tuesday"])
    if kind == 4:  # relative
        return rng.choice(["il y a deux semaines", "le mois dernier"] if lang == "fr"
                          else ["two weeks ago", "last month"])
    if kind == 5:  # month and year
        return (f"en {months[back.month - 1]} {back.year}" if lang == "fr"
                else f"in {months[back.month - 1]} {back.year}")
    if kind == 6:  # period with a modifier
        return f"fin {dct.year - 1}" if lang == "fr" else f"in late {dct.year - 1}"
    return rng.choice(SEASONS[lang]) + (f" {dct.year - 1}" if rng.random() < .5 else "")


def article(i: int, rng: random.Random, vocab) -> tuple[str, str]:
    """(file name, text) of the i-th article."""
    actors, countries, capitals = vocab
    lang = "fr" if rng.random() < 0.6 else "en"
    dct = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(365 * 5))

    def fill(template: str) -> str:
        (a, _), (b, _) = rng.sample(actors, 2)
        ca, cb = rng.sample(countries[lang], 2)
        return template.format(a=a, b=b, ca=ca, cb=cb, p=rng.choice(capitals),
                               d=_date_expr(rng, lang, dct), y=dct.year - 1, y1=dct.year + 1,
                               s=rng.choice(SEASONS[lang]).capitalize()
                               + f" {dct.year - 1}")

    title = fill(TITLES[lang])
    paragraphs = []
    for _ in range(rng.randint(3, 7)):
        sentences = [fill(rng.choice(EVENTS[lang]))]
        sentences += [fill(rng.choice(FOLLOW_UP[lang])) for _ in range(rng.randint(0, 2))]
        sentences += rng.sample(NOISE[lang], rng.randint(1, 3))
        paragraphs.append(" ".join(sentences))
    head = f"---\ntitle: \"{title}\"\ndate: {dct.isoformat()}\nlang: {lang}\n---\n"
    return f"{i:06d}_{lang}.md", head + "\n\n".join(paragraphs) + "\n"


def generate(n: int, folder: Path | str, seed: int = 1, start: int = 0) -> list[Path]:
    """Write articles ``start`` .. ``start + n - 1`` into ``folder``; returns their paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    vocab = _vocab()
    out = []
    for i in range(start, start + n):
        # one generator per article: article i is the same whatever n and start are
        name, text = article(i, random.Random(seed * 1_000_003 + i), vocab)
        path = folder / name
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("folder")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    paths = generate(args.n, args.folder, args.seed)
    print(f"{len(paths)} articles written to {args.folder}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
