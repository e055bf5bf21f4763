"""The whole world: every state, its offices and office-holders, and which of the people and
states a sentence names take part in its event."""

import pytest

from pipeline import gazetteer
from pipeline.mentions import recognise
from pipeline.records import Article
from tests.test_events import events


def states(text, lang):
    return sorted({m.key for m in recognise(Article("a.md", text, 0, "t", lang, None))
                   if m.kind in ("country", "place")})


def people(text, lang):
    return [(m.kind, m.key, m.country, m.reviewed)
            for m in recognise(Article("a.md", text, 0, "t", lang, None))
            if m.kind in ("person", "org", "role")]


@pytest.mark.parametrize("text, lang, expected", [
    # names, demonyms in every gender and number, capitals, in each language
    ("Le Sénégal et la Gambie ont signé un accord.", "fr", ["GM", "SN"]),
    ("La délégation kényane est arrivée à Addis-Abeba.", "fr", ["ET", "KE"]),
    ("Les autorités vietnamiennes ont reçu les Philippins.", "fr", ["PH", "VN"]),
    ("Kenya and Ethiopia signed a border deal in Nairobi.", "en", ["ET", "KE"]),
    ("Uruguayan and Paraguayan officials met.", "en", ["PY", "UY"]),
    ("El gobierno argentino recibió a la delegación chilena en Buenos Aires.", "es",
     ["AR", "CL"]),
    ("Die indonesische Regierung empfing den vietnamesischen Gesandten.", "de", ["ID", "VN"]),
    ("Brasilia et Pékin ont salué l'accord.", "fr", ["BR", "CN"]),
    # seats of power
    ("Itamaraty a convoqué l'ambassadeur, selon Downing Street.", "fr", ["BR", "GB"]),
    ("Le Quai d'Orsay a répondu à Moscou.", "fr", ["FR", "RU"]),
    # the states the matcher must tell apart
    ("La Guinée et la Guinée-Bissau ont rappelé leurs ambassadeurs en Guinée équatoriale.",
     "fr", ["GN", "GQ", "GW"]),
    ("Le Niger et le Nigeria ont fermé leur frontière.", "fr", ["NE", "NG"]),
    ("Nigerien and Nigerian troops met.", "en", ["NE", "NG"]),
    ("La RDC et le Congo-Brazzaville ont signé.", "fr", ["CD", "CG"]),
    # "Congo" alone: the Congo the article names otherwise, else the larger
    ("Le président congolais a reçu à Brazzaville le ministre du Congo.", "fr", ["CG"]),
    ("Kinshasa accuse Kigali : le Congo a rappelé son ambassadeur.", "fr", ["CD", "RW"]),
    ("Congolese troops crossed the border.", "en", ["CD"]),
    ("Türkiye and Turkey are one state.", "en", ["TR"]),
])
def test_every_state_is_recognised_in_each_language(text, lang, expected):
    assert states(text, lang) == expected


@pytest.mark.parametrize("text, lang, expected", [
    # a region's adjective is no state
    ("Central American leaders met in Mexico.", "en", ["MX"]),
    ("Latin American ministers called for talks.", "en", []),
    ("Patrols in the South China Sea and the Indian Ocean resumed.", "en", []),
    ("Les Comores, dans l'océan Indien, ont reçu la délégation.", "fr", ["KM"]),
    # a first name before a surname is no state
    ("Jordan Bardella a rencontré le président.", "fr", []),
    ("Chad Wolf visited the border.", "en", []),
    ("L'école Maurice-Henry a rouvert.", "fr", []),
    ("Maurice et Madagascar ont signé.", "fr", ["MG", "MU"]),
    ("Jordan and Chad signed an accord.", "en", ["JO", "TD"]),
    ("The minister returned to Jordan Monday.", "en", ["JO"]),
    # "Georgia" counts only where the article names the state otherwise too
    ("The governor of Georgia visited Atlanta.", "en", []),
    ("Georgia recalled its ambassador from Moscow.", "en", ["GE", "RU"]),
])
def test_ambiguous_forms_are_resolved_by_their_context(text, lang, expected):
    assert states(text, lang) == expected


