"""Words and numbers that look like dates but are not."""

import pytest

from tests.test_dates_support import dates

FR_TRAPS = [
    "Sa délégation et ma délégation sont arrivées.",
    "Des responsables ont parlé.",
    "Mars est la quatrième planète.",
    "Plus de 2000 soldats ont été déployés.",
    "La frontière fait 1 500 km.",
    "Le taux atteint 45 %.",
    "Un homme âgé de 54 ans a été arrêté.",
    "Florian Désoteux, 26 ans, demeurant à Nancy.",
    "Le score final est de 3-1.",
    "Il y avait sept soldats.",
    "Le traité a été signé à Rabat.",
    "Les Jeux d'hiver ont commencé.",
    # a capitalised month after a capitalised word ends a name
    "Truong Thi Mai, membre du Politburo, était présente.",
]

EN_TRAPS = [
    "May it last, he added.",
    "Pham Thi June, a member of the Politburo, attended.",
    "Some 2000 Israeli tourists are expected.",
    "The march on Washington drew crowds.",
    # a month without its capital is the common word, even after "this", "last", "next"
    "He was arrested at this march in each of the last three years.",
    "They joined the next march and the last may pole dance.",
    "A 26-year-old man was arrested.",
    "He is 54 years old.",
    "Turnout reached 45%.",
    "The fall of Kabul shocked the world.",
    "The Winter Olympics drew crowds.",
    "The team won 3-1 at home.",
]


@pytest.mark.parametrize("text", FR_TRAPS)
def test_no_french_dates(text):
    assert dates("fr", "2022-11-24", text) == []


@pytest.mark.parametrize("text", EN_TRAPS)
def test_no_english_dates(text):
    assert dates("en", "2020-10-19", text) == []
