"""Quarters: the year of a quarter without one, and the quarter a story reports on ("the
quarter", "the year-ago quarter", "a year earlier" after a quarter), article dates pinned."""

import pytest

from tests.test_dates_support import values

CASES = [
    # the article's year unless the tense points a quarter further than one period away
    ("en", "2020-10-19", "Profit fell in the fourth quarter.", ["2020-Q4"]),
    ("en", "2020-02-10", "Profit fell in the fourth quarter.", ["2019-Q4"]),
    ("en", "1989-10-26", "It expects to report third-quarter profit.", ["1989-Q3"]),
    ("en", "2020-11-10", "It will report in the first quarter.", ["2021-Q1"]),
    ("en", "1989-10-26", "Sales will rise in the first half.", ["1990-H1"]),
    ("fr", "2021-10-26", "Le groupe publiera ses comptes du troisième trimestre.", ["2021-Q3"]),
    # the story's quarter, a year back, in a year named
    ("en", "1989-10-26", "Third-quarter profit rose to $5 a share from $3 a year ago. In the "
     "year-ago quarter, sales fell. For the quarter, revenue rose. The 1988 period was weak.",
     ["1989-Q3", "1988-Q3", "1988-Q3", "1989-Q3", "1988-Q3"]),
    ("en", "1989-11-02", "Net fell in the fourth quarter, from $2 a year earlier. A year "
     "earlier, it had lost.", ["1989-Q4", "1988-Q4", "1988-Q4"]),
    ("en", "1989-10-26", "Revenue rose in the latest quarter.", ["1989-Q3"]),
    # a quarter forecast is not the one reported on
    ("en", "1989-10-26", "Profit fell in the third quarter. Analysts expect the trend to "
     "continue into the fourth quarter and through the third quarter of 1990. In the year-ago "
     "period, it earned $101 million.", ["1989-Q3", "1989-Q4", "1990-Q3", "1988-Q3"]),
    ("fr", "2021-10-26", "Le bénéfice a reculé au troisième trimestre. Les analystes "
     "prévoient que la baisse se poursuivra au quatrième trimestre. Au cours du trimestre, "
     "les ventes ont baissé.", ["2021-Q3", "2021-Q4", "2021-Q3"]),
    # no quarter named: the latest period a report is about is the last quarter over
    ("en", "1989-11-02", "Sales in the latest period were $1.7 billion.", ["1989-Q3"]),
    ("en", "1989-11-02", "The latest period had a profit of $4 million, against a loss in "
     "the 1988 period.", ["1989-Q3", "1988"]),
    ("fr", "1989-11-02", "Au cours du trimestre, les ventes ont baissé.", ["1989-Q3"]),
    ("en", "1989-10-26", "Year-earlier results were restated after the second quarter.",
     ["1988", "1989-Q2"]),
    ("fr", "2021-10-26", "Au troisième trimestre, le bénéfice a progressé, contre 3 euros un an "
     "plus tôt. Au cours du trimestre, les ventes ont baissé. Le même trimestre de l'année "
     "dernière, elles avaient progressé.", ["2021-Q3", "2020-Q3", "2021-Q3", "2020-Q3"]),
    # "the quarter a year ago", "la même période un an plus tôt": one expression, the story's
    # quarter a year back
    ("en", "1989-10-26", "Net rose 5% in the third quarter from the quarter a year ago.",
     ["1989-Q3", "1988-Q3"]),
    ("en", "1989-10-26", "Net rose 5% in the third quarter from the same period a year earlier.",
     ["1989-Q3", "1988-Q3"]),
    ("fr", "1989-10-26", "Le bénéfice a progressé au troisième trimestre par rapport au même "
     "trimestre un an plus tôt.", ["1989-Q3", "1988-Q3"]),
    ("fr", "1989-10-26", "Le bénéfice a progressé au troisième trimestre par rapport à la même "
     "période de l'an dernier.", ["1989-Q3", "1988-Q3"]),
    # "the previous quarter", "le trimestre précédent": the one before the story's quarter
    ("en", "2018-11-22", "The economy grew 2.2 per cent in the third quarter, slower than in "
     "the previous quarter.", ["2018-Q3", "2018-Q2"]),
    ("fr", "2018-11-22", "L'économie a progressé de 2,2 % au troisième trimestre, moins qu'au "
     "trimestre précédent.", ["2018-Q3", "2018-Q2"]),
    # a quarter by its months; a fiscal year from April ("2020-21") holds January-March of
    # its second year
    ("en", "2021-08-31", "China grew 7.9 per cent in the April-June period of 2021.",
     ["2021-Q2"]),
    ("en", "2019-09-26", "The April-June increase in output was revised.", ["2019-Q2"]),
    ("en", "2021-08-31", "GDP contracted in the corresponding April-June quarter of 2020-21.",
     ["2020-Q2"]),
    ("en", "2021-08-31", "Sales fell in the January-March quarter of 2020-21.", ["2021-Q1"]),
    ("en", "2021-08-31", "GDP rose in the first quarter of 2021-22.", ["2021-Q1"]),
    ("en", "2021-08-31", "Rain fell in June-August.", ["2021-06", "2021-08"]),
    ("en", "2018-11-08", "Growth slowed from 6.2 percent in April-June.", ["2018-Q2"]),
    ("fr", "2018-11-08", "La croissance a ralenti par rapport à avril-juin.", ["2018-Q2"]),
    ("fr", "2021-08-31", "La croissance de la période avril-juin 2021 a été forte.", ["2021-Q2"]),
    ("fr", "2021-08-31", "Le PIB a progressé au deuxième trimestre (avril-juin).",
     ["2021-Q2", "2021-Q2"]),
    # "this quarter", "ce trimestre" told of results are the story's quarter; "the current
    # quarter", "le trimestre en cours", or "this quarter" ahead, the article's
    ("en", "1989-10-26", "It lost $8 million for the third quarter. This quarter's loss "
     "includes charges.", ["1989-Q3", "1989-Q3"]),
    ("fr", "1989-10-26", "Il a perdu 8 millions au troisième trimestre. La perte de ce "
     "trimestre comprend des charges.", ["1989-Q3", "1989-Q3"]),
    ("en", "1989-10-26", "Its loss for the third quarter narrowed, with the current quarter "
     "having begun well.", ["1989-Q3", "1989-Q4"]),
    ("fr", "1989-10-26", "Il a perdu 8 millions au troisième trimestre, le trimestre en cours "
     "ayant bien commencé.", ["1989-Q3", "1989-Q4"]),
    ("en", "1989-10-26", "It lost money in the third quarter. Sales will rise this quarter.",
     ["1989-Q3", "1989-Q4"]),
    # "the corresponding period last year": the story's quarter a year back
    ("en", "1989-11-01", "It lost $8 million for the third quarter, against a profit for the "
     "corresponding period last year.", ["1989-Q3", "1988-Q3"]),
    # two quarters of a year are its half
    ("en", "1989-10-26", "The trend will last through the first two quarters of 1990.",
     ["1990-H1"]),
    ("fr", "1989-10-26", "La tendance durera pendant les deux premiers trimestres de 1990.",
     ["1990-H1"]),
    ("en", "1989-10-26", "Sales will fall in the last two quarters of 1990.", ["1990-H2"]),
    ("fr", "1989-10-26", "Les ventes baisseront au cours des deux derniers trimestres de 1990.",
     ["1990-H2"]),
    # a quarter by the month it ends; a quarter named a year back, which the story does not
    # move to; the quarter of the last fiscal year
    ("en", "2020-11-06", "It reported a profit for the September quarter of the current fiscal. "
     "It had a loss in the July-September quarter a year ago, and against the corresponding "
     "quarter of the last fiscal.", ["2020-Q3", "2019-Q3", "2019-Q3"]),
    ("fr", "2020-11-06", "Le bénéfice a progressé au troisième trimestre, contre une perte sur "
     "la période correspondante de l'exercice précédent.", ["2020-Q3", "2019-Q3"]),
    # after a month in its sentence, a year back is that month a year back
    ("en", "2010-05-14", "The surplus jumped 65 percent in March from a year before.",
     ["2010-03", "2009-03"]),
    ("fr", "2010-05-14", "L'excédent a bondi de 65 % en mars par rapport à un an plus tôt.",
     ["2010-03", "2009-03"]),
    ("en", "2010-05-14", "In March, he left. A year earlier, he had arrived.",
     ["2010-03", "2009"]),
    # a quarter told after a year opening the sentence is of that year
    ("fr", "2003-02-21", "En 2002, les ventes ont baissé. Au premier trimestre, elles avaient "
     "augmenté.", ["2002", "2002-Q1"]),
    ("en", "2003-02-21", "In 2002, sales fell. In the first quarter, they had risen.",
     ["2002", "2002-Q1"]),
    # no quarter in the story: a year back is a year
    ("en", "2021-10-26", "A year ago, he was in Rabat.", ["2020"]),
    ("fr", "2021-10-26", "Il y a un an, il était à Rabat.", ["2020"]),
    # a quarter of a year named by a relative word after it
    ("en", "2013-03-14", "The economy grew in the final quarter of last year.", ["2012-Q4"]),
    ("en", "2013-03-14", "It will grow in the first quarter of next year.", ["2014-Q1"]),
    ("fr", "2013-03-14", "Le PIB a progressé au quatrième trimestre de l'an dernier.",
     ["2012-Q4"]),
    ("fr", "2013-03-14", "Le PIB progressera au premier trimestre de l'année prochaine.",
     ["2014-Q1"]),
    ("fr", "2013-03-14", "Il est revenu en juin de l'an dernier.", ["2012-06"]),
]


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), CASES)
def test_quarter_values(lang, dct, text, expected):
    assert values(lang, dct, text) == expected


