"""Build-time SVG overview: one bar per month (or per year over long spans), and the
years before that range which have events, each a bar of its own before a gap: no year
is left out, and a 1777 treaty does not squash the recent months into a line.

In: the view model. Out: SVG markup where each bar links to its month on the timeline
page; ``narrow`` draws one bar per year, with its count written above it, for small
screens (the page shows one chart or the other by its width). All text is XML-escaped
here, because the markup is inserted into pages as is. The chart uses classes, not
inline styles, so that the page's CSP can forbid them.
"""

from __future__ import annotations

from collections import Counter
from xml.sax.saxutils import escape, quoteattr

from pipeline import labels
from pipeline.periods import period as covered

WIDTH, HEIGHT, AXIS = 800, 120, 18
# the chart for small screens: drawn at about this width, so that its text stays >= 12 px
# and each bar's target >= 24 px on a 360 px screen; wider when it has many years
NARROW_WIDTH, NARROW_HEIGHT, NARROW_AXIS, NARROW_STEP = 330, 110, 22, 40
MAX_MONTHS = 120  # beyond ten years a bar per month gets too thin: count per year


def _fine(event: dict) -> bool:
    return event["precision"] in ("day", "month")


def _range(timeline, dated) -> tuple[int, int, int, int] | None:
    """The first and last (year, month) the chart covers, or None when nothing is dated."""
    periods = [p for p in (covered(e["value"], e.get("mod")) for e in dated) if p]
    # spans of time the sources speak about widen the range so that their band shows
    periods += [(p["first_day"], p["last_day"]) for p in timeline.periods]
    if not periods:
        return None
    (y0, m0) = min((p[0].year, p[0].month) for p in periods)
    (y1, m1) = max((p[1].year, p[1].month) for p in periods)
    return y0, m0, y1, m1


def _year_buckets(dated, y0: int, y1: int) -> list[tuple[str, str, str, int]]:
    """One bar per year, a year labelled every 1, 2, 5, 10... years (at most 12 labels)."""
    years = Counter(int(e["sort"][:4]) for e in dated)
    n = y1 - y0 + 1
    every = next(k for k in (1, 2, 5, 10, 25, 50, 100, 1000) if n / k <= 12)
    return [(f"y-{y}", str(y), str(y) if y % every == 0 else "", years.get(y, 0))
            for y in range(y0, y1 + 1)]


def _old_years(timeline, y0: int) -> list[tuple[str, str, str, int]]:
    """The years before the range that have events, one bar each, the gap between them
    and the range compressed away into one empty column."""
    before = Counter(int(e["year"]) for e in timeline.events if int(e["year"]) < y0)
    out = [(f"y-{y}", str(y), str(y), n) for y, n in sorted(before.items())]
    if out:  # an empty column stands for the years left out
        out.append(("", "", "", 0))
    return out


def _buckets(timeline) -> list[tuple[str, str, str, int]]:
    """(anchor, label, axis label or "", count) for each month or year in the range.

    Only events dated to the month or the day are counted in a month; coarser ones are
    drawn as spans (see ``_spans``) so that no bar claims a precision the data lacks.
    """
    lang = timeline.lang
    # the range follows the events dated to the month or day, so that one old event known
    # only by its year (a 1777 treaty) does not squash the recent months into a line
    dated = [e for e in timeline.events if _fine(e)] or timeline.events
    bounds = _range(timeline, dated)
    if bounds is None:
        return []
    y0, m0, y1, m1 = bounds
    span = (y1 - y0) * 12 + m1 - m0 + 1
    if span > MAX_MONTHS:
        return _year_buckets(dated, y0, y1)
    months = Counter((int(e["sort"][:4]), int(e["sort"][5:7]))
                     for e in timeline.events if _fine(e))
    out = _old_years(timeline, y0)
    span_all = span + len(out)
    for i in range(span):
        y, m = y0 + (m0 - 1 + i) // 12, (m0 - 1 + i) % 12 + 1
        # a year label at the start and at each January not too close to it
        close = i * WIDTH / span_all < 40
        axis = str(y) if i == 0 or (m == 1 and not close) else ""
        out.append((f"m-{y}-{m:02d}", labels.month_label(y, m, lang), axis, months.get((y, m), 0)))
    return out


def _event_href(timeline, event: dict) -> str:
    url = event.get("timeline_url", "")
    return url[len("index.html"):] if url.startswith("index.html#") else url


def _lead(buckets) -> int | None:
    """How many old-year bars come before the months; None when there are no months."""
    return next((i for i, b in enumerate(buckets) if b[0].startswith("m-")), None)


