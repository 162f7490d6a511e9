"""Word-list hints for the name tagger: GeoNames cities, given and family names, dictionary words."""
from __future__ import annotations

import gzip

from kg.api import extract_text
from kg.extract.actors.namehints import NAMES_TABLE, hint_features


def test_hints_mark_cities_names_and_dictionary_words_whatever_the_case():
    lower = hint_features(["budi", "santoso", "tiba", "di", "bandung"])
    upper = hint_features(["Budi", "Santoso", "tiba", "di", "Bandung"])
    assert lower == upper
    assert "fn" in lower[0] and "ln+1" in lower[0] and "fn-1" in lower[1]
    assert "geo=B" in lower[4] and "geo+1=B" in lower[3] and "geo=O" in lower[2]
    assert "lex=10" in lower[2]  # "tiba" is an Indonesian word, not an English one


def test_multiword_city_names_are_one_hint():
    feats = hint_features(["warga", "kuala", "lumpur", "datang"])
    assert "geo=B" in feats[1] and "geo=I" in feats[2] and "geo=O" in feats[3]


def test_the_name_table_keeps_its_attribution_and_shape():
    with gzip.open(NAMES_TABLE, "rt", encoding="utf-8") as f:
        lines = f.read().splitlines()
    assert lines[0].startswith("# ") and "Faker" in lines[0] and "MIT" in lines[1]
    rows = [line.split("\t") for line in lines if not line.startswith("#")]
    assert len(rows) > 20000
    assert all(len(r) == 2 and r[0] == r[0].lower() and r[1] in ("given", "family", "both") for r in rows)
    assert [r[0] for r in rows] == sorted(r[0] for r in rows)
    assert (NAMES_TABLE.parent / "person-names.NOTICE.md").exists()


def test_lower_cased_text_still_gives_persons_and_places():
    record = extract_text("kemarin budi santoso bertemu warga jombang di bandung .", lang="id")
    assert ("budi santoso", "person") in [(a["text"], a["kind"]) for a in record["actors"]]
    assert {"jombang", "bandung"} <= {p["text"] for p in record["places"]}


def test_proper_noun_counts_say_how_often_a_word_is_a_name_whatever_the_case():
    lower = hint_features(["warga", "jakarta", "datang"])
    assert lower == hint_features(["Warga", "Jakarta", "datang"])
    assert "pn=3c" in lower[1] and "pn-1=0c" in lower[1] and "pn+1=0c" in lower[1]
    assert "pn=none" in hint_features(["zzqxv"])[0]
    assert not any(f.startswith("pn") for f in hint_features(["warga", "jakarta"], lang="xx")[1])


def test_the_proper_noun_table_keeps_its_attribution_and_shape():
    path = NAMES_TABLE.parent / "proper-nouns-id.tsv.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        lines = f.read().splitlines()
    assert lines[0].startswith("# ") and "nlp-id" in lines[1] and "MIT" in lines[1]
    rows = [line.split("\t") for line in lines if not line.startswith("#")]
    assert len(rows) > 15000 and [r[0] for r in rows] == sorted(r[0] for r in rows)
    assert all(len(r) == 4 and r[0] == r[0].lower() and 0 <= int(r[2]) <= int(r[1]) for r in rows)
    assert (path.parent / "proper-nouns-id.NOTICE.md").exists()