YEARS = [
    # the year a report is about
    ("en", "1989-10-26", "Sales for the full year were $6 billion.", ["1989"]),
    ("en", "1989-10-26", "It expects sales in the current fiscal year to rise.", ["1989"]),
    ("en", "1989-10-26", "Sales rose last fiscal year.", ["1988"]),
    ("en", "1989-10-26", "The full year of 2020 was bad.", ["2020"]),
    ("en", "1989-11-02", "For the year, pet food volume was flat.", ["1989"]),
    ("en", "1989-11-02", "Sales rose in the first nine months of the year.", ["1989"]),
    # a fiscal year named by its end is that date; "the year of" names no year
    ("en", "1989-11-02", "For the year ended Sept. 30, it earned $4 million.", ["1989-09-30"]),
    ("en", "1989-11-02", "The stock hit a high for the year of $42.", []),
    ("fr", "1989-11-02", "Les ventes ont baissé depuis le début de l'année.", ["1989"]),
    ("fr", "1989-10-26", "Le chiffre d'affaires de l'exercice en cours progressera.", ["1989"]),
    ("fr", "1989-10-26", "Le bénéfice a reculé sur l'exercice précédent.", ["1988"]),
    ("fr", "1989-10-26", "Le groupe a réduit sa dette de deux exercices.", []),
]


@pytest.mark.parametrize(("lang", "dct", "text", "expected"), YEARS)
def test_report_years(lang, dct, text, expected):
    assert values(lang, dct, text) == expected