@pytest.mark.parametrize("text, lang, expected", [
    ("Le président sénégalais a reçu son homologue.", "fr",
     ("role", "head_of_state@SN", "SN", True)),
    ("Japan's foreign minister arrived.", "en", ("role", "foreign_minister@JP", "JP", True)),
    ("La ministre allemande des Affaires étrangères est venue.", "fr",
     ("role", "foreign_minister@DE", "DE", True)),
    ("El canciller argentino viajó.", "es", ("role", "foreign_minister@AR", "AR", True)),
    ("Le ministre des Affaires étrangères de la Fédération de Russie est arrivé.", "fr",
     ("role", "foreign_minister@RU", "RU", True)),
    ("Der kenianische Präsident reiste ab.", "de", ("role", "head_of_state@KE", "KE", True)),
    # "canciller" is a foreign minister, but the German one is the head of government
    ("El canciller alemán llegó.", "es", ("role", "head_of_government@DE", "DE", True)),
    ("Le chancelier allemand est arrivé.", "fr", ("role", "head_of_government@DE", "DE", True)),
])
def test_an_office_of_any_state_names_the_state(text, lang, expected):
    assert expected in people(text, lang)


@pytest.mark.parametrize("text, lang, name, country", [
    ("Chinese Foreign Minister Wang Yi will visit.", "en", "Wang Yi", "CN"),
    ("Le chef de la diplomatie malienne Abdoulaye DIOP l'a accueilli.", "fr",
     "Abdoulaye Diop", "ML"),
    ("Sergueï LAVROV aura un entretien.", "fr", "Sergueï Lavrov", "RU"),
    ("President Volodymyr Zelenskyy spoke; Zelensky later left.", "en",
     "Volodymyr Zelensky", "UA"),
    ("Le président kényan William Ruto a reçu Olaf Scholz.", "fr", "William Ruto", "KE"),
    ("Andrés Manuel López Obrador recibió a Lula.", "es", "Andrés Manuel López Obrador", "MX"),
])
def test_office_holders_are_known_by_their_aliases(text, lang, name, country):
    assert ("person", name, country, True) in people(text, lang)


def test_an_office_resolves_to_its_holder_on_the_date():
    assert gazetteer.holder("foreign_minister", "CN", "2023-03") == "Qin Gang"
    assert gazetteer.holder("foreign_minister", "CN", "2024-03-17") == "Wang Yi"
    assert gazetteer.holder("head_of_government", "GB", "2022-10-01") == "Liz Truss"


@pytest.mark.parametrize("text, lang, name, country", [
    # a person the gazetteer does not know: the state of the title before the name
    ("New Zealand Deputy Prime Minister and Minister of Foreign Affairs Karl Hansen met.",
     "en", "Karl Hansen", "NZ"),
    ("Le ministre malien des Affaires étrangères, Moussa Keita, est arrivé.", "fr",
     "Moussa Keita", "ML"),
    # an honorific is no part of the name
    ("Il a rencontré son homologue sud-africaine, Mme Thandi Mokoena.", "fr",
     "Thandi Mokoena", "ZA"),
])
def test_unknown_people_take_the_state_of_their_title(text, lang, name, country):
    assert ("person", name, country, False) in people(text, lang)


def test_no_two_people_share_an_alias_on_the_same_date():
    holders: dict[str, list] = {}
    for actor in gazetteer.actors():
        for alias in actor.aliases:
            holders.setdefault(alias, []).append(actor)
    for alias, actors in holders.items():
        if len(actors) < 2:
            continue
        spans = [(r.start, r.end, a.name) for a in actors for r in a.roles]
        for s1, e1, n1 in spans:
            for s2, e2, n2 in spans:
                assert n1 == n2 or e1 < s2 or e2 < s1, f"{alias}: {n1} and {n2}"


def test_every_role_has_a_state_or_an_organisation_and_a_known_office():
    offices = set(gazetteer.role_phrases())
    codes = {c.code for c in gazetteer.countries()}
    for actor in gazetteer.actors():
        for role in actor.roles:
            assert role.role in offices, f"{actor.name}: {role.role}"
            assert role.country in codes | gazetteer.ORGANISATIONS or (
                role.country == "" and actor.kind == "person"), f"{actor.name}: {role}"


