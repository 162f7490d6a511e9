"""Roles and clause scope read from the dependency tree: one test per pattern family, in both
languages (kg/lang/<code>/syntax.yaml). Sentences are made up for the family, not taken from
any evaluation set."""
from __future__ import annotations

import pytest

from kg.api import extract_text


def events(text, lang, published="2025-07-12"):
    record = extract_text(text, lang=lang, published=published)
    return [(e["type"], [a["name"] for a in e["source"]], [a["name"] for a in e["target"]],
             (e["date"] or {}).get("value"), e["modality"], [a["name"] for a in e["according_to"]])
            for e in record["events"]]


def roles_of(text, lang, kind):
    return [(s, t) for k, s, t, *_ in events(text, lang) if k == kind]


@pytest.mark.parametrize("lang, text, kind, source, target", [
    # subject and object of an active verb
    ("id", "Polisi Filipina menangkap Rodrigo Duterte di Manila.", "COERCE", "Filipino Police", "Rodrigo Duterte"),
    ("en", "Philippine police arrested Rodrigo Duterte in Manila.", "COERCE", "Filipino Police", "Rodrigo Duterte"),
    # a case-marked oblique is the counterpart
    ("id", "Rusia melancarkan serangan terhadap Ukraina.", "ASSAULT", "Russia", "Ukraine"),
    ("en", "Russia launched an attack on Ukraine.", "ASSAULT", "Russia", "Ukraine"),
    # passive with an agent
    ("id", "Rodrigo Duterte ditangkap oleh polisi Filipina.", "COERCE", "Filipino Police", "Rodrigo Duterte"),
    ("en", "Rodrigo Duterte was arrested by Philippine police.", "COERCE", "Filipino Police", "Rodrigo Duterte"),
    # the object is a possessive phrase: the actor inside it
    ("id", "Polisi Rusia menggerebek kantor kelompok hak asasi manusia Amnesty International.", "COERCE", "Russian Police",
     "Amnesty International"),
    ("en", "Russian police raided the offices of the human rights group Amnesty International.", "COERCE",
     "Russian Police", "Amnesty International"),
    # an event noun and its arguments
    ("id", "Serangan Rusia ke Ukraina berlanjut.", "ASSAULT", "Russia", "Ukraine"),
    ("en", "Russia's attack on Ukraine continued.", "ASSAULT", "Russia", "Ukraine"),
    # control: the object of "asked" is the one asked
    ("id", "Amerika Serikat meminta Iran untuk menghentikan pengayaan uranium.", "REQUEST", "United States", "Iran"),
    ("en", "The United States urged Iran to halt uranium enrichment.", "REQUEST", "United States", "Iran"),
    # the addressee of a demand is the subject of the demanded clause
    ("en", "China demanded that Japan withdraw its ships.", "REQUEST", "China", "Japan"),
])
def test_role_families(lang, text, kind, source, target):
    found = roles_of(text, lang, kind)
    assert any(source in s and target in t for s, t in found), found


@pytest.mark.parametrize("lang, text", [
    ("id", "Rusia dan Iran menandatangani perjanjian kerja sama militer."),
    ("en", "Russia and Iran signed a military cooperation agreement."),
])
def test_coordinated_subjects_both_act(lang, text):
    assert any({"Russia", "Iran"} <= set(e[1]) for e in events(text, lang))


@pytest.mark.parametrize("lang, text", [
    ("id", "Korea Utara menyerang Jepang dan Korea Selatan."),
    ("en", "North Korea attacked Japan and South Korea."),
])
def test_coordinated_objects_are_all_targets(lang, text):
    assert any({"Japan", "South Korea"} <= set(t) for s, t in roles_of(text, lang, "ASSAULT"))


@pytest.mark.parametrize("lang, text", [
    ("id", "Pasukan Rusia yang menyerang Ukraina mundur."),
    ("en", "Russian troops who attacked Ukraine withdrew."),
])
def test_relative_clause_subject_is_the_noun_it_modifies(lang, text):
    assert any("Ukraine" in t and s for s, t in roles_of(text, lang, "ASSAULT"))


@pytest.mark.parametrize("lang, text", [
    ("id", "Juru bicara Kremlin mengatakan Rusia menyerang Ukraina."),
    ("en", "A Kremlin spokesman said Russia attacked Ukraine."),
])
def test_reported_speech_speaker_is_not_the_source(lang, text):
    (event,) = [e for e in events(text, lang) if e[0] == "ASSAULT"]
    assert event[1] == ["Russia"] and event[2] == ["Ukraine"]


@pytest.mark.parametrize("lang, text", [
    ("id", "Netanyahu meminta maaf kepada Turki atas serangan komando tahun 2010."),
    ("en", "Prime Minister Benjamin Netanyahu apologized to Turkey for a 2010 commando raid."),
])
def test_a_date_dates_the_clause_that_holds_it(lang, text):
    apologies = [e for e in events(text, lang) if e[0] == "CONCEDE"]
    assert apologies and all(e[3] != "2010" for e in apologies)
    assert any("Türkiye" in e[2] for e in apologies)


@pytest.mark.parametrize("lang, text", [
    ("id", "Rusia tidak menyerang Ukraina pada hari Senin."),
    ("en", "Russia did not attack Ukraine on Monday."),
])
def test_negation_is_read_from_the_events_own_clause(lang, text):
    (event,) = [e for e in events(text, lang) if e[0] == "ASSAULT"]
    assert event[4] == "negated" and event[3] == "2025-07-07"


def test_nominal_event_through_terhadap_and_an_apposition_with_initials():
    text = ("Pada Jumat (14/3/2025), KPK menetapkan Arif Setiawan sebagai tersangka. "
            "KPK mengumumkan penahanan terhadap 1 satu orang tersangka, yakni Saudara AS.")
    record = extract_text(text, lang="id", published="2025-03-14")
    detentions = [e for e in record["events"] if e["sentence"] == 1 and e["type"] == "COERCE"]
    assert detentions, record["events"]
    assert [a["name"] for a in detentions[0]["source"]] == ["KPK"]
    assert [a["name"] for a in detentions[0]["target"]] == ["Arif Setiawan"]
    assert all(a["country"] != "USA" for a in record["actors"])
