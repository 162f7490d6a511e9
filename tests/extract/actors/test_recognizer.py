"""Actors and places: gazetteer names, titles, capitals standing for states, groups, coreference."""
from __future__ import annotations

import pytest

from kg.extract.actors.recognizer import find_actors
from kg.nlp.sentences import split_sentences


def actors(text, lang):
    found = find_actors(text, lang, [(0, len(text))])
    return [(m.text, m.actor.name, m.actor.kind, m.actor.country) for m in found.actors], \
        [(m.text, m.place.name) for m in found.places]


def test_title_country_name_gives_person_with_role():
    # mentions are names, as NER counts them: the country and the person, with the title as role
    country, person = actors("Menteri Luar Negeri Rusia Sergey Lavrov tiba.", "id")[0]
    assert country == ("Rusia", "Russia", "country", "RUS")
    assert person == ("Sergey Lavrov", "Sergey Lavrov", "person", "RUS")
    found = find_actors("Presiden AS Donald Trump marah.", "id", [(0, 31)])
    assert (found.actors[-1].actor.role, found.actors[-1].actor.country) == ("President", "USA")


def test_unknown_titled_person_is_still_an_actor():
    mentions, _ = actors("Menteri Pertahanan Rusia Ivan Petrovsky datang.", "id")
    assert mentions[-1][1:] == ("Ivan Petrovsky", "person", "RUS")
    found = find_actors("Defense Minister Kemal Arslan arrived.", "en", [(0, 38)])
    assert found.actors[0].actor.name == "Kemal Arslan" and found.actors[0].actor.role == "Minister of Defence"


def test_capital_acts_for_its_state_but_is_a_place_after_a_preposition():
    acting, places = actors("Moskow mengecam Pyongyang.", "id")
    assert [a[1:] for a in acting] == [("Russia", "country", "RUS"), ("North Korea", "country", "PRK")] and not places
    acting, places = actors("Kim tiba di Moskow.", "id")
    assert places == [("Moskow", "Moscow")]
    acting, places = actors("The Kremlin said talks in Moscow would go on.", "en")
    assert acting[0][1] == "Russia" and places == [("Moscow", "Moscow")]


def test_groups_and_institutions_take_their_country():
    text = "tentara Korea Utara dan intelijen Ukraina serta pejabat Barat"
    found = find_actors(text, "id", [(0, len(text))])
    outer = [(m.actor.name, m.actor.kind, m.actor.country) for m in found.actors if not getattr(m, "inner", False)]
    assert outer == [("North Korean Troops", "group", "PRK"), ("Ukrainian Intelligence", "organization", "UKR"),
                     ("Western Officials", "group", None)]
    # the country inside a group's phrase is still a mention of the country (kept out of event roles)
    assert all(getattr(m, "inner", False) for m in found.actors if m.actor.kind == "country")


def test_surname_and_title_only_mentions_corefer():
    text = "Diplomat tinggi Rusia tiba. Menteri Luar Negeri Rusia Sergey Lavrov bertemu Kim. Lavrov pulang."
    found = find_actors(text, "id", [(s.start, s.end) for s in split_sentences(text, "id")])
    lavrov = {m.text: m.actor.key for m in found.actors}
    assert lavrov["Diplomat tinggi Rusia"] == lavrov["Lavrov"] == lavrov["Sergey Lavrov"]


def test_shared_surname_is_not_merged_without_evidence():
    text = "Joe Biden and Hunter Biden arrived. Biden spoke."
    found = find_actors(text, "en", [(s.start, s.end) for s in split_sentences(text, "en")])
    names = {m.text: m.actor.name for m in found.actors}
    assert names["Joe Biden"] != names["Hunter Biden"] and names.get("Biden") not in ("Joe Biden", "Hunter Biden")


def test_sentence_initial_capitals_and_months_are_not_names():
    found, _ = actors("Meskipun hujan, Bulan Juli ramai.", "id")
    assert found == []


