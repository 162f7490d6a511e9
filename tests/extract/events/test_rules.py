"""Readings of a sentence's events together: joint exercises, warnings, hostile vows."""
from __future__ import annotations

import pytest

from kg.api import extract_text


def events(text, lang):
    record = extract_text(text, lang=lang, published="2025-07-12")
    return [(e["type"], sorted(a["name"] for a in e["source"]), sorted(a["name"] for a in e["target"]))
            for e in record["events"]]


@pytest.mark.parametrize("lang, text", [
    ("en", "French and Egyptian warships on Monday launched 10 days of war games in the Mediterranean Sea."),
    ("id", "Kapal perang Prancis dan Mesir memulai latihan perang di Laut Tengah."),
])
def test_joint_exercises_of_two_states_are_cooperation(lang, text):
    ((kind, source, target),) = events(text, lang)
    assert kind == "COOPERATE" and len(source) == 2 and target == source


@pytest.mark.parametrize("lang, text", [
    ("en", "Russian warships on Monday launched war games in the Baltic Sea."),
    ("id", "Kapal perang Rusia memulai latihan perang di Laut Baltik."),
])
def test_exercises_of_one_state_stay_mobilisation(lang, text):
    assert [e[0] for e in events(text, lang)] == ["MOBILIZE"]


@pytest.mark.parametrize("lang, text", [
    ("en", "Cairo's security chief has warned that police will no longer tolerate rallies by the Kifaya group."),
    ("id", "Kepala keamanan Kairo memperingatkan bahwa polisi tidak akan lagi menoleransi unjuk rasa kelompok Kifaya."),
])
def test_a_warning_of_what_will_happen_is_a_threat(lang, text):
    threats = [e for e in events(text, lang) if e[0] == "THREATEN"]
    assert [e[1] for e in threats] == [["Egypt"]]


@pytest.mark.parametrize("lang, text", [
    ("en", "The ministry warned that prices rose last year after the protests."),
    ("id", "Kementerian memperingatkan bahwa harga naik tahun lalu setelah unjuk rasa."),
])
def test_a_warning_about_the_past_is_no_threat(lang, text):
    assert "THREATEN" not in [e[0] for e in events(text, lang)]


@pytest.mark.parametrize("lang, text", [
    ("en", "Russia vowed to attack Kyiv."),
    ("id", "Rusia bersumpah akan menyerang Kyiv."),
])
def test_a_vow_to_attack_is_a_threat(lang, text):
    assert ("THREATEN", ["Russia"], ["Ukraine"]) in events(text, lang)


@pytest.mark.parametrize("lang, text", [
    ("en", "Russia vowed to support Belarus."),
    ("id", "Rusia berjanji akan mendukung Belarus."),
])
def test_a_vow_to_help_stays_a_promise(lang, text):
    assert "THREATEN" not in [e[0] for e in events(text, lang)]


@pytest.mark.parametrize("lang, text", [
    ("en", "Cisco has promised a compatible release before the end of the month."),
    ("id", "Cisco berjanji merilis versi yang kompatibel sebelum akhir bulan."),
])
def test_a_promise_of_a_product_is_no_threat(lang, text):
    assert "THREATEN" not in [e[0] for e in events(text, lang)]


@pytest.mark.parametrize("lang, text", [
    ("en", "Sudan's army vows retaliation."),
    ("id", "Militer Sudan bersumpah akan membalas."),
])
def test_a_vow_of_retaliation_is_a_threat(lang, text):
    assert "THREATEN" in [e[0] for e in events(text, lang)]


@pytest.mark.parametrize("lang, text", [
    ("en", "Germany warned that Russia will attack Poland."),  # someone else's attack: a report, not a threat
    ("en", "The IMF warned that inflation will rise next year."),
    ("id", "Menteri memperingatkan bahwa harga beras akan naik."),
])
def test_a_warning_about_others_or_prices_is_no_threat(lang, text):
    assert "THREATEN" not in [e[0] for e in events(text, lang)]


def test_a_warning_that_ones_own_side_could_act_is_a_dated_threat():
    record = extract_text("Iran's navy commander, Rear Admiral Hossein Farahani, warned last week that Iran could "
                          "close the Strait of Hormuz if its oil exports were blocked.", lang="en",
                          published="2025-11-20")
    (threat,) = [e for e in record["events"] if e["type"] == "THREATEN"]
    assert threat["date"]["value"] == "2025-11" and "Iran" not in [a["name"] for a in threat["target"]]


@pytest.mark.parametrize("lang, text, threat", [
    ("en", "Ethnic Albanians have sworn to fight until they gain control of villages near Macedonia's border.", True),
    ("id", "Etnis Albania bersumpah akan berperang sampai menguasai desa-desa di dekat perbatasan Makedonia.", True),
    ("en", "Obama vowed to fight poverty.", False),
    ("id", "Presiden berjanji akan memerangi korupsi.", False),
])
def test_a_vow_to_fight_is_a_threat_only_against_someone_named(lang, text, threat):
    assert ("THREATEN" in [e[0] for e in events(text, lang)]) == threat


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "A landslide blocked the road to Bogor.", []),
    ("id", "Longsor memblokir jalan di Batu.", []),
    ("en", "Police blocked the road to the parliament in Nairobi.", ["COERCE"]),
    ("en", "The central bank cut loans to small businesses.", []),
    ("id", "Pabrik itu mengurangi pasokan suku cadang.", []),
    ("en", "Rising costs forced the company to pull out of Kenya.", []),
    ("en", "The app provides protection against viruses.", []),
])
def test_object_readings_need_the_parties_the_codebook_means(lang, text, expected):
    assert [e[0] for e in events(text, lang)] == expected
