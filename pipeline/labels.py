"""Human labels for dates, event types and countries, in French or English.

In: ISO-TimeML values ("2020", "2021-11", "2022-11-24", "2021-Q3"), modifiers
(START/MID/END/APPROX), PLOVER type codes, ISO 3166 alpha-2 codes, a language code.
Out: plain strings for readers ("fin 2020", "jeudi 24 novembre 2022", "Visite", "Maroc").

Every translatable interface string lives in ``STRINGS`` below, so that a new language
is one more dictionary. Dates are formatted by Babel so that month and weekday names
follow the locale's conventions rather than the machine's.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache, lru_cache

from babel import Locale
from babel.dates import format_date, format_skeleton

from pipeline import modes
from pipeline.periods import granularity, period

LANGS = ("fr", "en")

# Interface strings. Keys are used by the theme templates and the site plugin.
STRINGS: dict[str, dict[str, str]] = {
    "fr": {
        "site_title": "Chronologie diplomatique",
        "site_description": (
            "Événements diplomatiques datés, chacun relié aux phrases qui en témoignent."
        ),
        "skip": "Aller au contenu",
        "timeline": "Chronologie",
        "events": "Événements",
        "sources": "Sources",
        "source": "Source",
        "actors": "Acteurs",
        "countries": "Pays",
        "pairs": "Paires de pays",
        "types": "Types",
        "years": "Années",
        "place": "Lieu",
        "date": "Date",
        "precision": "Précision",
        "type": "Type",
        "status": "Statut",
        "evidence": "Ce que disent les sources",
        "read_in_context": "Lire dans l’article",
        "drawn_events": "Événements tirés de cet article",
        "published": "Date de l’article",
        "dct_inferred": "date déduite du texte",
        "inferred_date": "date déduite",
        "inferred_date_help": "La date de cet événement a été déduite et non lue telle quelle.",
        "curated": "corrigé",
        "curated_help": "Corrigé à la main après l’extraction automatique.",
        "curated_event": "ajouté à la main",
        "curated_event_help": "Cet événement a été ajouté à la main, avec ses sources.",
        "previous": "Événement précédent",
        "next": "Événement suivant",
        "permalink": "Lien permanent",
        "n_sources_1": "1 source",
        "n_sources_n": "{n} sources",
        "n_events_1": "1 événement",
        "n_events_n": "{n} événements",
        "filters": "Filtrer",
        "filter_type": "Type",
        "filter_country": "Pays",
        "filter_actor": "Acteur",
        "filter_year": "Année",
        "filter_all": "Tous",
        "filter_reset": "Réinitialiser",
        "filter_count": "{n} événement(s) affiché(s)",
        "overview": "Vue d’ensemble : événements datés au mois ou au jour, par mois",
        "exports": "Exporter",
        "search": "Rechercher",
        "unreviewed": "nom non vérifié",
        "planned": "prévu",
        "happened": "a eu lieu",
        "original": "Article original",
        "legend_timex": "date reconnue",
        "legend_mention": "acteur reconnu",
        "legend_evidence": "passage cité comme preuve",
        "legend": "Légende",
        "by_actor": "Par acteur",
        "by_country": "Par pays",
        "by_pair": "Par paire de pays",
        "by_type": "Par type",
        "by_year": "Par année",
        "browse": "Parcourir",
        "back_to_timeline": "Retour à la chronologie",
        "moved": "Cet événement a changé d’adresse.",
        "about": "À propos",
        "footer": "Chaque événement renvoie aux phrases des articles qui en témoignent.",
        "precision_day": "jour",
        "precision_month": "mois",
        "precision_year": "année",
        "precision_quarter": "trimestre",
        "precision_half": "semestre",
        "precision_season": "saison",
        "precision_week": "semaine",
        "precision_decade": "décennie",
        "precision_century": "siècle",
        "precision_unknown": "inconnue",
        "approximate": "approximative",
        "month_unknown": "{year}, sans mois précis",
        "period": "Période",
        "period_label": "de {start} à {end}",
        "days_label": "du {start} au {end}",
        "period_help": "Une durée dont parle un article, et non un événement daté.",
        "earlier_years": "Années précédentes",
        "earlier_help": "Chacune a sa page ; les filtres ci-dessus portent sur cette page.",
        "year_page": "{n} sur la page de l’année {year}",
        "feed_for": "Fil Atom : {name}",
        "search_filters": "Les filtres (type, pays, acteur, année) s’appliquent aux événements.",
        "search_results": "{n} résultat(s)",
        "search_placeholder": "Gantz, Rabat, accord…",
        "search_label": "Rechercher dans les événements et les articles",
        "search_help": (
            "La recherche demande JavaScript et un site servi par un serveur web ; "
            "sinon, parcourez la chronologie ou les pages par acteur et par pays."
        ),
    },
    "en": {
        "site_title": "Diplomatic timeline",
        "site_description": "Dated diplomatic events, each linked to the sentences that attest it.",
        "skip": "Skip to content",
        "timeline": "Timeline",
        "events": "Events",
        "sources": "Sources",
        "source": "Source",
        "actors": "Actors",
        "countries": "Countries",
        "pairs": "Country pairs",
        "types": "Types",
        "years": "Years",
        "place": "Place",
        "date": "Date",
        "precision": "Precision",
        "type": "Type",
        "status": "Status",
        "evidence": "What the sources say",
        "read_in_context": "Read in the article",
        "drawn_events": "Events drawn from this article",
        "published": "Article date",
        "dct_inferred": "date inferred from the text",
        "inferred_date": "inferred date",
        "inferred_date_help": "This event's date was inferred rather than read as such.",
        "curated": "edited",
        "curated_help": "Corrected by hand after automatic extraction.",
        "curated_event": "added by hand",
        "curated_event_help": "This event was added by hand, with its sources.",
        "previous": "Previous event",
        "next": "Next event",
        "permalink": "Permalink",
        "n_sources_1": "1 source",
        "n_sources_n": "{n} sources",
        "n_events_1": "1 event",
        "n_events_n": "{n} events",
        "filters": "Filter",
        "filter_type": "Type",
        "filter_country": "Country",
        "filter_actor": "Actor",
        "filter_year": "Year",
        "filter_all": "All",
        "filter_reset": "Reset",
        "filter_count": "{n} event(s) shown",
        "overview": "Overview: events dated to the month or day, per month",
        "exports": "Export",
        "search": "Search",
        "unreviewed": "unverified name",
        "planned": "planned",
        "happened": "happened",
        "original": "Original article",
        "legend_timex": "recognised date",
        "legend_mention": "recognised actor",
        "legend_evidence": "passage quoted as evidence",
        "legend": "Legend",
        "by_actor": "By actor",
        "by_country": "By country",
        "by_pair": "By country pair",
        "by_type": "By type",
        "by_year": "By year",
        "browse": "Browse",
        "back_to_timeline": "Back to the timeline",
        "moved": "This event has moved.",
        "about": "About",
        "footer": "Every event links to the article sentences that attest it.",
        "precision_day": "day",
        "precision_month": "month",
        "precision_year": "year",
        "precision_quarter": "quarter",
        "precision_half": "half-year",
        "precision_season": "season",
        "precision_week": "week",
        "precision_decade": "decade",
        "precision_century": "century",
        "precision_unknown": "unknown",
        "approximate": "approximate",
        "month_unknown": "{year}, month not known",
        "period": "Period",
        "period_label": "{start} to {end}",
        "days_label": "{start} to {end}",
        "period_help": "A span of time an article speaks about, not a dated event.",
        "earlier_years": "Earlier years",
        "earlier_help": "Each has its own page; the filters above apply to this page.",
        "year_page": "{n} on the page of {year}",
        "feed_for": "Atom feed: {name}",
        "search_filters": "The filters (type, country, actor, year) apply to events.",
        "search_results": "{n} result(s)",
        "search_placeholder": "Gantz, Rabat, agreement…",
        "search_label": "Search events and articles",
        "search_help": (
            "Search needs JavaScript and the site served by a web server; "
            "otherwise browse the timeline or the pages per actor and country."
        ),
    },
}

# Plain labels for PLOVER codes; a mode refines CONSULT (a meeting) into its kind.
TYPE_LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "CONSULT": "Entretien",
        "AGREE": "Accord",
        "STATEMENT": "Déclaration",
        "SUPPORT": "Soutien",
        "SANCTION": "Sanction",
        "COOPERATE": "Coopération",
        "AID": "Aide",
        "REQUEST": "Demande",
        "ACCUSE": "Accusation",
        "REJECT": "Rejet",
        "THREATEN": "Menace",
        "PROTEST": "Protestation",
        "CONCEDE": "Concession",
        "RETREAT": "Retrait",
        "DISAPPROVE": "Désapprobation",
    },
    "en": {
        "CONSULT": "Talks",
        "AGREE": "Agreement",
        "STATEMENT": "Statement",
        "SUPPORT": "Support",
        "SANCTION": "Sanction",
        "COOPERATE": "Cooperation",
        "AID": "Aid",
        "REQUEST": "Request",
        "ACCUSE": "Accusation",
        "REJECT": "Rejection",
        "THREATEN": "Threat",
        "PROTEST": "Protest",
        "CONCEDE": "Concession",
        "RETREAT": "Withdrawal",
        "DISAPPROVE": "Disapproval",
    },
}

# Plain labels for modes, from their one declaration (data/modes.yaml)
MODE_LABELS: dict[str, dict[str, str]] = {lang: modes.labels(lang) for lang in LANGS}

# How a modifier reads in front of a period; "{}" is the period's own label.
MOD_PATTERNS: dict[str, dict[str, str]] = {
    "fr": {"START": "début {}", "MID": "mi-{}", "END": "fin {}", "APPROX": "vers {}",
           "BEFORE": "avant {}", "AFTER": "après {}"},
    "en": {"START": "early {}", "MID": "mid-{}", "END": "late {}", "APPROX": "around {}",
           "BEFORE": "before {}", "AFTER": "after {}"},
}

_WEEKDAYS = re.compile(
    r"\b(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
)
_QUARTER = {"fr": "{n}e trimestre {y}", "en": "Q{n} {y}"}
_HALF = {"fr": "{n}e semestre {y}", "en": "H{n} {y}"}
_SEASONS = {
    "fr": {"SP": "printemps {y}", "SU": "été {y}", "FA": "automne {y}", "WI": "hiver {y}"},
    "en": {"SP": "spring {y}", "SU": "summer {y}", "FA": "autumn {y}", "WI": "winter {y}"},
}


def strings(lang: str) -> dict[str, str]:
    """The interface strings for ``lang`` (French when the language is unknown)."""
    return STRINGS.get(lang, STRINGS["fr"])


def _lang(lang: str) -> str:
    return lang if lang in LANGS else "fr"


@lru_cache(maxsize=65536)  # Babel formats each date anew; thousands of events share dates
def date_label(value: str, mod: str | None = None, date_text: str = "", lang: str = "fr") -> str:
    """An honest label: only the precision the value has ("fin 2020", "novembre 2021").

    A day is shown with its weekday when the source itself named the weekday
    (``date_text`` like "jeudi 24 novembre").
    """
    lang = _lang(lang)
    g = granularity(value)
    span = period(value)
    if span is None:
        return value
    first = span[0]
    year = str(first.year)
    if g == "day":
        fmt = "full" if _WEEKDAYS.search(date_text or "") else "long"
        label = format_date(first, format=fmt, locale=lang)
        if lang == "fr" and first.day == 1:
            label = re.sub(r"(^|\s)1(\s)", r"\g<1>1er\2", label, count=1)
    elif g == "month":
        label = format_skeleton("yMMMM", first, locale=lang)
    elif g == "year":
        label = year
    elif g == "quarter":
        label = _QUARTER[lang].format(n=value[6:], y=year)
    elif g == "half":
        label = _HALF[lang].format(n=value[6:], y=year)
    elif g == "season":
        label = _SEASONS[lang][value[5:]].format(y=year)
    elif g == "week":
        start = format_date(first, format="long", locale=lang)
        label = ("semaine du {}" if lang == "fr" else "week of {}").format(start)
    elif g == "decade":
        label = ("années {}" if lang == "fr" else "the {}s").format(first.year)
    else:
        label = ("{}e siècle" if lang == "fr" else "{}th century").format(first.year // 100 + 1)
    pattern = MOD_PATTERNS[lang].get(mod or "")
    return pattern.format(label) if pattern else label


def days_label(value: str, end: str, lang: str = "fr") -> str:
    """A happening over several days: "du 23 novembre 2021 au 24 novembre 2021"."""
    lang = _lang(lang)
    return strings(lang)["days_label"].format(start=date_label(value, None, "", lang),
                                              end=date_label(end, None, "", lang))


def month_label(year: int, month: int, lang: str = "fr") -> str:
    """ "novembre 2021" / "November 2021", for timeline headings."""
    return format_skeleton("yMMMM", dt.date(year, month, 1), locale=_lang(lang))


def month_name(month: int, lang: str = "fr") -> str:
    """The stand-alone month name ("novembre"), for headings under a year."""
    return Locale.parse(_lang(lang)).months["stand-alone"]["wide"][month]


def type_label(types: tuple[str, ...] | list[str], mode: str | None, lang: str = "fr") -> str:
    """One plain label for an event: the mode for meetings, else its first known type."""
    lang = _lang(lang)
    if mode and mode in MODE_LABELS[lang]:
        return MODE_LABELS[lang][mode]
    if "AGREE" in types and "SUPPORT" in types:  # agreeing, rather than praise
        return TYPE_LABELS[lang]["AGREE"]
    for code in types:
        if code in TYPE_LABELS[lang]:
            return TYPE_LABELS[lang][code]
    return types[0].capitalize() if types else TYPE_LABELS[lang]["STATEMENT"]


def code_label(code: str, lang: str = "fr") -> str:
    """The plain label of one PLOVER code (for facet pages per type)."""
    return TYPE_LABELS[_lang(lang)].get(code, code.capitalize())


@cache  # Babel parses its locale data on every call; a site asks for each name thousands of times
def country_name(code: str, lang: str = "fr") -> str:
    """Babel's name for an ISO 3166 alpha-2 code, or the code itself when unknown."""
    return Locale.parse(_lang(lang)).territories.get(code.upper(), code)


def plural(n: int, key: str, lang: str = "fr") -> str:
    """ "1 source" / "3 sources" using the ``<key>_1`` / ``<key>_n`` strings."""
    table = strings(lang)
    return table[f"{key}_1"] if n == 1 else table[f"{key}_n"].format(n=n)