def _refused(monkeypatch, name: str, change, reader, match: str) -> None:
    """``reader()`` refuses the data file ``name`` once ``change`` has altered it."""
    from pipeline import vocab

    real = vocab.load_yaml
    monkeypatch.setattr(gazetteer, "load_yaml",
                        lambda n: change(real(n)) if n == name else real(n))
    reader.cache_clear()
    try:
        with pytest.raises(ValueError, match=match):
            reader()
    finally:
        reader.cache_clear()


def test_an_unknown_key_in_a_vocabulary_file_names_the_file_and_line(monkeypatch):
    _refused(monkeypatch, "office_holders.yaml", lambda data: [dict(data[0], rôle="x")] + data[1:],
             gazetteer.actors, r"office_holders\.yaml:\d+: .*unknown key 'rôle'")


# --- which people and states take part -------------------------------------------------


def test_a_person_named_with_an_office_and_not_in_the_gazetteer_is_a_participant():
    (e,) = events("Le ministre malien des Affaires étrangères, Moussa Keita, est arrivé "
                  "lundi à Dakar pour une visite officielle.", "2023-02-07")
    assert e.unreviewed_actors == ("Moussa Keita",) and set(e.countries) == {"ML", "SN"}


def test_the_subject_and_hosts_before_the_dated_clause_take_part():
    (e,) = events("Chinese Foreign Minister Wang Yi, at the invitation of Australia's "
                  "Minister for Foreign Affairs Penny Wong, will pay an official visit to "
                  "Australia on March 17.", "2024-03-14", "en")
    assert set(e.actors) == {"Wang Yi", "Penny Wong"} and set(e.countries) == {"AU", "CN"}


@pytest.mark.parametrize("text, dct, lang, cited", [
    ("Selon le porte-parole Karim Haddad, le ministre turc s'est rendu mardi à Bagdad.",
     "2023-05-10", "fr", "Karim Haddad"),
    ("The Turkish foreign minister visited Baghdad on Tuesday, spokesperson Karim Haddad "
     "announced.", "2023-05-10", "en", "Karim Haddad"),
    ("Le ministre turc s'est rendu mardi à Bagdad et a remercié le président Abdel Latif "
     "Rashid.", "2023-05-10", "fr", "Abdel Latif Rashid"),
])
def test_people_cited_or_thanked_are_not_participants(text, dct, lang, cited):
    found = events(text, dct, lang)
    assert found and all(cited not in e.actors + e.unreviewed_actors for e in found)


def test_an_office_whose_holder_is_unknown_still_names_its_state():
    (e,) = events("Le président bissau-guinéen a reçu mardi à Bissau le ministre togolais "
                  "des Affaires étrangères.", "2022-05-11")
    assert {"GW", "TG"} <= set(e.countries)


@pytest.mark.parametrize("text, lang, absent", [
    ("Le président Tebboune a reçu mardi à Alger le ministre français, après le soutien de "
     "Paris au plan d'autonomie marocain pour le Sahara occidental.", "fr", {"MA", "EH"}),
    ("Algeria's president received the French foreign minister in Algiers on Tuesday to "
     "discuss the Moroccan autonomy plan.", "en", {"MA"}),
])
def test_states_named_in_passing_are_not_parties(text, lang, absent):
    (e,) = events(text, "2024-07-31", lang)
    assert {"DZ", "FR"} <= set(e.countries) and not absent & set(e.countries)


def test_a_title_before_a_known_name_resolves_to_that_person_only():
    # the office alone would name Qin Gang on this date; the name says who it is
    (e,) = events("Chinese Foreign Minister Wang Yi visited Canberra on March 17, 2023.",
                  "2023-03-18", "en")
    assert e.actors == ("Wang Yi",)


@pytest.mark.parametrize("text, lang, org", [
    ("La CEDEAO a suspendu le Niger.", "fr", "ECOWAS"),
    ("ECOWAS leaders met in Abuja.", "en", "ECOWAS"),
    ("L'OTAN a convoqué une réunion.", "fr", "NATO"),
    ("La Unión Africana condenó el golpe.", "es", "African Union"),
    ("Die Vereinten Nationen riefen zur Ruhe auf.", "de", "United Nations"),
])
def test_an_organisation_is_an_actor_not_a_state(text, lang, org):
    found = people(text, lang)
    assert ("org", org, None, True) in found