def _spans(timeline, buckets, step: float) -> list[str]:
    """Thin linked bands over the months covered by events dated coarser than a month."""
    lead = _lead(buckets)
    if lead is None:
        return []
    y0, m0 = int(buckets[lead][0][2:6]), int(buckets[lead][0][7:9])
    buckets = buckets[lead:]

    def column(day) -> int:  # months from the first month's bar
        return (day.year - y0) * 12 + day.month - m0 + lead

    # events drawn over the same months share one span, named with their number: a span
    # per event made the chart most of the timeline page's weight
    same: dict[tuple[int, int], list] = {}
    for e in timeline.events:
        if _fine(e):
            continue
        period = covered(e["value"], e.get("mod"))
        if period is None:
            continue
        first, last = column(period[0]), column(period[1])
        if last < lead or first >= len(buckets) + lead:
            continue  # outside the months: listed on the timeline only
        first, last = max(first, lead), min(last, len(buckets) + lead - 1)
        # "fin 2020" covers the last third of the year, "début" the first, "mi-" the middle
        third = max((last - first + 1) // 3, 1)
        if e.get("mod") == "END":
            first = last - third + 1
        elif e.get("mod") == "START":
            last = first + third - 1
        elif e.get("mod") == "MID":
            first = first + third
            last = first + third - 1
        same.setdefault((first, last), []).append(e)
    out = []
    for row, ((first, last), group) in enumerate(same.items()):
        e = group[0]
        y = 2 + (row % 4) * 8
        what = e["title"] if len(group) == 1 else labels.plural(len(group), "n_events",
                                                                   timeline.lang)
        name = f"{e['date_label']}{timeline.t['colon']} {what}"
        out.append(
            f'<a href={quoteattr(_event_href(timeline, e))} aria-label={quoteattr(name)} '
            'tabindex="-1">'
            f"<title>{escape(name)}</title>"
            f'<rect class="span" x="{first * step:.1f}" y="{y}" '
            f'width="{(last - first + 1) * step:.1f}" height="6" rx="3"/></a>'
        )
    return out


def _bands(timeline, buckets, step: float) -> list[str]:
    """Periods ("les deux dernières années") as shaded bands behind the bars.

    A band spans the months the period covers and links to the passage naming it.
    """
    lead = _lead(buckets)
    if lead is None:
        return []
    y0, m0 = int(buckets[lead][0][2:6]), int(buckets[lead][0][7:9])
    out = []
    for p in timeline.periods:
        first = (p["first_day"].year - y0) * 12 + p["first_day"].month - m0 + lead
        last = (p["last_day"].year - y0) * 12 + p["last_day"].month - m0 + lead
        if last < lead or first >= len(buckets):
            continue
        first, last = max(first, lead), min(last, len(buckets) - 1)
        t = timeline.t
        name = (f"{t['period']}{t['colon']} {p['label']} — "
                f"{t['quote_open']}{p['text']}{t['quote_close']}")
        out.append(
            f'<a href={quoteattr(p["url"])} aria-label={quoteattr(name)} tabindex="-1">'
            f"<title>{escape(name)}</title>"
            f'<rect class="period" x="{first * step:.1f}" y="0" '
            f'width="{(last - first + 1) * step:.1f}" height="{HEIGHT}"/></a>'
        )
    return out


def _href(timeline, anchor: str, standalone: bool) -> str:
    """Where a bar leads: its month on the timeline page, or on its year page."""
    year = anchor[2:6]
    entry = timeline.years_by_key().get(year)
    shown = entry and entry.get("index_months")
    if entry is not None and (not entry["on_index"] or (
            shown is not None and anchor.startswith("m-")
            and all(m["anchor"] != anchor for m in shown))):
        return f"{entry['url']}#{anchor}"
    return ("index.html" if standalone else "") + "#" + anchor


def overview(timeline, standalone: bool = False) -> str:
    """SVG markup; ``standalone`` adds the XML namespace and links to ``index.html``."""
    buckets = _buckets(timeline)
    title = escape(timeline.t["overview"])
    if not buckets:
        return ""
    top = max(count for *_, count in buckets) or 1
    step = WIDTH / len(buckets)
    bar = max(step * 0.8, 1.0)
    ns = ' xmlns="http://www.w3.org/2000/svg"' if standalone else ""
    out = [f'<svg{ns} class="overview" viewBox="0 0 {WIDTH} {HEIGHT + AXIS}" role="group" '
           f'aria-labelledby="overview-title">',
           f'<title id="overview-title">{title}</title>',
           f'<line class="axis" x1="0" y1="{HEIGHT}" x2="{WIDTH}" y2="{HEIGHT}"/>']
    out += _bands(timeline, buckets, step)
    lead = _lead(buckets)
    labelled = [i * step for i, b in enumerate(buckets) if b[2] and b[0].startswith("m-")]
    for i, (anchor, label, axis, count) in enumerate(buckets):
        x = i * step
        if axis and not anchor.startswith("m-") and lead:
            # an old year's label only where it leaves the others room
            if any(abs(x - other) < 40 for other in labelled):
                axis = ""
            else:
                labelled.append(x)
        if axis:
            out.append(f'<text class="tick" x="{x:.1f}" y="{HEIGHT + AXIS - 4}">{escape(axis)}'
                       "</text>")
        if not count:
            continue
        h = max((HEIGHT - 36) * count / top, 3)  # the top 36 units are kept for spans
        name = f"{label}{timeline.t['colon']} {labels.plural(count, 'n_events', timeline.lang)}"
        out.append(
            # out of the tab order: the year navigation and month headings lead to the same
            # places, and dozens of bars would stand between a keyboard and the filters
            f'<a href={quoteattr(_href(timeline, anchor, standalone))} '
            f'aria-label={quoteattr(name)} tabindex="-1">'
            f"<title>{escape(name)}</title>"
            f'<rect class="bar" x="{x + (step - bar) / 2:.1f}" y="{HEIGHT - h:.1f}" '
            f'width="{bar:.1f}" height="{h:.1f}"/></a>'
        )
    if lead:  # the empty column between the old years' bars and the months
        x = (lead - 0.5) * step
        out.append(f'<line class="gap" x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{HEIGHT}"/>')
    spans = _spans(timeline, buckets, step)
    if standalone:
        spans = [s.replace('href="#', 'href="index.html#') for s in spans]
    out += spans
    out.append("</svg>")
    return "\n".join(out) + "\n"


def overview_narrow(timeline) -> str:
    """The chart for small screens: one bar per year (every year of the range, and the
    older years that have events), its count written above it, its year below; each
    bar is a link to its year, named for assistive technology, in the tab order."""
    per_year = Counter(int(e["year"]) for e in timeline.events)
    if not per_year:
        return ""
    recent = [int(b[0][2:6]) for b in _buckets(timeline) if b[0].startswith("m-")]
    first = min(recent) if recent else min(per_year)
    years = sorted({y for y in per_year if y < first} | set(range(first, max(per_year) + 1)))
    width = max(NARROW_WIDTH, NARROW_STEP * len(years))
    step = width / len(years)
    top = max(per_year.values())
    title = escape(timeline.t["overview_years"])
    out = [f'<svg class="overview overview-narrow" viewBox="0 0 {width:.0f} '
           f'{NARROW_HEIGHT + NARROW_AXIS}" width="{width:.0f}" role="group" '
           'aria-labelledby="overview-narrow-title">',
           f'<title id="overview-narrow-title">{title}</title>',
           f'<line class="axis" x1="0" y1="{NARROW_HEIGHT}" x2="{width:.0f}" '
           f'y2="{NARROW_HEIGHT}"/>']
    for i, year in enumerate(years):
        x, n = i * step, per_year.get(year, 0)
        mid = x + step / 2
        if i and year - years[i - 1] > 1:  # years left out between two bars
            out.append(f'<line class="gap" x1="{x:.1f}" y1="0" x2="{x:.1f}" '
                       f'y2="{NARROW_HEIGHT}"/>')
        out.append(f'<text class="tick" x="{mid:.1f}" y="{NARROW_HEIGHT + NARROW_AXIS - 5}" '
                   f'text-anchor="middle">{year}</text>')
        if not n:
            continue
        h = max((NARROW_HEIGHT - 24) * n / top, 4)
        name = f"{year}{timeline.t['colon']} {labels.plural(n, 'n_events', timeline.lang)}"
        out.append(
            f'<a href={quoteattr(_href(timeline, f"y-{year}", False))} '
            f'aria-label={quoteattr(name)}><title>{escape(name)}</title>'
            # the whole column is the target, not only the bar
            f'<rect class="hit" x="{x:.1f}" y="0" width="{step:.1f}" '
            f'height="{NARROW_HEIGHT}"/>'
            f'<rect class="bar" x="{x + step * 0.2:.1f}" y="{NARROW_HEIGHT - h:.1f}" '
            f'width="{step * 0.6:.1f}" height="{h:.1f}"/>'
            f'<text class="count" x="{mid:.1f}" y="{NARROW_HEIGHT - h - 5:.1f}" '
            f'text-anchor="middle">{n}</text></a>')
    out.append("</svg>")
    return "\n".join(out) + "\n"
