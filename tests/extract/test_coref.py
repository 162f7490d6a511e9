"""Document-level actor resolution: bodies people act for, officials' countries, first names of
other people, mediators."""
from __future__ import annotations

import pytest

from kg.api import extract_text
from kg.extract.actors import find_actors


def roles(text, lang):
    record = extract_text(text, lang=lang, published="2025-07-12")
    return [(e["type"], sorted(a["name"] for a in e["source"]), sorted(a["name"] for a in e["target"]))
            for e in record["events"]]


def persons(text, lang):
    found = find_actors(text, lang, [(0, len(text))])
    return {m.text: (m.actor.name, m.actor.country) for m in found.actors if m.actor.kind == "person"}


@pytest.mark.parametrize("lang, text, body", [
    ("en", "U.N. Secretary-General Kofi Annan condemned the attack on Ukraine.", "United Nations"),
    ("en", "Kenzo Oshima, the United Nations Emergency Relief Coordinator, condemned the attack on Ukraine.",
     "United Nations"),
    ("id", "Sekretaris Jenderal PBB Antonio Guterres mengecam serangan terhadap Ukraina.", "United Nations"),
])
def test_an_official_of_an_international_body_acts_with_it(lang, text, body):
    ((kind, source, target),) = roles(text, lang)
    assert kind == "ACCUSE" and body in source and len(source) == 2 and target == ["Ukraine"]


@pytest.mark.parametrize("lang, text", [
    ("en", "Russian Foreign Minister Sergey Lavrov condemned the attack on Ukraine."),
    ("id", "Menteri Luar Negeri Rusia Sergey Lavrov mengecam serangan terhadap Ukraina."),
])
def test_a_national_official_brings_no_second_source(lang, text):
    assert roles(text, lang) == [("ACCUSE", ["Sergey Lavrov"], ["Ukraine"])]


@pytest.mark.parametrize("lang, text, name, country", [
    ("en", "Lt. Gen. Prosper Avril resigned yesterday to allow Haiti's first democratic elections to take place.",
     "Prosper Avril", "HTI"),
    ("en", "Vice-President Moody Awori declined to resign despite pressure from the Kenyan parliament.",
     "Moody Awori", "KEN"),
    ("id", "Mayor Jenderal Budi Santoso mengundurkan diri dari Tentara Nasional Indonesia di Jakarta.",
     "Budi Santoso", "IDN"),
])
def test_an_official_without_nationality_serves_the_documents_state(lang, text, name, country):
    assert persons(text, lang)[name] == (name, country)


@pytest.mark.parametrize("lang, text", [
    ("en", "Ambassador Piotr Kowalski met officials in Haiti."),  # a diplomat is often foreign
    ("en", "President Testerson spoke."),  # no state named: nothing to go by
])
def test_officials_keep_no_country_without_evidence(lang, text):
    ((_, country),) = persons(text, lang).values()
    assert country is None


@pytest.mark.parametrize("lang, text", [
    ("en", "Arab League Secretary General Chadli Klibi arrived in Cairo."),
    ("id", "Ketua Liga Arab Chadli Klibi tiba di Kairo."),
])
def test_a_known_first_name_followed_by_another_surname_is_someone_else(lang, text):
    assert persons(text, lang)["Chadli Klibi"][0] == "Chadli Klibi"


@pytest.mark.parametrize("lang, text", [
    ("en", "Arab League Secretary General Chadli Klibi undertook mediation between Syria and Palestinian leader "
           "Yasser Arafat."),
    ("id", "Ketua Liga Arab Chadli Klibi memimpin mediasi antara Suriah dan Palestina."),
])
def test_a_mediator_acts_on_both_sides(lang, text):
    ((kind, source, target),) = roles(text, lang)
    assert kind == "CONSULT" and source == ["Arab League", "Chadli Klibi"]
    assert "Syria" in target and len(target) == 2