def test_a_person_named_again_by_surname_or_role_is_the_same_person():
    found = people("Le ministre malien des Affaires étrangères, Moussa Keita, est arrivé. "
                   "M. Keita a ensuite rencontré la presse, puis le chef de la diplomatie "
                   "malienne est reparti.", "fr")
    again = [f for f in found if f[0] == "person"]
    assert again == [("person", "Moussa Keita", "ML", False)] * 3


@pytest.mark.parametrize("text, lang", [
    ("Le ministre malien Moussa Keita a appelé le ministre togolais Kodjo Adedze. "
     "Les deux chefs de la diplomatie se sont entretenus mardi par téléphone.", "fr"),
    ("Malian minister Moussa Keita called Togolese minister Kodjo Adedze last week. The two "
     "ministers signed an agreement in Bamako on Tuesday.", "en"),
])
def test_the_two_ministers_are_the_two_people_named_before(text, lang):
    (e,) = events(text, "2023-05-10", lang)
    assert set(e.unreviewed_actors) == {"Moussa Keita", "Kodjo Adedze"}
    assert {"ML", "TG"} <= set(e.countries)


def test_an_unknown_key_in_the_countries_names_the_line_of_its_state(monkeypatch):
    _refused(monkeypatch, "countries.yaml",
             lambda data: dict(data, ML=dict(data["ML"], capital=["Bamako"])),
             gazetteer.countries, r"countries\.yaml:\d+: ML: unknown key 'capital'")


def test_a_maintainer_lists_the_unknown_people_and_promotes_one(tmp_path, monkeypatch):
    from pipeline import promote

    article = tmp_path / "a.md"
    article.write_text("---\ntitle: t\ndate: 2023-05-10\nlang: fr\n---\nLe ministre malien des "
                       "Affaires étrangères, Moussa Keita, est arrivé mardi à Lomé. M. Keita "
                       "a été reçu par le président.\n", encoding="utf-8")
    (person,) = promote.unreviewed([str(article)])
    assert (person.name, person.country, person.role, person.count) == (
        "Moussa Keita", "ML", "foreign_minister", 2)
    assert person.example.startswith("Le ministre malien")
    # the gazetteer's files in a folder of their own, without office_holders.yaml's people
    from pipeline import vocab

    data = vocab.DATA
    for name in ("actors.yaml", "roles.yaml"):
        (tmp_path / name).write_text((data / name).read_text("utf-8"), "utf-8")
    (tmp_path / "office_holders.yaml").write_text("[]\n", "utf-8")
    monkeypatch.setattr(promote, "PROMOTED", tmp_path / "promoted.yaml")
    assert promote.promote(["Moussa Keita", "Nobody"], [str(article)]) == ["Nobody"]
    monkeypatch.setattr(vocab, "DATA", tmp_path)
    monkeypatch.setattr(gazetteer, "DATA", tmp_path)
    for cached in (vocab.load_yaml, gazetteer.actors, gazetteer.holder):
        cached.cache_clear()
    try:
        keita = next(a for a in gazetteer.actors() if a.name == "Moussa Keita")
        assert keita.country == "ML" and keita.aliases[0] == "Moussa KEITA"
        assert gazetteer.holder("foreign_minister", "ML", "2023-06-01") == "Moussa Keita"
    finally:
        for cached in (vocab.load_yaml, gazetteer.actors, gazetteer.holder):
            cached.cache_clear()


@pytest.mark.parametrize("text, dct, lang, parties, place", [
    ("La réunion entre les chefs de la diplomatie algérienne et française s'est tenue mardi "
     "à Rabat.", "2024-07-31", "fr", {"DZ", "FR"}, "Rabat"),
    ("Russian and Ukrainian foreign ministers held talks in Nairobi on Tuesday.",
     "2024-07-31", "en", {"RU", "UA"}, "Nairobi"),
    ("Les présidents Ruto et Ramaphosa se sont entretenus mardi à Addis-Abeba.",
     "2024-07-31", "fr", {"KE", "ZA"}, "Addis-Abeba"),
    ("Ruto and Ramaphosa met at the Addis Ababa summit on Tuesday.", "2024-07-31", "en",
     {"KE", "ZA"}, "Addis Ababa"),
])
def test_a_meetings_city_is_its_place_not_a_party(text, dct, lang, parties, place):
    (e,) = events(text, dct, lang)
    assert set(e.countries) == parties and e.place == place