def test_apposition_gives_role_and_country():
    text = "Maria Zakharova, juru bicara Kementerian Luar Negeri Rusia, mengatakan sesuatu."
    found = find_actors(text, "id", [(0, len(text))])
    zakharova = found.actors[0].actor
    assert (zakharova.name, zakharova.country) == ("Maria Zakharova", "RUS")


def test_user_actor_file_overrides(tmp_path):
    extra = tmp_path / "actors.yaml"
    extra.write_text("actors:\n  - {name: Budi Santoso, kind: person, country: IDN, aliases: [Pak Budi]}\n", encoding="utf-8")
    found = find_actors("Pak Budi tiba.", "id", [(0, 14)], str(extra))
    assert (found.actors[0].actor.name, found.actors[0].actor.country) == ("Budi Santoso", "IDN")


def test_english_country_adjective_before_the_noun():
    found, _ = actors("Turkish Foreign Minister Hakan Fidan met Ukrainian officials.", "en")
    assert ("Hakan Fidan", "Hakan Fidan", "person", "TUR") in found
    assert ("Ukrainian officials", "Ukrainian Officials", "group", "UKR") in found


def test_english_possessive_country():
    found, _ = actors("Sudan's government lifted the emergency.", "en")
    assert found == [("Sudan's government", "Sudanese Government", "organization", "SDN")]


def test_unknown_names_with_organisation_or_place_words():
    found, places = actors("The Revolutionary United Front attacked villages near the Mano River.", "en")
    assert ("Revolutionary United Front", "Revolutionary United Front", "organization", None) in found
    assert ("Mano River", "Mano River") in places
    from kg.extract.actors.words import _head_word_label
    from kg.nlp.tokens import tokenize
    assert _head_word_label(tokenize("Gerakan Pemuda Merdeka", "id"), "id") == "ORG"
    assert _head_word_label(tokenize("Kabupaten Sukamaju", "id"), "id") == "LOC"


@pytest.mark.parametrize("lang, text, expected", [
    # a group or institution noun acts without a name; its country comes from the place after it
    ("en", "Demonstrators in Baghdad blocked a road.", ("Demonstrators", "Iraqi Protesters", "group", "IRQ")),
    ("id", "Ribuan demonstran di Bandung berkumpul.", ("demonstran", "Indonesian Protesters", "group", "IDN")),
])
def test_nominal_group_takes_the_country_of_the_place_after_it(lang, text, expected):
    assert actors(text, lang)[0][0] == expected


@pytest.mark.parametrize("lang, text", [
    ("id", "Polisi menangkap 87 orang di Jakarta. Warga Bandung juga berkumpul di Bandung."),
    ("en", "The police arrested 87 people in Jakarta on Monday, officials in Bandung said."),
])
def test_nominal_institution_takes_the_country_the_document_is_about(lang, text):
    police = next(m for m in actors(text, lang)[0] if m[0].lower() == "police" or m[0] == "Polisi")
    assert police[1:] == ("Indonesian Police", "organization", "IDN")


@pytest.mark.parametrize("lang, text", [
    ("id", "Rusia memperluas operasi militer khusus di Ukraina."),  # "militer" modifies "operasi"
    ("en", "The detainee died in police custody in Moscow."),  # "police" modifies "custody"
    ("en", "Drones struck a market in Kharkiv."),  # weapons act only with a country: "Russian drones"
])
def test_modifiers_and_bare_weapons_are_not_nominal_actors(lang, text):
    assert all(m[2] not in ("group",) and m[1] not in ("Armed Forces", "Police") for m in actors(text, lang)[0])
    assert not any(m[0].lower() in ("militer", "police", "drones") for m in actors(text, lang)[0])


def test_demonym_with_weapon_noun_is_the_armed_forces_of_that_state():
    assert actors("Russian aircraft killed 46 civilians.", "en")[0][0] == \
        ("Russian aircraft", "Russian Armed Forces", "organization", "RUS")


