"""Language-independent data: gazetteers and the PLOVER table agree with their schemas and the ontology."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from rdflib import Graph, Namespace
from rdflib.namespace import SKOS

from kg.extract.actors.gazetteer import gazetteer

DATA = Path(__file__).resolve().parents[1] / "kg" / "data"
ROOT = Path(__file__).resolve().parents[1]
ISO3 = re.compile(r"^[A-Z]{3}$")


def load(name):
    text = (DATA / f"{name}.yaml").read_text(encoding="utf-8")
    assert text.lstrip().startswith("#"), f"{name}.yaml needs a header saying where its lists came from"
    return yaml.safe_load(text)


@pytest.mark.parametrize("name, section", [("places", "places"), ("organizations", "organizations"),
                                           ("persons", "persons"), ("countries", "countries")])
def test_gazetteer_schema(name, section):
    for item in load(name)[section]:
        if section == "countries":
            assert ISO3.match(item["code"])
            continue
        assert isinstance(item["name"], str) and item["name"].strip()
        assert item.get("country") is None or ISO3.match(item["country"]), item
        assert item.get("wikidata") is None or re.fullmatch(r"Q\d+", item["wikidata"]), item
        assert all(isinstance(a, str) for a in item.get("aliases") or [])
        if section == "places":
            assert item["kind"] in ("capital", "seat", "city", "region")
            assert item.get("stands_for") is None or ISO3.match(item["stands_for"])
        for role in item.get("roles") or []:
            assert isinstance(role["role"], str)


def test_plover_yaml_agrees_with_ontology():
    plover = load("plover")
    graph = Graph().parse(ROOT / "ontology" / "plover.ttl")
    ns = Namespace("https://w3id.org/etkg/plover/")
    assert len(plover["types"]) == 16
    for name, info in plover["types"].items():
        assert (ns[name], SKOS.notation, None) in graph
        for mode in info["modes"]:
            assert (ns[f"{name}-{mode}"], SKOS.broader, ns[name]) in graph
        cameo = {str(o).rsplit("/", 1)[-1] for o in graph.objects(ns[name], SKOS.closeMatch)}
        assert cameo == set(info["cameo"])


@pytest.mark.parametrize("lang", ["id", "en"])
def test_cldr_country_names_in_each_language(lang):
    gaz = gazetteer(lang)
    names = {("id", ("Korea", "Utara")): "PRK", ("id", ("Amerika", "Serikat")): "USA", ("en", ("North", "Korea")): "PRK",
             ("en", ("Russia",)): "RUS", ("id", ("AS",)): "USA", ("en", ("U.S.",)): "USA"}
    for (code, key), iso in names.items():
        if code == lang:
            assert gaz.names[key].country == iso