@pytest.mark.parametrize("text, dct, lang, parties", [
    # a city after any other verb stands for its state's government
    ("Le président Tebboune a reproché mardi à Rabat son soutien au plan, a déclaré le "
     "ministère.", "2024-07-31", "fr", {"DZ", "MA"}),
    ("Algeria's foreign minister on Tuesday held talks with Rabat on the border.",
     "2024-07-31", "en", {"DZ", "MA"}),
    # the city a visit goes to, or where a host receives, is the host's: a party
    ("Le ministre israélien des Affaires étrangères est arrivé mardi à Rabat pour une visite "
     "de deux jours.", "2024-07-31", "fr", {"IL", "MA"}),
    ("The Israeli foreign minister arrived in Rabat on Tuesday for a two-day visit.",
     "2024-07-31", "en", {"IL", "MA"}),
    ("Le chef de la diplomatie algérienne s'est rendu mardi à Pretoria, où il a rencontré "
     "son homologue.", "2024-07-31", "fr", {"DZ", "ZA"}),
])
def test_a_city_standing_for_its_state_or_hosting_a_visit_is_a_party(text, dct, lang, parties):
    (e,) = events(text, dct, lang)
    assert set(e.countries) == parties


# the G20's states, the permanent members, the Middle East and North Africa (but Libya, of
# two rival governments) and the largest states of each region
COVERED = ("US CN RU GB FR DE IT JP CA AU KR IN ID TR SA AR BR MX ZA DZ BH EG IR IQ IL JO KW "
           "LB MA OM PS QA SY TN AE YE ET KE PK PL UA ES NL").split()


@pytest.mark.parametrize("code", COVERED)
def test_a_leader_and_a_foreign_minister_are_known_for_every_year_since_2015(code):
    missing = [year for year in range(2015, 2025)
               if not (gazetteer.holder("head_of_state", code, f"{year}-07-10")
                       or gazetteer.holder("head_of_government", code, f"{year}-07-10"))
               or not gazetteer.holder("foreign_minister", code, f"{year}-07-10")]
    assert not missing, f"{code}: no leader or foreign minister known in {missing}"


@pytest.mark.parametrize("text, lang, expected", [
    # major cities beyond the capitals name their state, in each language's spelling
    ("Les pourparlers se sont ouverts à Genève puis à Shanghai.", "fr", ["CH", "CN"]),
    ("Talks opened in Mumbai and moved to Lagos.", "en", ["IN", "NG"]),
    ("Die Gespräche fanden in München statt.", "de", ["DE"]),
    ("La cumbre se celebró en Nueva York.", "es", ["US"]),
    # a city's name that is also a word or a person's name is no city
    ("Samara Joy, Kobe Bryant and Santiago Peña were there.", "en", []),
])
def test_major_cities_name_their_state(text, lang, expected):
    assert states(text, lang) == expected


@pytest.mark.parametrize("text, dct, lang, parties, place", [
    # a city other than a capital is where an event happens, not a party
    ("Chinese Foreign Minister Wang Yi met his Russian counterpart in Shanghai on Tuesday.",
     "2024-07-31", "en", {"CN", "RU"}, "Shanghai"),
    ("Les ministres des Affaires étrangères russe et ukrainien ont tenu mardi des pourparlers "
     "à Genève.", "2024-07-31", "fr", {"RU", "UA"}, "Genève"),
    # but a visit's city is its host's
    ("Le ministre kényan des Affaires étrangères est arrivé mardi à Shanghai pour une visite "
     "de trois jours.", "2024-07-31", "fr", {"KE", "CN"}, "Shanghai"),
])
def test_a_major_city_is_a_place_and_a_party_only_as_a_visits_host(text, dct, lang, parties,
                                                                   place):
    (e,) = events(text, dct, lang)
    assert set(e.countries) == parties and e.place == place


@pytest.mark.parametrize("text, lang, expected", [
    # where a crisis or a war is, and the states listed with it, are what is talked about
    ("Ruto and Abiy discussed the situation in Sudan and Somalia.", "en", []),
    ("Les deux ministres ont évoqué la guerre en Ukraine.", "fr", []),
    ("Ruto and Abiy met Sudan's envoy.", "en", ["SD"]),
])
def test_where_a_crisis_is_is_no_party(text, lang, expected):
    assert states(text, lang) == expected