def test_partial_country_name_resolves_to_the_country_named_in_the_document():
    text = "Korea Utara mendukung Rusia. Teman-teman Korea kami menegaskan dukungan mereka."
    found = find_actors(text, "id", [(0, 28), (29, len(text))])
    korea = [m for m in found.actors if m.text == "Korea"]
    assert len(korea) == 1 and korea[0].actor.country == "PRK"
    # with both Koreas named, a bare "Korea" is left undecided
    text = "Korea Utara dan Korea Selatan bertemu. Korea menang."
    found = find_actors(text, "id", [(0, 38), (39, len(text))])
    assert not [m for m in found.actors if m.text == "Korea"]


def test_possessive_country_gives_an_unknown_organisation_its_country():
    mentions, _ = actors("The Ivory Coast's Supreme Court decided to allow him to run.", "en")
    assert ("Supreme Court", "Supreme Court", "organization", "CIV") in mentions


def test_title_and_surname_take_the_country_all_known_holders_share(tmp_path):
    extra = tmp_path / "actors.yaml"
    extra.write_text("actors:\n"
                     "  - {name: Anna Testova, kind: person, country: RUS, roles: [{role: President, from: '1990'}]}\n"
                     "  - {name: Boris Testova, kind: person, country: RUS, roles: [{role: President, from: '2000'}]}\n"
                     "  - {name: Carl Doublename, kind: person, country: USA, roles: [{role: President, from: '1990'}]}\n"
                     "  - {name: Dina Doublename, kind: person, country: FRA, roles: [{role: President, from: '2000'}]}\n",
                     encoding="utf-8")
    text = "President Testova met President Doublename."
    found = find_actors(text, "en", [(0, len(text))], str(extra))
    countries = {m.text: m.actor.country for m in found.actors}
    assert countries == {"Testova": "RUS", "Doublename": None}


def test_first_name_after_honorifics_is_the_person_named_before():
    text = ("Menteri Luar Negeri Malaysia Datuk Seri Azman Rahim tiba di Jakarta. "
            "Keesokan harinya, Azman bertemu dengan Arief Wicaksono.")
    found = find_actors(text, "id", [(0, 67), (68, len(text))])
    azman = [m.actor for m in found.actors if m.text.startswith("Azman")]
    assert {a.name for a in azman} == {"Azman Rahim"} and {a.country for a in azman} == {"MYS"}
    assert {a.role for a in azman} == {"Minister of Foreign Affairs"}


def test_headline_verbs_are_not_names():
    mentions, _ = actors("Menlu Malaysia Kunjungi Jakarta", "id")
    assert not any("Kunjungi" in m[0] for m in mentions)


@pytest.mark.parametrize("lang, text, phrase", [
    ("id", "Prabowo bertemu Albanese di Jakarta. Kedua pemimpin sepakat memperkuat kerja sama.", "Kedua pemimpin"),
    ("en", "Prabowo met Albanese in Jakarta. Both leaders agreed to deepen ties.", "Both leaders"),
])
def test_both_leaders_point_back_to_the_two_people_just_named(lang, text, phrase):
    first = text.index(".") + 1
    found = find_actors(text, lang, [(0, first), (first + 1, len(text))])
    assert sorted(m.actor.name for m in found.actors if m.text == phrase) == ["Anthony Albanese", "Prabowo Subianto"]


def test_both_leaders_with_three_people_named_is_left_alone():
    text = "Prabowo, Albanese dan Luxon bertemu. Kedua pemimpin sepakat."
    found = find_actors(text, "id", [(0, 36), (37, len(text))])
    assert not [m for m in found.actors if m.text == "Kedua pemimpin"]


