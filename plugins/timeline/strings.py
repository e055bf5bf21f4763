"""Interface strings the theme needs beside ``pipeline.labels.STRINGS``: the reader's
view of an event (articles, outlets, summary) and the language switch. Merged over
those strings per language; every language of ``labels.STRINGS`` has an entry here."""

EXTRA: dict[str, dict[str, str]] = {
    "fr": {
        "n_articles_1": "1 article",
        "n_articles_n": "{n} articles",
        "n_quotes_1": "1 passage",
        "n_quotes_n": "{n} passages",
        "outlet_unknown": "Source sans nom",
        "open_original": "Article original",
        "quote_link": "Voir ce passage dans l’article",
        "summary": "En bref",
        "what_happened": "Ce qui s’est passé",
        "language": "Langue",
        "lang_fr": "français",
        "lang_en": "anglais",
        "lang_es": "espagnol",
        "lang_de": "allemand",
        "kind_event": "Événement",
        "kind_source": "Article",
        "overview_years": "Événements par année",
        "quote_open": "«\u00a0",
        "quote_close": "\u00a0»",
        "colon": "\u00a0:",  # French puts a no-break space before a colon
    },
    "en": {
        "n_articles_1": "1 article",
        "n_articles_n": "{n} articles",
        "n_quotes_1": "1 passage",
        "n_quotes_n": "{n} passages",
        "outlet_unknown": "Unnamed source",
        "open_original": "Original article",
        "quote_link": "See this passage in the article",
        "summary": "In brief",
        "what_happened": "What happened",
        "language": "Language",
        "lang_fr": "French",
        "lang_en": "English",
        "lang_es": "Spanish",
        "lang_de": "German",
        "kind_event": "Event",
        "kind_source": "Article",
        "overview_years": "Events per year",
        "quote_open": "“",
        "quote_close": "”",
        "colon": ":",
    },
}


def merged(base: dict[str, str], lang: str) -> dict[str, str]:
    """``base`` (the pipeline's strings for ``lang``) with the theme's own."""
    return {**base, **EXTRA.get(lang, EXTRA["fr"])}