def test_a_group_noun_describing_a_name_is_not_an_actor_of_its_own():
    mentions, _ = actors("Kelompok bersenjata TPNPB menyerang pos TNI.", "id")
    assert [m[0] for m in mentions if m[2] in ("group", "organization")] == ["TPNPB", "TNI"]


def test_user_actors_from_csv_win_over_the_gazetteer(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("name,kind,country,aliases,role,from\nBudi Santoso,person,IDN,Pak Budi|Budi S.,Mayor,2024\n",
                    encoding="utf-8")
    found = find_actors("Pak Budi tiba di Jakarta.", "id", [(0, 25)], str(path), published="2025-01-01")
    budi = found.actors[0]
    assert (budi.text, budi.actor.name, budi.actor.country, budi.actor.role) == ("Pak Budi", "Budi Santoso", "IDN", "Mayor")


def test_a_title_word_inside_an_office_name_is_part_of_the_name():
    mentions, _ = actors("KPK meminta Direktorat Jenderal Imigrasi mencegah Hendra bepergian.", "id")
    assert ("Direktorat Jenderal Imigrasi", "organization") in [(m[0], m[2]) for m in mentions]
    assert not any(m[0] == "Imigrasi" and m[2] == "person" for m in mentions)


def test_a_bare_known_surname_takes_its_country_but_a_sentence_initial_word_needs_a_verb():
    text = "Bush said Assad must go. Major changes came."
    found = find_actors(text, "en", [(0, 24), (25, len(text))])
    countries = {m.text: m.actor.country for m in found.actors}
    assert countries.get("Bush") == "USA" and countries.get("Assad") == "SYR" and "Major" not in countries


def test_a_weekday_after_a_tagged_place_is_not_part_of_its_name():
    text = "Lavrov tiba di kota pelabuhan Wonson Sabtu pagi."
    found = find_actors(text, "id", [(0, len(text))])
    assert all("Sabtu" not in m.text for m in found.actors + found.places)


@pytest.mark.parametrize("lang, text", [
    ("id", "Harga minyak mentah naik menjadi 60 dolar AS per barel."),
    ("id", "Laba naik hingga 188 juta francs Perancis."),
    ("id", "Kuota BBM dipangkas menjadi 46 juta KL tahun ini."),
    ("en", "Oil rose to 80 U.S. dollars a barrel."),
])
def test_a_country_in_a_currency_or_a_unit_after_a_number_is_no_actor(lang, text):
    assert actors(text, lang)[0] == []


def test_a_verb_after_a_country_is_not_taken_for_a_currency():
    assert actors("The U.S. won the vote.", "en")[0][0][1] == "United States"
    assert ("Kuala Lumpur (KL)", "Kuala Lumpur") in actors("Pertemuan di Kuala Lumpur (KL) berlangsung.", "id")[1]


def test_a_tagged_person_holding_a_country_name_is_a_person_not_the_country():
    for text in ("Jokowi mengusulkan Komjen Pol Badrodin Haiti sebagai Kapolri.",
                 "Jokowi mengusulkan nama baru, yakni Komjen Pol Badrodin Haiti yang kini menjabat Wakil Kepala Polri."):
        mentions, _ = actors(text, "id")
        assert ("Badrodin Haiti", "person") in [(m[1], m[2]) for m in mentions]
        assert all(m[3] != "HTI" for m in mentions)


def test_a_police_or_military_rank_gives_the_role():
    found = find_actors("Kabid Humas Kombes Pol Rikwanto membenarkan penangkapan itu.", "id", [(0, 60)])
    person = [m.actor for m in found.actors if m.actor.kind == "person"]
    assert [(p.name, p.role, p.sector) for p in person] == [("Rikwanto", "Police Senior Commissioner", "police")]


@pytest.mark.parametrize("text, name", [
    ("Yenny Wahid mendaftarkan partainya ke Kementerian Hukum dan HAM kemarin.", "Kementerian Hukum dan HAM"),
    ("Kementerian Koperasi dan UKM menggandeng OECD.", "Kementerian Koperasi dan UKM"),
])
def test_an_institution_name_joined_by_dan_is_one_actor(text, name):
    assert name in [m[0] for m in actors(text, "id")[0]]


def test_dan_before_a_known_name_starts_another_actor():
    names = [m[1] for m in actors("Kementerian Keuangan dan Bank Indonesia sepakat.", "id")[0]]
    assert "Bank Indonesia" in names and not any("dan" in n for n in names)


def test_degrees_and_forms_of_address_are_not_names():
    assert "Ir" not in [m[0] for m in actors("Konstitusi itu diwujudkan oleh Ir. Soprijanto.", "id")[0]]
    assert [m[0] for m in actors("Pameran dibuka didampingi Ny Herawati Boediono.", "id")[0]] == ["Herawati Boediono"]


def test_jakarta_administrative_cities_are_places_not_persons():
    assert ("Kepulauan Seribu", "Thousand Islands") in actors("Kepulauan Seribu ikut terdampak banjir rob.", "id")[1]
    mentions, places = actors("Ia dirawat di Rumah Sakit Pertamina, Jakarta Pusat.", "id")
    assert ("Jakarta Pusat", "Central Jakarta") in places and not any(m[0] == "Pusat" for m in mentions)


def test_a_particle_joined_last_name_stays_in_the_name():
    assert "Brigade Ezzedine al-Qassam" in [m[0] for m in actors("Sayap militer Hamas, Brigade Ezzedine al-Qassam, "
                                                                  "mengaku bertanggung jawab.", "id")[0]]


def test_a_military_or_police_unit_is_one_organisation_not_people():
    mentions, _ = actors("Kodam XVII/Cenderawasih mengerahkan sekitar 500 personel ke Intan Jaya.", "id")
    assert ("Kodam XVII/Cenderawasih", "Kodam XVII/Cenderawasih", "organization", None) in mentions
    assert not any(m[2] == "person" for m in mentions)


def test_words_after_a_tagged_first_name_in_the_same_run_are_the_surname():
    mentions, _ = actors("Menteri Luar Negeri Malaysia Datuk Seri Azman Rahim tiba di Jakarta.", "id")
    assert ("Azman Rahim", "person") in [(m[1], m[2]) for m in mentions]


def test_world_regions_are_places():
    _, places = actors("Wabah itu menyebar di Afrika dan Asia Tenggara.", "id")
    assert ("Afrika", "Africa") in places and ("Asia Tenggara", "Southeast Asia") in places


@pytest.mark.parametrize("lang, text, name", [
    ("en", "In 2014 NATO suspended cooperation with Russia.", "NATO"),
    ("en", "About 1,500 US troops were sent to the border.", "American Troops"),
    ("id", "Pada tahun 2020 TNI mengerahkan pasukan ke Papua.", "TNI"),
    ("id", "Pada 2024 PBB menyerukan gencatan senjata.", "United Nations"),
])
def test_a_short_form_after_a_year_or_count_is_still_an_actor(lang, text, name):
    assert name in [m[1] for m in actors(text, lang)[0]]


@pytest.mark.parametrize("lang, text, names", [
    ("id", "Polres Bogor dan Polsek Cibinong menangkap dua pelaku.", ["Polres Bogor", "Polsek Cibinong"]),
    ("id", "Bank Mandiri dan BRI menyalurkan kredit.", ["Bank Mandiri", "BRI"]),
    ("en", "The Bank of America and Wells Fargo reported losses.", ["Wells Fargo"]),
])
def test_dan_between_two_institutions_keeps_them_apart(lang, text, names):
    found = [m[0] for m in actors(text, lang)[0]]
    assert all(n in found for n in names) and not any(" dan " in f or " and " in f for f in found)


def test_an_office_name_stops_at_a_rank():
    mentions, _ = actors("Kepala Polda Metro Jaya Irjen Pol Karyoto mengatakan pelaku ditangkap.", "id")
    assert ("Polda Metro Jaya", "organization") in [(m[0], m[2]) for m in mentions]
    assert ("Karyoto", "person") in [(m[1], m[2]) for m in mentions]


def test_a_headline_word_after_a_name_is_not_a_surname():
    names = [m[1] for m in actors("Warga Sambut Kedatangan Agus Salim Bersama Istri", "id")[0]]
    assert "Agus Salim" in names and not any("Istri" in n for n in names)


@pytest.mark.parametrize("text", ["Kompas.com melaporkan banjir itu.", "Banjir itu dilaporkan Kompas.com."])
def test_an_outlets_domain_is_the_outlet(text):
    assert ("Kompas", "IDN") in [(m[1], m[3]) for m in actors(text, "id")[0]]


@pytest.mark.parametrize("lang, text, country", [
    ("id", "Indonesia dong yang menang!", "Indonesia"),
    ("id", "Indonesia euro 2024 tidak lolos.", "Indonesia"),
    ("en", "Germany euro bonds rallied on Monday.", "Germany"),
])
def test_words_that_only_look_like_currencies_keep_the_country(lang, text, country):
    assert (country, "country") in [(m[1], m[2]) for m in actors(text, lang)[0]]


@pytest.mark.parametrize("text, name, role", [
    ("Mayjen TNI Izak Pangemanan meninjau lokasi.", "Izak Pangemanan", "Major General"),
    ("Kapolres Bogor AKBP Iman Imanuddin membenarkan penangkapan itu.", "Iman Imanuddin",
     "District Police Chief"),  # the office is the role; the rank only says that a name follows
    ("Marsekal Madya Fadjar Prasetyo meninjau pangkalan.", "Fadjar Prasetyo", "Air Marshal"),
])
def test_the_name_after_a_rank_is_a_person(text, name, role):
    found = find_actors(text, "id", [(0, len(text))])
    assert (name, "person", role) in [(m.actor.name, m.actor.kind, m.actor.role) for m in found.actors]


@pytest.mark.parametrize("text, office", [
    ("Ia pernah menjadi Kepala Kejaksaan Tinggi Sulawesi Selatan.", "Kejaksaan Tinggi Sulawesi Selatan"),
    ("Polres Bogor menangkap dua pelaku.", "Polres Bogor"),
])
def test_a_regional_office_is_one_organisation_without_an_extra_place(text, office):
    mentions, places = actors(text, "id")
    assert office in [m[0] for m in mentions] and places == []


@pytest.mark.parametrize("text, name", [
    ("Ketua DPD Partai Demokrat Bali I Made Mudharta saat dihubungi, Senin.", "I Made Mudharta"),
    ("Ni Luh Djelantik mengkritik kebijakan itu.", "Ni Luh Djelantik"),
])
def test_balinese_name_prefixes_are_part_of_the_name(text, name):
    assert name in [m[0] for m in actors(text, "id")[0]]


@pytest.mark.parametrize("text, office, person", [
    ("Kepala Dinas Pendidikan Agus Salim meninjau sekolah.", "Dinas Pendidikan", "Agus Salim"),
    ("Komandan Kodim Jakarta Timur Letkol Budi Santoso hadir.", "Kodim Jakarta Timur", "Budi Santoso"),
])
def test_an_office_before_its_head_stays_an_organisation(text, office, person):
    mentions, _ = actors(text, "id")
    assert (office, "organization") in [(m[0], m[2]) for m in mentions]
    assert (person, "person") in [(m[1], m[2]) for m in mentions]


@pytest.mark.parametrize("text, person, role, place", [
    ("Gubernur Jawa Barat Ridwan Kamil meresmikan pasar itu.", "Ridwan Kamil", "Governor", "Jawa Barat"),
    ("Bupati Bogor Ade Yasin meresmikan pasar itu.", "Ade Yasin", "Regent", "Bogor"),
    ("Wali Kota Surabaya Eri Cahyadi meresmikan pasar itu.", "Eri Cahyadi", "Mayor", "Surabaya"),
    ("Kapolda Papua Irjen Pol Mathius Fakhiri mengatakan pasukan menyerang.", "Mathius Fakhiri",
     "Regional Police Chief", "Papua"),
    ("Gubernur Jawa Barat, Ridwan Kamil, meresmikan pasar itu.", "Ridwan Kamil", "Governor", "Jawa Barat"),
    ("Sekda Cianjur, Baharudin Ali, mengatakan itu.", "Baharudin Ali", "Regional Secretary", "Cianjur"),
])
def test_a_regional_office_holder_takes_the_office_and_the_region_stays_a_place(text, person, role, place):
    found = find_actors(text, "id", [(0, len(text))])
    people = [(m.actor.name, m.actor.role, m.actor.country) for m in found.actors if m.actor.kind == "person"]
    assert people == [(person, role, "IDN")]
    assert place in [m.text for m in found.places]


def test_a_region_after_an_office_with_no_name_after_it_is_only_a_place():
    found = find_actors("Gubernur Jawa Barat meresmikan pasar itu.", "id", [(0, 40)])
    assert [m.text for m in found.places] == ["Jawa Barat"]
    assert not [m for m in found.actors if m.actor.kind == "person"]


@pytest.mark.parametrize("text, person, role, country", [
    ("Kapolri Jenderal Listyo Sigit Prabowo mengatakan itu.", "Listyo Sigit Prabowo", "Chief of National Police", "IDN"),
    ("Menkumham Yasonna Laoly menolak permintaan itu.", "Yasonna Laoly", "Minister of Law and Human Rights", "IDN"),
    ("Menteri Kesehatan Budi Gunadi Sadikin meninjau rumah sakit.", "Budi Gunadi Sadikin", "Minister of Health", None),
    ("Menteri Kesehatan Malaysia Dzulkefly Ahmad meninjau rumah sakit.", "Dzulkefly Ahmad", "Minister of Health", "MYS"),
    ("Juru bicara Presiden Joko Widodo mengatakan itu.", "Joko Widodo", "President", "IDN"),
])
def test_an_office_only_one_state_has_gives_its_holder_that_country(text, person, role, country):
    found = find_actors(text, "id", [(0, len(text))])
    people = [(m.actor.name, m.actor.role, m.actor.country) for m in found.actors if m.actor.kind == "person"]
    assert people == [(person, role, country)]


def test_an_office_name_holding_a_rank_word_stays_an_office():
    found = find_actors("Direktorat Jenderal Imigrasi menolak visa itu.", "id", [(0, 46)])
    assert [(m.text, m.actor.kind) for m in found.actors] == [("Direktorat Jenderal Imigrasi", "organization")]


def test_places_listed_after_an_office_are_places_not_its_holder():
    found = find_actors("Gubernur Jawa Barat, Jawa Tengah, dan Banten bertemu.", "id", [(0, 53)])
    assert not [m for m in found.actors if m.actor.kind == "person"]
    assert {"Jawa Barat", "Banten"} <= {m.text for m in found.places}


def test_a_run_holding_an_institution_word_is_no_ones_full_name():
    from kg.extract.actors.recognizer import _document_persons
    from kg.extract.actors.nodes import _Item
    from kg.extract.actors.gazetteer import gazetteer
    from kg.nlp.tokens import tokenize
    tokens = tokenize("Universitas Gadjah Mada Panut Mulyono dan Sergey Lavrov", "id")
    items = [_Item(0, 5, "name"), _Item(6, 8, "name")]
    persons = _document_persons([(None, tokens, items)], gazetteer("id"), "id")
    assert "Mulyono" not in persons and "Universitas" not in persons
    assert persons["Lavrov"].name == "Sergey Lavrov"


@pytest.mark.parametrize("text, person, role", [
    ("Menurut Gubernur Jawa Barat, Prabowo Subianto sudah menyetujui anggaran itu.", "Prabowo Subianto",
     "President of Indonesia"),
    ("Selain Gubernur Jawa Barat, Anies Baswedan juga hadir di acara itu.", "Anies Baswedan", "Governor of Jakarta"),
    ("Wakil Gubernur Jawa Tengah Taj Yasin Maimoen meninjau lokasi.", "Taj Yasin Maimoen", "Vice Governor"),
    ("Komandan Jenderal Kopassus Mayjen TNI Djon Afriandi meninjau lokasi.", "Djon Afriandi", "Major General"),
])
def test_an_office_goes_only_to_its_own_holder(text, person, role):
    found = find_actors(text, "id", [(0, len(text))])
    people = [(m.actor.name, m.actor.role) for m in found.actors if m.actor.kind == "person"]
    assert people == [(person, role)]


def test_a_region_whose_holder_is_not_found_stays_a_place():
    text = "Kapolda Jawa Timur, Irjen Pol Nico Afinta meminta maaf atas kejadian itu."
    found = find_actors(text, "id", [(0, len(text))])
    assert [m.text for m in found.places] == ["Jawa Timur"]
    assert [(m.actor.name, m.actor.role) for m in found.actors] == [("Nico Afinta", "Regional Police Chief")]


@pytest.mark.parametrize("text, owner", [
    ("Jordan's Ministry of Energy and Mineral Resources announced new prices.", "JOR"),
    ("Kenya's Ministry of Environment and Forestry banned logging.", "KEN"),
])
def test_a_portfolio_name_other_states_share_takes_the_country_named(text, owner):
    found = find_actors(text, "en", [(0, len(text))])
    assert [(m.actor.kind, m.actor.country) for m in found.actors] == [("organization", owner)]


def test_site_furniture_and_mis_decoded_text_are_no_actors():
    from kg.api import extract_text

    text = ("Rusia menyerang Ukraina. SCROLL TO CONTINUE WITH CONTENT Menteri Pertanian Budi Santoso bertemu "
            "Kim Jong Un.\n\nKata \u00d9\u2026\u00d8\u00ad\u00d9\u2026\u00d8\u00af kepada wartawan \ufffd\ufffd.")
    names = {a["name"] for a in extract_text(text, lang="id", published="2025-07-12")["actors"]}
    assert {"Russia", "Ukraine", "Budi Santoso", "Kim Jong Un"} <= names
    assert not any("CONTENT" in n or "\u00d9" in n or "\ufffd" in n for n in names)


def test_headline_verbs_are_not_part_of_a_name():
    from kg.api import extract_text

    for text, lang in (("Prabowo Puji Jokowi\n\nPrabowo Subianto memuji Joko Widodo di Jakarta.", "id"),
                       ("Trump Dilantik\n\nDonald Trump dilantik di Washington.", "id")):
        persons = {a["text"] for a in extract_text(text, lang=lang)["actors"] if a["kind"] == "person"}
        assert not any(" " in p and p.split()[1] in ("Puji", "Dilantik") for p in persons), persons


def test_money_words_are_no_part_of_a_persons_name():
    from kg.api import extract_text

    persons = [a["text"] for a in extract_text("Uang Rp 5 juta diberikan kepada Budi Santoso.", lang="id")["actors"]
               if a["kind"] == "person"]
    assert persons == ["Budi Santoso"]


def test_english_function_words_and_contractions_start_no_name():
    from kg.api import extract_text

    text = "So I'm glad the rules changed. Why Islam matters to Richard Stallman. Until I'm sure, Joe Biden waits."
    persons = {a["text"] for a in extract_text(text, lang="en")["actors"] if a["kind"] == "person"}
    assert persons == {"Richard Stallman", "Joe Biden"}
